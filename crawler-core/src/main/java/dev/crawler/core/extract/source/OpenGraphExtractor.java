package dev.crawler.core.extract.source;

import dev.crawler.core.extract.normalise.PageContext;
import dev.crawler.core.extract.normalise.TitleCleaner;
import dev.crawler.core.extract.scan.MetaTags;
import dev.crawler.core.extract.scan.PageScan;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The page's product as its meta tags describe it: OpenGraph ({@code og:type=product},
 * {@code og:title}, {@code og:image}), the product namespace ({@code product:price:amount},
 * {@code product:price:currency}, {@code product:availability}, {@code product:brand},
 * {@code product:retailer_item_id}, {@code product:gtin}), the common {@code og:price:*} variants,
 * and Twitter Card label/data pairs whose label says "price".
 *
 * <p>Meta tags describe the page, so at most one candidate comes out, and only when the page says
 * it is a product: an {@code og:type} mentioning "product" or a price tag. A sale price tag wins
 * over the regular price because it is what the shop charges now.
 */
public final class OpenGraphExtractor implements Extractor {

  private static final Pattern PRICE_LABEL =
      Pattern.compile("(?i)price|prix|preis|precio|prezzo|preço|cena|цена|prijs|hinta|pris|fiyat|価格|价格|價格|가격");
  private static final int MAX_TWITTER_PAIRS = 8;

  @Override
  public Source source() {
    return Source.OPENGRAPH;
  }

  @Override
  public List<ProductCandidate> extract(PageScan scan) {
    MetaTags meta = scan.markup().metaTags();
    PageContext page = scan.context();
    String price = meta.first("product:sale_price:amount", "product:price:amount", "og:price:amount",
        "product:price", "og:price");
    if (price == null) {
      price = twitterPrice(meta);
    }
    if (!isProduct(meta) && price == null) {
      return List.of();
    }
    CandidateBuilder builder = new CandidateBuilder(Source.OPENGRAPH, page)
        .name(TitleCleaner.productName(meta.first("og:title", "twitter:title"), scan.markup().title(),
            meta.get("og:site_name"), page.host()))
        .priceText(price)
        .currency(meta.first("product:sale_price:currency", "product:price:currency", "og:price:currency"))
        .availability(meta.first("product:availability", "og:availability"))
        .brand(meta.first("product:brand", "og:brand"))
        .sku(meta.first("product:retailer_item_id", "product:sku"))
        .image(meta.first("og:image:secure_url", "og:image", "og:image:url", "twitter:image"))
        .itemUrl(meta.get("og:url"));
    for (String key : new String[] {"product:gtin", "product:ean", "product:upc", "product:isbn", "og:upc",
        "og:ean", "product:retailer_item_id"}) {
      builder.gtin(meta.get(key));
    }
    return builder.build().map(List::of).orElse(List.of());
  }

  private static boolean isProduct(MetaTags meta) {
    String type = meta.get("og:type");
    return type != null && type.toLowerCase(Locale.ROOT).contains("product");
  }

  /** {@code twitter:dataN} whose {@code twitter:labelN} names a price. */
  private static @Nullable String twitterPrice(MetaTags meta) {
    for (int i = 1; i <= MAX_TWITTER_PAIRS; i++) {
      String label = meta.get("twitter:label" + i);
      if (label != null && PRICE_LABEL.matcher(label).find()) {
        return meta.get("twitter:data" + i);
      }
    }
    return null;
  }
}

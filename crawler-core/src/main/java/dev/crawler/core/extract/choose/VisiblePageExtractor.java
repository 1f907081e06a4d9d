package dev.crawler.core.extract.choose;

import dev.crawler.core.extract.normalise.PageContext;
import dev.crawler.core.extract.normalise.TitleCleaner;
import dev.crawler.core.extract.scan.MetaTags;
import dev.crawler.core.extract.scan.PageCues;
import dev.crawler.core.extract.scan.PageMarkup;
import dev.crawler.core.extract.scan.PageScan;
import dev.crawler.core.extract.scan.PageWalk;
import dev.crawler.core.extract.scan.PageWalk.BrandSpot;
import dev.crawler.core.extract.scan.PageWalk.IdSpot;
import dev.crawler.core.extract.source.CandidateBuilder;
import dev.crawler.core.extract.source.EmbeddedProducts;
import dev.crawler.core.extract.source.ProductCandidate;
import dev.crawler.core.extract.source.Source;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The general extractor: the page's product as a shopper sees it, for pages whose structured data
 * is missing or incomplete. It reads the visible page of one {@link PageScan} and takes the name from the main heading
 * (else the cleaned page title), the price from {@link PriceChooser}, the SKU and GTIN from
 * {@link IdentifierChooser} with the page's script state as a fallback ({@link EmbeddedProducts}),
 * and the availability from {@link StockChooser}.
 *
 * <p>Its values have the lowest precedence, so they only fill fields that structured data left
 * empty. On a page where no other extractor found a product, it speaks only when the page shows
 * the signs of a product page: a name and a price, plus an add-to-cart control, an identifier
 * or a stock statement, or else so few prices that the page cannot be a listing; or, without a
 * price, a name, an identifier and a stock statement or buy button (a sold-out product).
 */
public final class VisiblePageExtractor {

  /** A page with more distinct prices than this and no sign of a product page is a listing. */
  static final int MAX_PRICES_OF_ONE_PRODUCT = 4;

  private final PageCues cues;

  public VisiblePageExtractor(PageCues cues) {
    this.cues = cues;
  }

  /** What the extractor found and why, for {@code crawler extract --explain}. */
  public record Reading(Optional<ProductCandidate> candidate, PageEvidence evidence,
      @Nullable IdSpot sku, @Nullable BrandSpot brand, @Nullable String availability, @Nullable String availabilityBasis,
      boolean productPage) {

    static final int EXPLAINED_PRICES = 12;

    /** What a failed reading yields: no candidate, no prices. */
    public static final Reading NOTHING = new Reading(Optional.empty(), PageEvidence.NONE, null, null, null, null, false);

    /** The visible price candidates, best first. */
    public List<PriceChooser.Scored> prices() {
      return evidence.prices();
    }

    public List<String> explanation() {
      List<String> lines = new java.util.ArrayList<>();
      lines.add("page extractor: " + (productPage ? "reads this as a product page" : "does not read this as a product page"));
      lines.add("price candidates (score, amount, text, reasons), best first; a price needs " + PriceChooser.MIN_SCORE + ":");
      prices().stream().limit(EXPLAINED_PRICES).forEach(p -> lines.add(String.format("  %5.1f  %s %s  \"%s\"  %s",
          p.score(), p.money().amount(), p.money().currency(), p.spot().text(), p.why())));
      if (prices().isEmpty()) {
        lines.add("  none");
      }
      lines.add("sku: " + (sku == null ? "none" : IdentifierChooser.value(sku) + " (from " + sku.how() + " \"" + sku.value() + "\")"));
      lines.add("brand: " + (brand == null ? "none"
          : brand.value() + " (from " + (brand.maker() ? "a manufacturer" : "a brand") + " label)"));
      lines.add("availability: " + (availability == null ? "none" : availability + " (from " + availabilityBasis + ")"));
      if (evidence.shownSku() != null) {
        lines.add("code the page labels: " + evidence.shownSku() + " (it replaces a structured SKU the page never shows)");
      }
      if (evidence.stockBox() != null) {
        lines.add("stock box says: " + evidence.stockBox()
            + ("OutOfStock".equals(evidence.stockBox()) ? " (it replaces a structured InStock)" : ""));
      }
      candidate.ifPresent(c -> lines.add("candidate: name=" + c.name() + " price=" + c.price() + " " + c.currency()
          + " sku=" + c.sku() + " gtin=" + c.gtin() + " availability=" + c.availability()));
      return lines;
    }
  }

  Source source() {
    return Source.PAGE;
  }

  /**
   * What the other extractors already found on the page. Without any product from them, the page
   * must look like a product page for a candidate to come out; with a SKU, an availability and a
   * price known, the page's scripts are not searched for a product object, which on large pages
   * costs more than everything else the extractor does.
   */
  public record Known(boolean product, boolean sku, boolean availability, boolean price) {
    public static final Known NOTHING = new Known(false, false, false, false);

    public static Known of(java.util.Collection<List<ProductCandidate>> candidates) {
      boolean product = false;
      boolean sku = false;
      boolean availability = false;
      boolean price = false;
      for (List<ProductCandidate> list : candidates) {
        if (!list.isEmpty()) {
          ProductCandidate first = list.get(0);
          product = true;
          sku |= first.sku() != null;
          availability |= first.availability() != null;
          price |= first.price() != null;
        }
      }
      return new Known(product, sku, availability, price);
    }
  }

  public Reading read(PageScan scan, Known known) {
    boolean othersFound = known.product();
    PageContext page = scan.context();
    PageWalk walk = scan.visible();
    PriceChooser prices = new PriceChooser(cues, page);
    List<PriceChooser.Scored> ranked = prices.rank(walk);
    Optional<PriceChooser.Scored> price = prices.choose(ranked);
    IdSpot skuSpot = IdentifierChooser.sku(walk.ids());
    String name = name(scan.markup(), page, walk.heading());
    BrandSpot brand = BrandChooser.choose(walk);
    StockChooser.Decision stock = StockChooser.choose(walk);
    String availability = stock == null ? null : stock.term();
    boolean complete = (known.sku() || skuSpot != null) && (known.availability() || availability != null)
        && (known.price() || price.isPresent());
    EmbeddedProducts.Found embedded = complete ? null : EmbeddedProducts.find(scan.markup().stateScripts(), name);
    CandidateBuilder builder = new CandidateBuilder(Source.PAGE, page)
        .name(name)
        .sku(skuSpot == null ? null : IdentifierChooser.value(skuSpot))
        .sku(embedded == null ? null : embedded.sku())
        .gtin(IdentifierChooser.gtin(walk.ids()))
        .gtin(embedded == null ? null : embedded.gtin())
        .brand(brand == null ? null : brand.value())
        .availability(availability)
        .availability(embedded == null ? null : embedded.availability());
    price.ifPresent(p -> builder.price(p.money().amount()).currency(p.money().currency()));
    if (price.isEmpty() && embedded != null && embedded.price() != null) {
      builder.price(embedded.price());
    }
    // A dispatch promise is printed on listings and banners too, and a contact button on any page
    // that sells a service: each tells the stock of a product page, not that the page is one.
    String productStock = stock == null || stock.basis() == StockChooser.Basis.DELIVERY_PROMISE
        || stock.basis() == StockChooser.Basis.SELLER_CONTACT ? null : availability;
    boolean productPage = othersFound
        || looksLikeProductPage(name, walk, ranked, price.isPresent() || embedded != null && embedded.price() != null,
            skuSpot, productStock);
    Optional<ProductCandidate> candidate = productPage ? builder.build() : Optional.empty();
    PageEvidence evidence = new PageEvidence(ranked, IdentifierChooser.shownSku(walk.ids()),
        IdentifierChooser.modelValues(walk.ids()),
        stock != null && stock.basis() == StockChooser.Basis.STOCK_BOX ? stock.term() : null, walk);
    String basis = stock == null ? null : stock.basis().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return new Reading(candidate, evidence, skuSpot, brand, availability, basis, productPage);
  }

  private static boolean looksLikeProductPage(@Nullable String name, PageWalk walk, List<PriceChooser.Scored> ranked,
      boolean priced, @Nullable IdSpot sku, @Nullable String availability) {
    if (name == null) {
      return false;
    }
    if (!priced) {
      // A sold-out product often shows no price, yet its identifier and stock state are worth a row.
      return sku != null && (availability != null || !walk.carts().isEmpty());
    }
    if (!walk.carts().isEmpty() || sku != null || availability != null) {
      return true;
    }
    // Only a price the markup calls a price, on a page with few of them: not a sentence on an
    // "About us" page, and not a listing.
    long distinct = ranked.stream().filter(s -> s.score() > 0).map(s -> s.money().amount()).distinct().count();
    // A price inside a card or list item is one product of a listing, even a listing of one.
    return !ranked.isEmpty() && ranked.get(0).spot().priceAttribute() && !ranked.get(0).spot().listed()
        && distinct <= MAX_PRICES_OF_ONE_PRODUCT;
  }

  /**
   * The main heading; without one, the page title cleaned of the shop's name. The heading is what
   * the shopper reads as the product's name, while titles carry SEO tails and shop names.
   */
  private static @Nullable String name(PageMarkup markup, PageContext page, @Nullable String heading) {
    if (heading != null) {
      return heading;
    }
    MetaTags meta = markup.metaTags();
    String title = markup.title();
    String titled = TitleCleaner.productName(meta.first("og:title", "twitter:title"), title,
        meta.get("og:site_name"), page.host());
    return titled != null ? titled
        : TitleCleaner.productName(title, title, meta.get("og:site_name"), page.host());
  }
}

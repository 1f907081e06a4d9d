package dev.crawler.core.extract;

import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A product found on a page, normalised.
 *
 * @param url absolute product URL: the page's {@code rel=canonical} when it stays on the same host,
 *     else the page URL (fragment removed in both cases); every product of one page shares it
 * @param name trimmed, entities decoded, whitespace collapsed
 * @param price the price charged now (for several offers, the lowest in stock; for ranges and
 *     AggregateOffer, the low end), trailing zeros stripped
 * @param currency ISO 4217 code
 * @param sku the shop's identifier
 * @param gtin GTIN-8/12/13/14 digits with a valid check digit
 * @param brand brand name
 * @param availability schema.org short term: InStock, OutOfStock, PreOrder, BackOrder, Discontinued,
 *     LimitedAvailability, SoldOut, OnlineOnly, InStoreOnly, PreSale
 * @param image absolute http(s) URL
 * @param rating aggregate rating value as the page states it (scale not normalised)
 * @param reviewCount number of reviews or ratings
 * @param sources field name (as the record component is named) to the extractor that supplied it:
 *     "site-rule", "json-ld", "microdata", "rdfa", "opengraph" or "page" (the general page extractor)
 */
public record ExtractedProduct(
    String url,
    @Nullable String name,
    @Nullable BigDecimal price,
    @Nullable String currency,
    @Nullable String sku,
    @Nullable String gtin,
    @Nullable String brand,
    @Nullable String availability,
    @Nullable String image,
    @Nullable BigDecimal rating,
    @Nullable Long reviewCount,
    Map<String, String> sources) {

  public ExtractedProduct {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("url must not be blank");
    }
    if (sources == null) {
      throw new IllegalArgumentException("sources must not be null");
    }
    sources = Map.copyOf(sources);
  }
}

package dev.crawler.core.extract.source;

import dev.crawler.core.extract.ExtractedProduct;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One product as a single extractor saw it, already normalised; the merger combines candidates
 * from several extractors into {@link ExtractedProduct} records.
 *
 * @param itemUrl the URL the markup gives for the item itself (used only to find the page's main
 *     product), or null
 */
public record ProductCandidate(
    Source source,
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
    @Nullable String itemUrl) {

  /** True when the candidate carries something that identifies or prices a product. */
  boolean isSubstantial() {
    return name != null || price != null || sku != null || gtin != null;
  }
}

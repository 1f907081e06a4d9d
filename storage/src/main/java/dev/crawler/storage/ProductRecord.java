package dev.crawler.storage;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One product as stored and exported.
 *
 * @param identity    what makes the record unique: the product URL plus its SKU or position on the
 *                    page. Writing a record with an identity that exists replaces it, which is what
 *                    makes a re-fetched page harmless.
 * @param url         the product's canonical URL
 * @param host        the host the page was fetched from
 * @param fetchedAt   when the page was fetched
 */
public record ProductRecord(
        String identity,
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
        String host,
        Instant fetchedAt) {

    public ProductRecord {
        if (identity.isEmpty()) {
            throw new IllegalArgumentException("identity must not be empty");
        }
        if (url.isEmpty()) {
            throw new IllegalArgumentException("url must not be empty");
        }
    }
}

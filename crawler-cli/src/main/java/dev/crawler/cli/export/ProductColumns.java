package dev.crawler.cli.export;

import dev.crawler.storage.ProductRecord;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The export columns, in their documented, stable order. One list serves CSV and JSON Lines so the
 * two formats never disagree about a name or a value.
 */
enum ProductColumns {
    URL("url", ProductRecord::url, true),
    NAME("name", ProductRecord::name, true),
    PRICE("price", r -> plain(r.price()), false),
    CURRENCY("currency", ProductRecord::currency, true),
    SKU("sku", ProductRecord::sku, true),
    GTIN("gtin", ProductRecord::gtin, true),
    BRAND("brand", ProductRecord::brand, true),
    AVAILABILITY("availability", ProductRecord::availability, true),
    IMAGE("image", ProductRecord::image, true),
    RATING("rating", r -> plain(r.rating()), false),
    REVIEW_COUNT("review_count", r -> r.reviewCount() == null ? null : r.reviewCount().toString(), false),
    HOST("host", ProductRecord::host, true),
    FETCHED_AT("fetched_at", r -> r.fetchedAt().toString(), false);

    private final String header;
    private final Function<ProductRecord, @Nullable String> value;
    private final boolean text;

    ProductColumns(String header, Function<ProductRecord, @Nullable String> value, boolean text) {
        this.header = header;
        this.value = value;
        this.text = text;
    }

    String header() {
        return header;
    }

    @Nullable String valueOf(ProductRecord record) {
        return value.apply(record);
    }

    /** Whether the column holds free text from the page (which may be hostile), not a number or date we wrote. */
    boolean isText() {
        return text;
    }

    static List<String> headers() {
        return Arrays.stream(values()).map(ProductColumns::header).toList();
    }

    private static @Nullable String plain(@Nullable BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }
}

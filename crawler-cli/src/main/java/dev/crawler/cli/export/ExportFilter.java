package dev.crawler.cli.export;

import dev.crawler.storage.ProductRecord;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which products an export writes: those of one host, those fetched since an instant, or all.
 *
 * @param host  a host name such as {@code shop.example}, compared without case and without port
 * @param since the earliest fetch time to include
 */
public record ExportFilter(Optional<String> host, Optional<Instant> since) implements Predicate<ProductRecord> {
    public ExportFilter {
        host = host.map(h -> h.toLowerCase(Locale.ROOT));
    }

    public static ExportFilter all() {
        return new ExportFilter(Optional.empty(), Optional.empty());
    }

    @Override
    public boolean test(ProductRecord record) {
        return host.map(h -> h.equalsIgnoreCase(record.host())).orElse(true)
                && since.map(s -> !record.fetchedAt().isBefore(s)).orElse(true);
    }
}

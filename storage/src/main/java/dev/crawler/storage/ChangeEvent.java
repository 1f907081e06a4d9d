package dev.crawler.storage;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One field of one product seen to change between two visits. Written by the store, in the batch that
 * replaces the product's record, from the stored record and the new one (see {@link History}); kept in
 * {@link ColumnFamily#HISTORY} in the order they were observed.
 *
 * @param identity   the product's identity, as in {@link ProductRecord#identity()}
 * @param url        the product's URL
 * @param field      which field changed
 * @param oldValue   the stored value, as text (a price as a plain decimal), or null when there was none
 * @param newValue   the new value, as text, or null when the page shows none any more
 * @param observedAt when the page with the new value was fetched
 */
public record ChangeEvent(String identity, String url, Field field, @Nullable String oldValue, @Nullable String newValue,
        Instant observedAt) {

    /**
     * The events that replacing {@code stored} by {@code replacing} records, one per watched field that
     * differs, observed when {@code replacing} was fetched: what the store writes in the same batch. A
     * cluster member publishes the same events in the transaction that publishes the record.
     */
    public static java.util.List<ChangeEvent> between(ProductRecord stored, ProductRecord replacing) {
        return History.changes(stored, replacing);
    }

    /** The fields a price monitor watches. */
    public enum Field {
        PRICE, CURRENCY, AVAILABILITY, NAME;

        /** The name in exports: {@code price}, {@code currency}, {@code availability}, {@code name}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

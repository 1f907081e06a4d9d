package dev.crawler.storage;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * The history of product changes in {@link ColumnFamily#HISTORY}: one {@link ChangeEvent} per field
 * per observed change, keyed {@code observedAt millis (8 bytes, big-endian) | identity | 0 | field},
 * so a scan from a time on answers "what changed since", and the key of an event is fixed by what it
 * says.
 *
 * <h2>Exactly once</h2>
 * An event is never appended on its own: {@link #recordChanges} compares the stored record with the
 * one replacing it and adds the events to the batch that replaces it. Either both reach the disk or
 * neither does. A page fetched again after a crash (its outcome was committed, or it was not) then
 * meets a stored record that already holds the new values, or the old ones and no event: it can
 * neither lose an event nor record one twice. Written by the store's single writer only; read from
 * any thread.
 */
final class History {
    private final StoreDb db;
    private final @Nullable ColumnFamilyHandle history;

    History(StoreDb db) {
        this.db = db;
        this.history = db.handle(ColumnFamily.HISTORY);
    }

    /**
     * Adds to {@code batch} an event for each watched field that differs between {@code stored} and
     * {@code replacing}, observed when {@code replacing} was fetched; none for a first record.
     *
     * @return how many
     */
    int recordChanges(StoreBatch batch, @Nullable ProductRecord stored, ProductRecord replacing) throws RocksDBException {
        if (stored == null) {
            return 0;
        }
        List<ChangeEvent> events = changes(stored, replacing);
        for (ChangeEvent event : events) {
            batch.put(Objects.requireNonNull(history), key(event), StoreJson.write(event));
        }
        return events.size();
    }

    /** The watched fields that differ, in {@link ChangeEvent.Field} order. Prices compare by value: 19.9 is 19.90. */
    static List<ChangeEvent> changes(ProductRecord stored, ProductRecord replacing) {
        List<ChangeEvent> events = new ArrayList<>(2);
        Instant at = replacing.fetchedAt();
        if (!samePrice(stored.price(), replacing.price())) {
            events.add(event(replacing, ChangeEvent.Field.PRICE, plain(stored.price()), plain(replacing.price()), at));
        }
        add(events, replacing, ChangeEvent.Field.CURRENCY, stored.currency(), replacing.currency(), at);
        add(events, replacing, ChangeEvent.Field.AVAILABILITY, stored.availability(), replacing.availability(), at);
        add(events, replacing, ChangeEvent.Field.NAME, stored.name(), replacing.name(), at);
        return events;
    }

    private static void add(List<ChangeEvent> events, ProductRecord product, ChangeEvent.Field field, @Nullable String before,
            @Nullable String after, Instant at) {
        if (!Objects.equals(before, after)) {
            events.add(event(product, field, before, after, at));
        }
    }

    private static ChangeEvent event(ProductRecord product, ChangeEvent.Field field, @Nullable String before,
            @Nullable String after, Instant at) {
        return new ChangeEvent(product.identity(), product.url(), field, before, after, at);
    }

    private static boolean samePrice(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static @Nullable String plain(@Nullable BigDecimal price) {
        return price == null ? null : price.toPlainString();
    }

    static byte[] key(ChangeEvent event) {
        byte[] identity = event.identity().getBytes(StandardCharsets.UTF_8);
        byte[] field = event.field().name().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + identity.length + 1 + field.length)
                .putLong(event.observedAt().toEpochMilli()).put(identity).put((byte) 0).put(field).array();
    }

    /** Calls {@code action} for every event observed at or after {@code since}, oldest first. */
    void forEachSince(Instant since, Consumer<ChangeEvent> action) {
        if (history == null) {
            return; // a crawl opened read-only that was written before history was kept: it has none
        }
        try (RocksIterator it = db.newIterator(ColumnFamily.HISTORY)) {
            for (it.seek(StoreBytes.ofLong(Math.max(0, since.toEpochMilli()))); it.isValid(); it.next()) {
                action.accept(StoreJson.read(it.value(), ChangeEvent.class));
            }
            db.checkIterator(it);
        }
    }
}

package dev.crawler.storage;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

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
 *
 * <h2>Two orders</h2>
 * Each event is written twice in the same batch: by time in {@link ColumnFamily#HISTORY}, for "what
 * changed since", and by product in {@link ColumnFamily#HISTORY_BY_PRODUCT}, so that one product's
 * series is a short scan and an export of every series holds one product's events at a time. A crawl
 * whose history was written before the second order existed gets it filled, in one batch, when it is
 * next opened for writing ({@link #completeIndex}); so the by-product order is either empty while the
 * time order is not (not filled yet, read by grouping in memory instead) or complete.
 */
final class History {
    private final StoreDb db;
    private final @Nullable ColumnFamilyHandle history;
    private final @Nullable ColumnFamilyHandle byProduct;

    History(StoreDb db) {
        this.db = db;
        this.history = db.handle(ColumnFamily.HISTORY);
        this.byProduct = db.handle(ColumnFamily.HISTORY_BY_PRODUCT);
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
            byte[] json = StoreJson.write(event);
            batch.put(Objects.requireNonNull(history), key(event), json);
            batch.put(Objects.requireNonNull(byProduct), productKey(event), json);
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

    /** The event's key in the by-product order: {@code identity | 0 | observedAt millis | field}. */
    static byte[] productKey(ChangeEvent event) {
        byte[] identity = event.identity().getBytes(StandardCharsets.UTF_8);
        byte[] field = event.field().name().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(identity.length + 1 + 8 + field.length)
                .put(identity).put((byte) 0).putLong(event.observedAt().toEpochMilli()).put(field).array();
    }

    /**
     * Whether the by-product order holds every event: it exists, and it is not empty while the time
     * order has events.
     */
    boolean indexed() {
        return byProduct != null && !(isEmpty(ColumnFamily.HISTORY_BY_PRODUCT) && !isEmpty(ColumnFamily.HISTORY));
    }

    private boolean isEmpty(ColumnFamily family) {
        try (RocksIterator it = db.newIterator(family)) {
            it.seekToFirst();
            boolean empty = !it.isValid();
            db.checkIterator(it);
            return empty;
        }
    }

    /**
     * Fills the by-product order from the time order when it is empty and that is not: once, for a
     * crawl written before the by-product order existed. One batch, so that a crash leaves it empty
     * (and filled on the next open) or complete, never half.
     *
     * @return how many events it filled in
     */
    long completeIndex(WriteOptions options) throws RocksDBException {
        if (byProduct == null || !isEmpty(ColumnFamily.HISTORY_BY_PRODUCT) || isEmpty(ColumnFamily.HISTORY)) {
            return 0;
        }
        long filled = 0;
        try (WriteBatch batch = new WriteBatch(); RocksIterator it = db.newIterator(ColumnFamily.HISTORY)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                batch.put(byProduct, productKey(StoreJson.read(it.value(), ChangeEvent.class)), it.value());
                filled++;
            }
            db.checkIterator(it);
            db.rocks().write(options, batch);
        }
        return filled;
    }

    /**
     * The events of one product, oldest first, read through {@code it}, an iterator over the
     * by-product order that the caller keeps open across products.
     */
    List<ChangeEvent> eventsOf(RocksIterator it, String identity) {
        byte[] id = identity.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = ByteBuffer.allocate(id.length + 1).put(id).put((byte) 0).array();
        List<ChangeEvent> events = new ArrayList<>(0);
        for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
            events.add(StoreJson.read(it.value(), ChangeEvent.class));
        }
        db.checkIterator(it);
        return events;
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
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

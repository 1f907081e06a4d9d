package dev.crawler.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * The pages the crawl has fetched, for revisits: a {@link PageState} by URL in
 * {@link ColumnFamily#PAGES}, and an index of the pages that may fall due in {@link ColumnFamily#DUE},
 * keyed {@code nextVisit millis (8 bytes, big-endian) | URL}, so that the pages due by a time are the
 * first keys of one scan. A page is in the index exactly while it is not queued for a revisit; {@link #put} keeps the two families in step within one batch. Written by the store's single
 * writer only; read from any thread.
 */
final class Pages {
    private final StoreDb db;
    private final @Nullable ColumnFamilyHandle pages;
    private final @Nullable ColumnFamilyHandle due;

    Pages(StoreDb db) {
        this.db = db;
        this.pages = db.handle(ColumnFamily.PAGES);
        this.due = db.handle(ColumnFamily.DUE);
    }

    Optional<PageState> get(String url) {
        if (pages == null) {
            return Optional.empty(); // opened read-only, written before pages were kept
        }
        byte[] stored = db.get(ColumnFamily.PAGES, StoreBytes.utf8(url));
        return stored == null ? Optional.empty() : Optional.of(StoreJson.read(stored, PageState.class));
    }

    /** Writes {@code state}, replacing {@code stored} (the page's state on disk, if any) in the due index too. */
    void put(StoreBatch batch, Optional<PageState> stored, PageState state) throws RocksDBException {
        ColumnFamilyHandle index = Objects.requireNonNull(due);
        if (stored.isPresent() && indexed(stored.get())) {
            batch.delete(index, dueKey(stored.get()));
        }
        if (indexed(state)) {
            batch.put(index, dueKey(state), new byte[0]);
        }
        batch.put(Objects.requireNonNull(pages), StoreBytes.utf8(state.url()), StoreJson.write(state));
    }

    private static boolean indexed(PageState state) {
        return !state.queued();
    }

    static byte[] dueKey(PageState state) {
        byte[] url = state.url().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + url.length).putLong(state.nextVisit().toEpochMilli()).put(url).array();
    }

    /** Up to {@code max} pages due at {@code now}, earliest first, from the index alone plus one read each. */
    List<PageState> due(Instant now, int max) {
        List<PageState> found = new ArrayList<>();
        if (due == null) {
            return found;
        }
        long limit = now.toEpochMilli();
        try (RocksIterator it = db.newIterator(ColumnFamily.DUE)) {
            for (it.seekToFirst(); it.isValid() && found.size() < max; it.next()) {
                ByteBuffer key = ByteBuffer.wrap(it.key());
                if (key.getLong() > limit) {
                    break;
                }
                String url = new String(it.key(), 8, it.key().length - 8, StandardCharsets.UTF_8);
                get(url).ifPresent(found::add);
            }
            db.checkIterator(it);
        }
        return found;
    }

    /** When the earliest page in the due index falls due, if any page is in it. */
    Optional<Instant> nextDue() {
        if (due == null) {
            return Optional.empty();
        }
        try (RocksIterator it = db.newIterator(ColumnFamily.DUE)) {
            it.seekToFirst();
            Optional<Instant> first = it.isValid() ? Optional.of(Instant.ofEpochMilli(ByteBuffer.wrap(it.key()).getLong())) : Optional.empty();
            db.checkIterator(it);
            return first;
        }
    }

    /** How many pages are due at {@code now}, counting at most {@code max}: from the index alone, no page is read. */
    long countDue(Instant now, long max) {
        if (due == null) {
            return 0;
        }
        long limit = now.toEpochMilli();
        long count = 0;
        try (RocksIterator it = db.newIterator(ColumnFamily.DUE)) {
            for (it.seekToFirst(); it.isValid() && count < max; it.next()) {
                if (ByteBuffer.wrap(it.key()).getLong() > limit) {
                    break;
                }
                count++;
            }
            db.checkIterator(it);
        }
        return count;
    }

    /** Calls {@code action} for every page, in URL order. */
    void forEach(Consumer<PageState> action) {
        if (pages == null) {
            return;
        }
        try (RocksIterator it = db.newIterator(ColumnFamily.PAGES)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                action.accept(StoreJson.read(it.value(), PageState.class));
            }
            db.checkIterator(it);
        }
    }
}

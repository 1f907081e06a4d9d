package dev.crawler.storage;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import java.util.function.Consumer;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * What the crawl produced: product records, keyed by identity in {@link ColumnFamily#PRODUCTS}, and
 * the last failure of each URL that failed, keyed by URL in {@link ColumnFamily#FAILURES}; both as
 * JSON. Written by the store's single writer as part of a page's outcome; read in key order by
 * exports and reports, from any thread.
 */
public final class Records {
    private final StoreDb db;
    private final ColumnFamilyHandle products;
    private final ColumnFamilyHandle failures;

    Records(StoreDb db) {
        this.db = db;
        this.products = db.handle(ColumnFamily.PRODUCTS);
        this.failures = db.handle(ColumnFamily.FAILURES);
    }

    /**
     * Writes {@code product}, replacing any record of its identity, so that a re-fetched page never
     * duplicates one; a new identity is counted in {@link Counters#PRODUCTS}. Each watched field that
     * differs from the record it replaces goes to {@code history} in the same batch (see {@link History}),
     * counted in {@link Counters#CHANGES}.
     *
     * @param writtenInBatch the records already written into {@code batch} by identity, which the store
     *                       cannot see yet; this one is added
     */
    void putProduct(StoreBatch batch, ProductRecord product, Map<String, ProductRecord> writtenInBatch, History history)
            throws RocksDBException {
        byte[] key = StoreBytes.utf8(product.identity());
        ProductRecord before = writtenInBatch.containsKey(product.identity()) ? writtenInBatch.get(product.identity()) : stored(key);
        writtenInBatch.put(product.identity(), product);
        batch.put(products, key, StoreJson.write(product));
        if (before == null) {
            batch.bump(Counters.PRODUCTS, 1);
        }
        int changes = history.recordChanges(batch, before, product);
        if (changes > 0) {
            batch.bump(Counters.CHANGES, changes);
        }
    }

    /**
     * Writes {@code product} as what is known of it, unless the stored record was fetched later: a
     * record another member fetched, taken in so that the next visit here compares against it. No
     * change is recorded and nothing is counted; the member that fetched it did that.
     */
    void putBaseline(StoreBatch batch, ProductRecord product) throws RocksDBException {
        byte[] key = StoreBytes.utf8(product.identity());
        ProductRecord stored = stored(key);
        if (stored == null || !stored.fetchedAt().isAfter(product.fetchedAt())) {
            batch.put(products, key, StoreJson.write(product));
        }
    }

    private @Nullable ProductRecord stored(byte[] key) {
        byte[] value = db.get(ColumnFamily.PRODUCTS, key);
        return value == null ? null : StoreJson.read(value, ProductRecord.class);
    }

    /** The stored record of a product, if there is one. */
    public java.util.Optional<ProductRecord> product(String identity) {
        return java.util.Optional.ofNullable(stored(StoreBytes.utf8(identity)));
    }

    /** Writes the failure of a URL, replacing its earlier one. */
    void putFailure(StoreBatch batch, FailureRecord failure) throws RocksDBException {
        batch.put(failures, StoreBytes.utf8(failure.url()), StoreJson.write(failure));
    }

    /** Calls {@code action} for every stored product, in identity order. */
    public void forEachProduct(Consumer<ProductRecord> action) {
        forEachValue(ColumnFamily.PRODUCTS, bytes -> action.accept(StoreJson.read(bytes, ProductRecord.class)));
    }

    /** Calls {@code action} for every recorded failure, in URL order. */
    public void forEachFailure(Consumer<FailureRecord> action) {
        forEachValue(ColumnFamily.FAILURES, bytes -> action.accept(StoreJson.read(bytes, FailureRecord.class)));
    }

    private void forEachValue(ColumnFamily family, Consumer<byte[]> action) {
        try (RocksIterator it = db.newIterator(family)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                action.accept(it.value());
            }
            db.checkIterator(it);
        }
    }
}

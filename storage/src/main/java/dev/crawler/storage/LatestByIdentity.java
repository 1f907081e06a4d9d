package dev.crawler.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The latest product record of each identity among records that arrive in any number and order,
 * kept on disk in a throwaway RocksDB under a temporary directory rather than in the heap: reading a
 * whole cluster crawl's products topic meets every record of every product, and a map of them would
 * grow with the catalogue. A record replaces an earlier one of its identity; {@link #forEach} hands
 * them out once each, in identity order. Closing deletes the directory.
 *
 * <p>One thread at a time.
 */
public final class LatestByIdentity implements AutoCloseable {
    private final ScratchStore scratch;
    private long puts;

    /** Opens an empty one in a new directory under {@code parent} (the system's temporary directory, say). */
    public LatestByIdentity(Path parent) {
        this.scratch = new ScratchStore(parent, "crawler-latest-");
    }

    /** Keeps {@code record}, replacing any earlier one of its identity. */
    public void put(ProductRecord record) {
        scratch.put(record.identity().getBytes(StandardCharsets.UTF_8), StoreJson.write(record));
        puts++;
    }

    /** How many records {@link #put} took, replaced ones included. */
    public long puts() {
        return puts;
    }

    /** Hands every kept record to {@code action}, one per identity, in identity order. */
    public void forEach(Consumer<ProductRecord> action) {
        scratch.forEachValue(bytes -> action.accept(StoreJson.read(bytes, ProductRecord.class)));
    }

    @Override
    public void close() {
        scratch.close();
    }
}

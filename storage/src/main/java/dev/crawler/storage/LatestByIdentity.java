package dev.crawler.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

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
    private final Path directory;
    private final Options options;
    private final WriteOptions writeOptions;
    private final RocksDB db;
    private long puts;

    static {
        RocksDB.loadLibrary();
    }

    /** Opens an empty one in a new directory under {@code parent} (the system's temporary directory, say). */
    public LatestByIdentity(Path parent) {
        try {
            this.directory = Files.createTempDirectory(parent, "crawler-latest-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory under " + parent + ": " + e.getMessage(), e);
        }
        this.options = new Options().setCreateIfMissing(true).setCompressionType(CompressionType.LZ4_COMPRESSION);
        // Nothing here outlives the process that reads: no WAL to write, no fsync to wait for.
        this.writeOptions = new WriteOptions().setDisableWAL(true);
        try {
            this.db = RocksDB.open(options, directory.toString());
        } catch (RocksDBException e) {
            writeOptions.close();
            options.close();
            deleteDirectory();
            throw new IllegalStateException("cannot open a temporary store in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Keeps {@code record}, replacing any earlier one of its identity. */
    public void put(ProductRecord record) {
        try {
            db.put(writeOptions, record.identity().getBytes(StandardCharsets.UTF_8), StoreJson.write(record));
            puts++;
        } catch (RocksDBException e) {
            throw new IllegalStateException("writing to the temporary store in " + directory + " failed: " + e.getMessage(), e);
        }
    }

    /** How many records {@link #put} took, replaced ones included. */
    public long puts() {
        return puts;
    }

    /** Hands every kept record to {@code action}, one per identity, in identity order. */
    public void forEach(Consumer<ProductRecord> action) {
        try (RocksIterator it = db.newIterator()) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                action.accept(StoreJson.read(it.value(), ProductRecord.class));
            }
            it.status();
        } catch (RocksDBException e) {
            throw new IllegalStateException("reading the temporary store in " + directory + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        db.close();
        writeOptions.close();
        options.close();
        deleteDirectory();
    }

    private void deleteDirectory() {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary store in " + directory + ": " + e.getMessage(), e);
        }
    }
}

package dev.crawler.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * Named positions in something outside the store that the store has applied up to, such as the
 * offset of a Kafka partition whose records a cluster member has written here. Each is written in the
 * same batch as what it says was applied, so after a crash the store never claims more, nor less,
 * than it holds. Kept in {@link ColumnFamily#META} under {@code checkpoint:NAME}.
 */
final class Checkpoints {
    private static final String PREFIX = "checkpoint:";

    private final StoreDb db;
    private final ColumnFamilyHandle meta;

    Checkpoints(StoreDb db) {
        this.db = db;
        this.meta = db.handle(ColumnFamily.META);
    }

    OptionalLong get(String name) {
        byte[] stored = db.get(ColumnFamily.META, key(name));
        return stored == null ? OptionalLong.empty() : OptionalLong.of(ByteBuffer.wrap(stored).getLong());
    }

    void put(StoreBatch batch, Map<String, Long> checkpoints) throws RocksDBException {
        for (Map.Entry<String, Long> checkpoint : checkpoints.entrySet()) {
            batch.put(meta, key(checkpoint.getKey()), ByteBuffer.allocate(Long.BYTES).putLong(checkpoint.getValue()).array());
        }
    }

    private static byte[] key(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a checkpoint needs a name");
        }
        return (PREFIX + name).getBytes(StandardCharsets.UTF_8);
    }
}

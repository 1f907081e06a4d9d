package dev.crawler.storage;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * The host table: each origin's id, the first number of its frontier keys, handed out in order and
 * never reused. Kept both ways in {@link ColumnFamily#HOSTS} ({@code o:ORIGIN} to a 4-byte id,
 * {@code i:ID} to the origin) and wholly in memory, since every queued URL names its host by id.
 */
final class HostTable {
    private static final String ID_BY_ORIGIN = "o:";
    private static final String ORIGIN_BY_ID = "i:";

    private final ColumnFamilyHandle hosts;
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, String> origins = new ConcurrentHashMap<>();

    HostTable(StoreDb db) {
        this.hosts = db.handle(ColumnFamily.HOSTS);
        db.forEachUnderPrefix(ColumnFamily.HOSTS, ID_BY_ORIGIN, (origin, id) -> remember(origin, StoreBytes.toInt(id)));
    }

    Optional<Integer> id(String origin) {
        return Optional.ofNullable(ids.get(origin));
    }

    /** @throws IllegalArgumentException for an id this table never handed out */
    String origin(int id) {
        String origin = origins.get(id);
        if (origin == null) {
            throw new IllegalArgumentException("unknown host id " + id);
        }
        return origin;
    }

    /** The origin of {@code id}, or a stand-in for reports when the id is unknown. */
    String describe(int id) {
        return origins.getOrDefault(id, "host #" + id);
    }

    /** The id of {@code origin}, handing out the next one (and adding it to {@code batch}) if it has none. */
    int idFor(StoreBatch batch, String origin) throws RocksDBException {
        Integer known = ids.get(origin);
        if (known != null) {
            return known;
        }
        int id = ids.size();
        batch.put(hosts, StoreBytes.utf8(ID_BY_ORIGIN + origin), StoreBytes.ofInt(id));
        batch.put(hosts, StoreBytes.utf8(ORIGIN_BY_ID + id), StoreBytes.utf8(origin));
        // Published before the batch is written: if the write fails the crawl stops, and the next
        // open reloads only what reached the disk.
        remember(origin, id);
        return id;
    }

    private void remember(String origin, int id) {
        ids.put(origin, id);
        origins.put(id, origin);
    }
}

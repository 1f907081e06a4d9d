package dev.crawler.storage;

import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * What the crawl has learned about hosts and must keep across runs: the hosts it parked
 * ({@code p:ORIGIN}) and the paces hosts taught it ({@code d:ORIGIN}), as JSON in
 * {@link ColumnFamily#HOSTS}, one record per host. Keyed by origin rather than host id, so a record
 * does not depend on which host was seen first.
 */
final class HostState {
    private static final String PARKED = "p:";
    private static final String PACE = "d:";

    private final StoreDb db;
    private final ColumnFamilyHandle hosts;

    HostState(StoreDb db) {
        this.db = db;
        this.hosts = db.handle(ColumnFamily.HOSTS);
    }

    /** Records {@code host} as parked, replacing an earlier parking of it, and counts it in {@link Counters#HOSTS_PARKED}. */
    void park(StoreBatch batch, ParkedHost host) throws RocksDBException {
        batch.put(hosts, StoreBytes.utf8(PARKED + host.origin()), StoreJson.write(host));
        batch.bump(Counters.HOSTS_PARKED, 1);
    }

    /** Forgets the parking of a host that has answered again. */
    void unpark(StoreBatch batch, String origin) throws RocksDBException {
        batch.delete(hosts, StoreBytes.utf8(PARKED + origin));
    }

    /** Records a host's latest pace, replacing the one before. */
    void learnPace(StoreBatch batch, HostPace pace) throws RocksDBException {
        batch.put(hosts, StoreBytes.utf8(PACE + pace.origin()), StoreJson.write(pace));
    }

    List<ParkedHost> parkedHosts() {
        return read(PARKED, ParkedHost.class);
    }

    List<HostPace> paces() {
        return read(PACE, HostPace.class);
    }

    private <T> List<T> read(String prefix, Class<T> type) {
        List<T> records = new ArrayList<>();
        db.forEachUnderPrefix(ColumnFamily.HOSTS, prefix, (origin, value) -> records.add(StoreJson.read(value, type)));
        return records;
    }
}

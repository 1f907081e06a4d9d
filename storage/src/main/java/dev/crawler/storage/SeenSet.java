package dev.crawler.storage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * The seen set: the 128-bit fingerprint ({@link UrlFingerprint}) of every URL the crawl ever queued,
 * as keys with empty values in {@link ColumnFamily#SEEN}, so that a URL is queued at most once per
 * crawl. A {@link RecentlySeen} cache in front of it answers the links every page repeats without
 * asking RocksDB. Asked and written by the store's single writer only.
 */
final class SeenSet {
    /** About 100 bytes an entry: 10 MiB of heap spares most seen-set lookups of a crawl's repeated links. */
    private static final int RECENT_CAPACITY = 100_000;
    private static final byte[] EMPTY = new byte[0];

    private final StoreDb db;
    private final ColumnFamilyHandle seen;
    private final RecentlySeen recentlySeen = new RecentlySeen(RECENT_CAPACITY);

    SeenSet(StoreDb db) {
        this.db = db;
        this.seen = db.handle(ColumnFamily.SEEN);
    }

    /**
     * A URL that is neither in the seen set nor earlier in the list it came in.
     *
     * @param fingerprint what {@link #add} records, once the URL is queued
     */
    record Unseen(DiscoveredUrl url, byte[] fingerprint) {
    }

    /**
     * The URLs of {@code urls} whose fingerprint is in neither the seen set nor earlier in the list,
     * in list order. The seen set is asked once for the whole list (one native call instead of one
     * per URL: most of the cost of a small lookup is crossing into RocksDB).
     *
     * <p>Every fingerprint asked about is remembered as recently seen, even if the batch that was to
     * add it then fails, or the URL is then not queued (a host over its budget): the crawl stops on a
     * failed write, this cache does not outlive the store, and a URL refused once is refused again.
     */
    List<Unseen> unseen(List<DiscoveredUrl> urls) {
        return lookup(urls, true);
    }

    private List<Unseen> lookup(List<DiscoveredUrl> urls, boolean remember) {
        if (urls.isEmpty()) {
            return List.of();
        }
        List<DiscoveredUrl> candidates = new ArrayList<>(urls.size());
        List<byte[]> fingerprints = new ArrayList<>(urls.size());
        Set<ByteBuffer> inList = new HashSet<>();
        for (DiscoveredUrl url : urls) {
            byte[] fingerprint = UrlFingerprint.of(url.url());
            if (!recentlySeen.contains(fingerprint) && inList.add(ByteBuffer.wrap(fingerprint))) {
                candidates.add(url);
                fingerprints.add(fingerprint);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<byte[]> stored = db.multiGet(ColumnFamily.SEEN, fingerprints);
        List<Unseen> unseen = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            if (stored.get(i) == null) {
                unseen.add(new Unseen(candidates.get(i), fingerprints.get(i)));
            }
            if (remember) {
                recentlySeen.add(fingerprints.get(i));
            }
        }
        return unseen;
    }

    /**
     * The URLs of {@code urls} that {@link #unseen} would return now, without remembering any of them
     * as recently seen: for a caller that must know before the batch that queues them is built (a
     * cluster member publishes them first), after which {@link #unseen} is asked again.
     */
    List<DiscoveredUrl> peekUnseen(List<DiscoveredUrl> urls) {
        List<DiscoveredUrl> unseen = new ArrayList<>();
        for (Unseen url : lookup(urls, false)) {
            unseen.add(url.url());
        }
        return unseen;
    }

    /** Adds a URL settled elsewhere (by another member of a cluster) to the seen set, so that it is never queued here. */
    void addSettled(StoreBatch batch, String url) throws RocksDBException {
        byte[] fingerprint = UrlFingerprint.of(url);
        batch.put(seen, fingerprint, EMPTY);
        recentlySeen.add(fingerprint);
    }

    /** Adds a URL {@link #unseen} returned to the seen set, in the batch that queues it. */
    void add(StoreBatch batch, Unseen url) throws RocksDBException {
        batch.put(seen, url.fingerprint(), EMPTY);
    }
}

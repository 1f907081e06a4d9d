package dev.crawler.storage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Fingerprints recently found in (or added to) the seen set, kept in memory so that the links every
 * page repeats (navigation, footer, categories) are answered without a RocksDB lookup.
 *
 * <p>A two-way set-associative table of 128-bit fingerprints in two flat {@code long} arrays: no
 * object per entry, so a lookup costs a cache miss or two instead of a walk through map nodes (a
 * {@code LinkedHashMap} of {@code ByteBuffer}s spent more than half of the enqueue time in
 * {@code HashMap.getNode}). A new fingerprint replaces the older of its set's two entries, which
 * keeps the most recent ones about as well as LRU would. Always correct without invalidation: an
 * entry matches only its exact fingerprint, and the seen set only ever grows, so a forgotten entry
 * merely costs a RocksDB lookup. Confined to the writer thread, so unsynchronised.
 */
final class RecentlySeen {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final long[] high;
    private final long[] low;
    /** Per set: which of its two ways was written last. */
    private final boolean[] newerIsSecond;
    private final int setMask;

    /** @param capacity about how many fingerprints to keep; rounded up to a power of two */
    RecentlySeen(int capacity) {
        int entries = Integer.highestOneBit(Math.max(2, capacity) - 1) << 1;
        int sets = entries / 2;
        this.high = new long[sets * 2];
        this.low = new long[sets * 2];
        this.newerIsSecond = new boolean[sets];
        this.setMask = sets - 1;
    }

    boolean contains(byte[] fingerprint) {
        long hi = (long) LONGS.get(fingerprint, 0);
        long lo = (long) LONGS.get(fingerprint, 8);
        if (hi == 0 && lo == 0) {
            return false;  // indistinguishable from an empty slot, so never kept
        }
        int first = set(hi, lo) * 2;
        return (high[first] == hi && low[first] == lo) || (high[first + 1] == hi && low[first + 1] == lo);
    }

    void add(byte[] fingerprint) {
        long hi = (long) LONGS.get(fingerprint, 0);
        long lo = (long) LONGS.get(fingerprint, 8);
        if (hi == 0 && lo == 0) {
            return;
        }
        int set = set(hi, lo);
        int first = set * 2;
        if ((high[first] == hi && low[first] == lo) || (high[first + 1] == hi && low[first + 1] == lo)) {
            return;
        }
        // The older way goes: the second when the first was written last, and the other way round.
        int way = newerIsSecond[set] ? first : first + 1;
        high[way] = hi;
        low[way] = lo;
        newerIsSecond[set] = way == first + 1;
    }

    private int set(long hi, long lo) {
        // MD5 bits are evenly spread already; mixing both halves keeps that for any fingerprint function.
        return (int) (hi ^ (lo >>> 17) ^ (lo << 7)) & setMask;
    }
}

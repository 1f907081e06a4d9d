package dev.crawler.testbed;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every request the testbed answered, for tests to check politeness and scope.
 *
 * <p>An exchange is added when it ends: when the write of the full response completes, or when the
 * connection closes first. So a response the client has just read may be missing for a few
 * microseconds; use {@link #awaitEntries(int, Duration)} rather than reading at once. Snapshots are
 * ordered by arrival ({@link RequestRecord#startNanos()}).
 *
 * <p>Thread-safe. Holds at most {@link #CAPACITY} entries; beyond that the oldest are dropped and
 * counted in {@link #dropped()}, so a long benchmark cannot exhaust the heap.
 */
public final class RequestLog {

  /** Most entries kept. */
  public static final int CAPACITY = 1_000_000;

  private static final Comparator<RequestRecord> ARRIVAL = Comparator.comparingLong(RequestRecord::startNanos);

  private final Object lock = new Object();
  private final ArrayDeque<RequestRecord> records = new ArrayDeque<>();
  private long dropped;

  RequestLog() {}

  void add(RequestRecord record) {
    synchronized (lock) {
      if (records.size() == CAPACITY) {
        records.removeFirst();
        dropped++;
      }
      records.addLast(record);
      lock.notifyAll();
    }
  }

  /** A snapshot copy of every entry, in arrival order. */
  public List<RequestRecord> entries() {
    List<RequestRecord> copy;
    synchronized (lock) {
      copy = new ArrayList<>(records);
    }
    copy.sort(ARRIVAL);
    return List.copyOf(copy);
  }

  /** A snapshot of the entries that arrived on one local address, e.g. {@code "127.0.1.2"}, in arrival order. */
  public List<RequestRecord> forHost(String host) {
    return entries().stream().filter(r -> r.host().equals(host)).toList();
  }

  /** Forgets every entry and the dropped count. */
  public void clear() {
    synchronized (lock) {
      records.clear();
      dropped = 0;
    }
  }

  /** Number of entries held now. */
  public int size() {
    synchronized (lock) {
      return records.size();
    }
  }

  /** Entries dropped because the log was full, since the last {@link #clear()}. */
  public long dropped() {
    synchronized (lock) {
      return dropped;
    }
  }

  /**
   * Waits until at least {@code count} entries are held, or the timeout passes.
   *
   * @return whether the count was reached
   */
  public boolean awaitEntries(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (records.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }
}

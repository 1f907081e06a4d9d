package dev.crawler.testbed;

import java.time.Duration;
import java.util.List;

/** Waits for a test's own exchanges to be logged (they are added when the response write completes). */
final class Logs {

  private Logs() {}

  /** The entries that arrived at or after {@code sinceNanos}, once there are {@code count} of them. */
  static List<RequestRecord> awaitSince(RequestLog log, long sinceNanos, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      List<RequestRecord> ours = log.entries().stream().filter(r -> r.startNanos() >= sinceNanos).toList();
      long left = deadline - System.nanoTime();
      if (ours.size() >= count || left <= 0) {
        return ours;
      }
      log.awaitEntries(log.size() + 1, Duration.ofNanos(Math.min(left, Duration.ofMillis(50).toNanos())));
    }
  }
}

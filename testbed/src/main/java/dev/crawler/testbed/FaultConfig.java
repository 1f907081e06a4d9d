package dev.crawler.testbed;

import java.time.Duration;

/**
 * Settings of the {@link FaultShop}. Every field is checked once, here; the messages name the field.
 * Several faults also take a per-request override in their query string (see {@link Fault}).
 *
 * @param addressPrefix a loopback /24 such as {@code "127.0.3."}; the fault hosts are
 *     {@code prefix + 1 .. prefix + FaultHost.values().length}
 * @param port the one port every fault host listens on; 0 picks a free one
 * @param firstByteDelay how long {@link Fault#SLOW_FIRST_BYTE} waits before sending anything; 0..10 min
 * @param dripInterval pause between two pieces of a {@link Fault#DRIP} body; 1 ms..60 s
 * @param dripChunkBytes bytes per piece of a dripping body; 1..65,536
 * @param dripTotalBytes total size of a dripping body; 1..16 MiB
 * @param retryAfterSeconds the {@code Retry-After} of 429 and 503 answers; 0..86,400
 * @param crawlDelaySeconds the {@code Crawl-delay} in {@link FaultHost#ROBOTS_CRAWL_DELAY}'s robots.txt; 1..3,600
 * @param flakyFailures how many times {@link Fault#FLAKY} answers 503 before answering 200; 0..1,000
 * @param largeBodyBytes size of {@link Fault#LARGE_BODY}; 1 byte..1 GiB
 * @param gzipBombBytes decompressed size of {@link Fault#GZIP_BOMB}; 1 MiB..4 GiB
 * @param minRequestGap {@link FaultHost#RATE_LIMITED} answers 429 (with {@code Retry-After: retryAfterSeconds}),
 *     and {@link FaultHost#DROPS_CONNECTIONS} resets the connection mid-body, to a request that arrives sooner
 *     than this after the one before it; 0..10 min
 */
public record FaultConfig(String addressPrefix, int port, Duration firstByteDelay, Duration dripInterval,
    int dripChunkBytes, int dripTotalBytes, int retryAfterSeconds, int crawlDelaySeconds, int flakyFailures,
    long largeBodyBytes, long gzipBombBytes, Duration minRequestGap) {

  private static final long MIB = 1024L * 1024L;

  public FaultConfig {
    Checks.loopbackPrefix("addressPrefix", addressPrefix, FaultHost.values().length);
    Checks.range("port", port, 0, 65_535);
    Checks.duration("firstByteDelay", firstByteDelay, Duration.ofMinutes(10));
    Checks.duration("dripInterval", dripInterval, Duration.ofSeconds(60));
    if (dripInterval.compareTo(Duration.ofMillis(1)) < 0) {
      throw new IllegalArgumentException("dripInterval must be at least 1ms but was " + dripInterval);
    }
    Checks.range("dripChunkBytes", dripChunkBytes, 1, 65_536);
    Checks.range("dripTotalBytes", dripTotalBytes, 1, 16 * 1024 * 1024);
    Checks.range("retryAfterSeconds", retryAfterSeconds, 0, 86_400);
    Checks.range("crawlDelaySeconds", crawlDelaySeconds, 1, 3_600);
    Checks.range("flakyFailures", flakyFailures, 0, 1_000);
    Checks.range("largeBodyBytes", largeBodyBytes, 1, 1024 * MIB);
    Checks.range("gzipBombBytes", gzipBombBytes, MIB, 4096 * MIB);
    Checks.duration("minRequestGap", minRequestGap, Duration.ofMinutes(10));
  }

  /**
   * Fault hosts on 127.0.3.x, a free port, first byte after 3 s, a 4 KiB body dripping 64 bytes every
   * 100 ms (6.4 s in all), Retry-After 5 s, Crawl-delay 2 s, 2 flaky failures, a 10 MiB large body,
   * a gzip bomb of 1 GiB (about 1 MiB compressed), and a rate limit of one request per 2 s.
   */
  public static FaultConfig defaults() {
    return new FaultConfig("127.0.3.", 0, Duration.ofSeconds(3), Duration.ofMillis(100), 64, 4096, 5, 2, 2,
        10 * MIB, 1024 * MIB, Duration.ofSeconds(2));
  }

  public FaultConfig withAddressPrefix(String addressPrefix) {
    return new FaultConfig(addressPrefix, port, firstByteDelay, dripInterval, dripChunkBytes, dripTotalBytes,
        retryAfterSeconds, crawlDelaySeconds, flakyFailures, largeBodyBytes, gzipBombBytes, minRequestGap);
  }

  public FaultConfig withPort(int port) {
    return new FaultConfig(addressPrefix, port, firstByteDelay, dripInterval, dripChunkBytes, dripTotalBytes,
        retryAfterSeconds, crawlDelaySeconds, flakyFailures, largeBodyBytes, gzipBombBytes, minRequestGap);
  }

  public FaultConfig withFirstByteDelay(Duration firstByteDelay) {
    return new FaultConfig(addressPrefix, port, firstByteDelay, dripInterval, dripChunkBytes, dripTotalBytes,
        retryAfterSeconds, crawlDelaySeconds, flakyFailures, largeBodyBytes, gzipBombBytes, minRequestGap);
  }

  public FaultConfig withDrip(Duration dripInterval, int dripChunkBytes, int dripTotalBytes) {
    return new FaultConfig(addressPrefix, port, firstByteDelay, dripInterval, dripChunkBytes, dripTotalBytes,
        retryAfterSeconds, crawlDelaySeconds, flakyFailures, largeBodyBytes, gzipBombBytes, minRequestGap);
  }

  public FaultConfig withRetryAfterSeconds(int retryAfterSeconds) {
    return new FaultConfig(addressPrefix, port, firstByteDelay, dripInterval, dripChunkBytes, dripTotalBytes,
        retryAfterSeconds, crawlDelaySeconds, flakyFailures, largeBodyBytes, gzipBombBytes, minRequestGap);
  }

  public FaultConfig withCrawlDelaySeconds(int crawlDelaySeconds) {
    return new FaultConfig(addressPrefix, port, firstByteDelay, dripInterval, dripChunkBytes, dripTotalBytes,
        retryAfterSeconds, crawlDelaySeconds, flakyFailures, largeBodyBytes, gzipBombBytes, minRequestGap);
  }

  public FaultConfig withFlakyFailures(int flakyFailures) {
    return new FaultConfig(addressPrefix, port, firstByteDelay, dripInterval, dripChunkBytes, dripTotalBytes,
        retryAfterSeconds, crawlDelaySeconds, flakyFailures, largeBodyBytes, gzipBombBytes, minRequestGap);
  }

  public FaultConfig withLargeBodyBytes(long largeBodyBytes) {
    return new FaultConfig(addressPrefix, port, firstByteDelay, dripInterval, dripChunkBytes, dripTotalBytes,
        retryAfterSeconds, crawlDelaySeconds, flakyFailures, largeBodyBytes, gzipBombBytes, minRequestGap);
  }

  public FaultConfig withGzipBombBytes(long gzipBombBytes) {
    return new FaultConfig(addressPrefix, port, firstByteDelay, dripInterval, dripChunkBytes, dripTotalBytes,
        retryAfterSeconds, crawlDelaySeconds, flakyFailures, largeBodyBytes, gzipBombBytes, minRequestGap);
  }

  public FaultConfig withMinRequestGap(Duration minRequestGap) {
    return new FaultConfig(addressPrefix, port, firstByteDelay, dripInterval, dripChunkBytes, dripTotalBytes,
        retryAfterSeconds, crawlDelaySeconds, flakyFailures, largeBodyBytes, gzipBombBytes, minRequestGap);
  }
}

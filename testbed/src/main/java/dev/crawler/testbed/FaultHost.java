package dev.crawler.testbed;

/**
 * The addresses of a {@link FaultShop}: {@code addressPrefix + number()}. Every host serves every
 * {@link Fault} path, the fault index at {@code /} and a tiny robots test site ({@code /landing} links
 * to {@code /landing/more} and to the disallowed {@code /private/secret}); they differ only in how
 * they answer {@code /robots.txt}.
 */
public enum FaultHost {
  /** 127.0.3.1: robots.txt 200, {@code Disallow: /private/}. The host the single-host faults are meant for. */
  MAIN(1),
  /** 127.0.3.2: robots.txt answers 500 (RFC 9309: treat the whole site as disallowed). */
  ROBOTS_500(2),
  /** 127.0.3.3: robots.txt answers 404 (RFC 9309: everything allowed). */
  ROBOTS_404(3),
  /** 127.0.3.4: robots.txt answers 301 to {@code /robots-moved.txt}, which disallows {@code /private/}. */
  ROBOTS_REDIRECT(4),
  /**
   * 127.0.3.5: robots.txt carries {@code Crawl-delay: N} ({@link FaultConfig#crawlDelaySeconds()}) and
   * {@code Disallow: /private/}.
   */
  ROBOTS_CRAWL_DELAY(5),
  /** 127.0.3.6: where {@link Fault#REDIRECT_OTHER_HOST} sends you ({@code /landing}); robots.txt as MAIN. */
  REDIRECT_TARGET(6),
  /**
   * 127.0.3.7: a host that rate-limits. Any request (robots.txt included) that arrives sooner than
   * {@link FaultConfig#minRequestGap()} after the one before it is answered {@code 429} with
   * {@code Retry-After: retryAfterSeconds}; robots.txt as MAIN. Crawl its {@code /catalogue}.
   */
  RATE_LIMITED(7),
  /**
   * 127.0.3.8: a host that sheds load by dropping connections. Any request that arrives sooner than
   * {@link FaultConfig#minRequestGap()} after the one before it gets a head, 8 KiB of a 64 KiB body,
   * and a TCP reset, as {@link Fault#RESET_MID_BODY}; robots.txt as MAIN. Crawl its {@code /catalogue}.
   */
  DROPS_CONNECTIONS(8),
  /**
   * 127.0.3.9: a host that rate-limits its robots.txt. The first request for robots.txt is answered
   * {@code 429} with {@code Retry-After: retryAfterSeconds}; later ones as MAIN's.
   */
  ROBOTS_RATE_LIMITED(9);

  private final int number;

  FaultHost(int number) {
    this.number = number;
  }

  /** The last octet of this host's address. */
  public int number() {
    return number;
  }
}

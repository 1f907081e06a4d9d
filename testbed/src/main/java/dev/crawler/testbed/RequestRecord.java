package dev.crawler.testbed;

/**
 * One request the testbed answered (or gave up on).
 *
 * @param host the local address the request arrived on, e.g. {@code "127.0.1.3"}; not the Host header,
 *     which a client can set to anything
 * @param pathAndQuery the request target exactly as sent, e.g. {@code "/c/chairs?page=2"}
 * @param method e.g. {@code "GET"}
 * @param startNanos {@link System#nanoTime()} when the request head arrived
 * @param endNanos {@link System#nanoTime()} when the full response was written, or when the exchange
 *     ended otherwise (connection closed or reset mid-body)
 * @param status the status code sent
 * @param userAgent the User-Agent header, or the empty string when there was none
 * @param peer the address the request came from, e.g. {@code "127.0.0.1"}, or {@code "127.0.5.1"} when a
 *     {@link ForwardProxy} relayed it
 * @param conditional whether the request carried {@code If-None-Match} or {@code If-Modified-Since},
 *     whether or not the shop honours them; {@link #notModified()} tells whether it was answered 304
 */
public record RequestRecord(String host, String pathAndQuery, String method, long startNanos, long endNanos,
    int status, String userAgent, String peer, boolean conditional) {

  /** An unconditional request. */
  public RequestRecord(String host, String pathAndQuery, String method, long startNanos, long endNanos, int status,
      String userAgent, String peer) {
    this(host, pathAndQuery, method, startNanos, endNanos, status, userAgent, peer, false);
  }

  /** A request whose peer was not recorded. */
  public RequestRecord(String host, String pathAndQuery, String method, long startNanos, long endNanos, int status,
      String userAgent) {
    this(host, pathAndQuery, method, startNanos, endNanos, status, userAgent, "");
  }

  /** Whether the answer was {@code 304 Not Modified}. */
  public boolean notModified() {
    return status == 304;
  }

  /** Time from request arrival to response completion, in nanoseconds. */
  public long durationNanos() {
    return endNanos - startNanos;
  }
}

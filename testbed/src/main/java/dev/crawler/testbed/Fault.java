package dev.crawler.testbed;

import java.util.Arrays;
import java.util.Optional;

/**
 * The hostile paths of a {@link FaultShop}. Every {@link FaultHost} serves all of them; all delays are
 * scheduled on the connection's event loop, nothing sleeps. Where a query parameter is mentioned it
 * overrides the {@link FaultConfig} value for that request.
 */
public enum Fault {
  /** Sends nothing, not even the status line, for {@code firstByteDelay} ({@code ?ms=N}), then a small page. */
  SLOW_FIRST_BYTE("/fault/slow-first-byte"),
  /**
   * Sends the head at once (with Content-Length), then the body in pieces of {@code dripChunkBytes}
   * every {@code dripInterval} ({@code ?ms=N}) until {@code dripTotalBytes} have gone. The body is a
   * complete HTML page.
   */
  DRIP("/fault/drip"),
  /** Promises 65,536 bytes, sends 8,192, then resets the connection (TCP RST via SO_LINGER 0). */
  RESET_MID_BODY("/fault/reset"),
  /** 500 Internal Server Error with an HTML body. */
  SERVER_ERROR("/fault/500"),
  /** 503 Service Unavailable with {@code Retry-After: retryAfterSeconds}. */
  SERVICE_UNAVAILABLE("/fault/503"),
  /**
   * Answers 503 (no Retry-After) to the first {@code flakyFailures} ({@code ?fail=N}) requests for each
   * distinct host + path + query, then 200 with a small page: a transient failure worth retrying.
   */
  FLAKY("/fault/flaky"),
  /** 429 Too Many Requests with {@code Retry-After: retryAfterSeconds} (delta-seconds). */
  TOO_MANY_REQUESTS("/fault/429"),
  /** 429 Too Many Requests with {@code Retry-After} as an HTTP-date {@code retryAfterSeconds} from now. */
  TOO_MANY_REQUESTS_DATE("/fault/429-date"),
  /**
   * A chunked HTML body that never ends: 16 KiB chunks, each sent when the previous one was written
   * (as fast as the client reads) or {@code ?ms=N} after it. Stops only when the client goes away.
   */
  ENDLESS_BODY("/fault/endless"),
  /** A {@code largeBodyBytes} (default 10 MiB) HTML body with Content-Length, written as the client reads. */
  LARGE_BODY("/fault/large"),
  /**
   * {@code Content-Encoding: gzip}, {@code Content-Type: text/html}: about 1 KiB on the wire per MiB
   * that inflates to {@code gzipBombBytes} (default 1 GiB) of whitespace after a short HTML prefix.
   */
  GZIP_BOMB("/fault/gzip-bomb"),
  /** 302 to {@code /fault/redirect-loop-b}, which 302s (absolute URL) back here, forever. */
  REDIRECT_LOOP("/fault/redirect-loop"),
  /** {@code /fault/redirect-chain/N} 301s to {@code /fault/redirect-chain/N+1}: never repeats, never ends. */
  REDIRECT_CHAIN("/fault/redirect-chain/0"),
  /** 301 to {@code http://<REDIRECT_TARGET host>:PORT/landing}. */
  REDIRECT_OTHER_HOST("/fault/redirect-other-host"),
  /** An HTML page labelled {@code Content-Type: image/jpeg}. */
  WRONG_CONTENT_TYPE("/fault/wrong-content-type"),
  /** An HTML page with no Content-Type header at all. */
  MISSING_CONTENT_TYPE("/fault/no-content-type"),
  /**
   * A UTF-8 product page (with "Café", "Zürich"; its {@code <meta charset>} says utf-8) labelled
   * {@code text/html; charset=ISO-8859-1}. The product is {@link #LYING_CHARSET_PRODUCT}.
   */
  LYING_CHARSET("/fault/lying-charset"),
  /**
   * A windows-1251 product page with a Cyrillic name (its {@code <meta charset>} says windows-1251)
   * labelled {@code text/html; charset=utf-8}. The product is {@link #CYRILLIC_PRODUCT}.
   */
  LYING_CHARSET_CYRILLIC("/fault/lying-charset-cyrillic"),
  /** A PDF document, correctly labelled {@code application/pdf}, at a URL ending in {@code .html}. */
  PDF_AT_HTML_URL("/fault/catalogue.html"),
  /** A PDF document labelled {@code text/html; charset=utf-8}. */
  PDF_LABELLED_HTML("/fault/pdf-labelled-html"),
  /** A small page whose response head carries a 100 KiB header ({@code X-Padding}): no client reads that. */
  OVERSIZED_HEADER("/fault/oversized-header"),
  /** {@code HTTP/1.1 two-hundred OK} as the status line, then a small page: not HTTP. */
  MALFORMED_STATUS_LINE("/fault/malformed-status-line");

  /** The product name on the {@link #LYING_CHARSET} page. */
  public static final String LYING_CHARSET_PRODUCT = "Café Crème";
  /** The product name on the {@link #LYING_CHARSET_CYRILLIC} page. */
  public static final String CYRILLIC_PRODUCT = "Кофеварка «Добрыня» ДК-1250";

  private final String path;

  Fault(String path) {
    this.path = path;
  }

  /** The root-relative path that triggers this fault. */
  public String path() {
    return path;
  }

  static Optional<Fault> forPath(String path) {
    return Arrays.stream(values()).filter(f -> f.path.equals(path)).findFirst();
  }
}

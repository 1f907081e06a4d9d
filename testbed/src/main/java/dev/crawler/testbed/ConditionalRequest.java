package dev.crawler.testbed;

import io.netty.handler.codec.DateFormatter;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The conditional headers of a GET or HEAD request, and whether they make its answer
 * {@code 304 Not Modified} (RFC 9110 section 13). Pure.
 *
 * <p>{@code If-None-Match} wins when both are sent, as the RFC says: a client that has an ETag trusts
 * it over a date. It matches with the weak comparison ({@code W/"x"} matches {@code "x"}) and
 * {@code *} matches any page. {@code If-Modified-Since} means "not modified" when the page last
 * changed at or before that date; a date that cannot be parsed is ignored.
 */
record ConditionalRequest(Optional<String> ifNoneMatch, Optional<String> ifModifiedSince) {

  /** Whether the request carried either header, honoured or not. */
  boolean isConditional() {
    return ifNoneMatch.isPresent() || ifModifiedSince.isPresent();
  }

  /** Whether a page with this ETag, last changed at {@code lastModified}, should be answered with 304. */
  boolean notModified(String etag, Instant lastModified) {
    if (ifNoneMatch.isPresent()) {
      return matches(ifNoneMatch.get(), etag);
    }
    if (ifModifiedSince.isPresent()) {
      Date since = DateFormatter.parseHttpDate(ifModifiedSince.get());
      return since != null && !lastModified.isAfter(since.toInstant());
    }
    return false;
  }

  private static boolean matches(String header, String etag) {
    String opaque = opaque(etag);
    for (String candidate : header.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || opaque(tag).equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}

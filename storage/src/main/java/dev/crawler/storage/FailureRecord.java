package dev.crawler.storage;

import java.time.Instant;

/**
 * The last failure of one URL, kept so that {@code crawler status} can show what went wrong where.
 *
 * @param failureClass the class of failure (for example {@code timeout}, {@code http-status})
 * @param httpStatus   the HTTP status when there was one, else 0
 * @param attempts     how many times the URL was tried
 */
public record FailureRecord(String url, String failureClass, int httpStatus, String message, int attempts, Instant at) {
}

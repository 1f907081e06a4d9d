package dev.crawler.core.fetch;

import java.util.Locale;

/**
 * Why a URL produced no page. Every failure is counted under exactly one class; the transient ones
 * are retried (up to {@code fetch.maxRetries}) before they are recorded as final.
 */
public enum FailureClass {
    /** The host name did not resolve. */
    DNS(true),
    /** No connection could be made. */
    CONNECT(true),
    /**
     * Connecting, the first byte, a silence between bytes, or the whole exchange took too long (or a
     * connection to the host stayed unavailable that long).
     */
    TIMEOUT(true),
    /** The TLS handshake failed. */
    TLS(false),
    /** The server closed or reset the connection before the response was complete. */
    CONNECTION_RESET(true),
    /** The response was not valid HTTP. */
    PROTOCOL(false),
    /** An HTTP status that carries no page (4xx; 5xx and 429 are transient). */
    HTTP_STATUS(false),
    /** A transient HTTP status: 5xx or 429. */
    HTTP_TRANSIENT(true),
    /** The body was longer than {@code fetch.maxBodyBytes}, before or after decompression. */
    TOO_LARGE(false),
    /** The body is not a page we can read (not HTML, undecodable). */
    BAD_CONTENT(false),
    /** robots.txt disallows the URL, or could not be read. */
    ROBOTS_DENIED(false),
    /** A redirect led outside the crawl's scope. */
    OUT_OF_SCOPE(false),
    /** More redirects in a row than {@code fetch.maxRedirects}, or a redirect to the URL itself. */
    REDIRECT_LIMIT(false),
    /**
     * The host is not a seed's and resolved to a loopback, private, link-local or otherwise non-public
     * address, which {@code scope.allowPrivateAddresses} does not allow; no connection was made.
     */
    BLOCKED_ADDRESS(false),
    /** The crawler itself had no room for the page; it is retried. */
    OVERLOADED(true),
    /**
     * The crawler itself failed on the URL: an unexpected exception or error (a bug) while processing
     * or committing it. Recorded with the error and counted as an internal error; not retried, since a
     * bug meets the same page the same way again.
     */
    INTERNAL(false);

    private final boolean transientFailure;

    FailureClass(boolean transientFailure) {
        this.transientFailure = transientFailure;
    }

    /** Whether trying again later may succeed. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** The name used in counters and reports, e.g. {@code connection-reset}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package dev.crawler.core.fetch;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.TimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Why a URL produced no page: the one table that classes every failure, and says for each class
 * whether trying again can help and what it tells about the host.
 *
 * <h2>The table</h2>
 * <table>
 * <caption>What happened, what it is counted as, and what follows</caption>
 * <tr><th>what happened</th><th>class</th><th>retry</th><th>host</th></tr>
 * <tr><td>the name does not resolve</td><td>{@code dns}</td><td>with backoff</td><td>unanswered</td></tr>
 * <tr><td>the connection is refused</td><td>{@code connect}</td><td>with backoff</td><td>unanswered</td></tr>
 * <tr><td>connect, first byte, silence or the whole exchange too slow</td><td>{@code timeout}</td><td>with backoff</td><td>unanswered</td></tr>
 * <tr><td>the TLS handshake is refused (untrusted or wrong certificate, no common protocol)</td><td>{@code tls}</td><td>never</td><td>-</td></tr>
 * <tr><td>the connection is reset or closed before the response is complete</td><td>{@code connection-reset}</td><td>with backoff</td><td>pushed back</td></tr>
 * <tr><td>a header or status line over the decoder's limit, a malformed status line, a response that is not HTTP</td><td>{@code protocol}</td><td>never</td><td>-</td></tr>
 * <tr><td>a 429, or a 503 with {@code Retry-After}</td><td>{@code rate-limited}</td><td>after the host's pause, no attempt spent</td><td>pushed back</td></tr>
 * <tr><td>any other 5xx</td><td>{@code http-transient}</td><td>with backoff</td><td>-</td></tr>
 * <tr><td>any other status that carries no page (4xx)</td><td>{@code http-status}</td><td>never</td><td>-</td></tr>
 * <tr><td>a body over {@code fetch.maxBodyBytes}, declared, received or decompressed</td><td>{@code too-large}</td><td>never</td><td>-</td></tr>
 * <tr><td>a body that is no page (not HTML, binary, undecodable)</td><td>{@code bad-content}</td><td>never</td><td>-</td></tr>
 * <tr><td>robots.txt disallows the URL</td><td>{@code robots-denied}</td><td>never</td><td>-</td></tr>
 * <tr><td>a redirect out of the crawl's scope</td><td>{@code out-of-scope}</td><td>never</td><td>-</td></tr>
 * <tr><td>too many redirects, or a redirect loop</td><td>{@code redirect-limit}</td><td>never</td><td>-</td></tr>
 * <tr><td>the host resolves to an address the crawl may not use</td><td>{@code blocked-address}</td><td>never</td><td>-</td></tr>
 * <tr><td>the crawler itself had no room for the page</td><td>{@code overloaded}</td><td>with backoff</td><td>-</td></tr>
 * </table>
 *
 * <p>"Never" means the URL fails at its first attempt: what cannot succeed on retry is not asked
 * again. "With backoff" means it waits in the retry lane and comes back, up to {@code fetch.maxRetries}
 * times. What a failure tells about its host ({@link HostEffect}) feeds the host's politeness.
 *
 * <p>{@link #of(Throwable)} and {@link #of(FetchOutcome.Response)} recognise what happened; they are the only
 * places a failure is classed.
 */
public enum FailureClass {
    /** The host name did not resolve. */
    DNS(Retry.WITH_BACKOFF, HostEffect.UNANSWERED),
    /** No connection could be made. */
    CONNECT(Retry.WITH_BACKOFF, HostEffect.UNANSWERED),
    /**
     * Connecting, the first byte, a silence between bytes, or the whole exchange took too long (or a
     * connection to the host stayed unavailable that long).
     */
    TIMEOUT(Retry.WITH_BACKOFF, HostEffect.UNANSWERED),
    /** The TLS handshake failed: the certificate or the protocols will be the same next time. */
    TLS(Retry.NEVER, HostEffect.NONE),
    /**
     * The server closed or reset the connection before the response was complete. Retried like any
     * failure that may pass; and a host that drops connections is slowed like one that pushes back,
     * since that is how many servers shed load.
     */
    CONNECTION_RESET(Retry.WITH_BACKOFF, HostEffect.PUSH_BACK),
    /** The response was not valid HTTP, or its head was over the decoder's limits. */
    PROTOCOL(Retry.NEVER, HostEffect.NONE),
    /** An HTTP status that carries no page (4xx). */
    HTTP_STATUS(Retry.NEVER, HostEffect.NONE),
    /** A transient HTTP status: 5xx (a 503 without {@code Retry-After}). */
    HTTP_TRANSIENT(Retry.WITH_BACKOFF, HostEffect.NONE),
    /**
     * The host pushed back: a 429, or a 503 with {@code Retry-After}. The host is paused and slowed; the
     * URL waits for it without using up its retries, up to {@code politeness.maxPushBacks} times.
     */
    RATE_LIMITED(Retry.AFTER_HOST_PAUSE, HostEffect.PUSH_BACK),
    /** The body was longer than {@code fetch.maxBodyBytes}, before or after decompression. */
    TOO_LARGE(Retry.NEVER, HostEffect.NONE),
    /** The body is not a page we can read (not HTML, undecodable). */
    BAD_CONTENT(Retry.NEVER, HostEffect.NONE),
    /** robots.txt disallows the URL. */
    ROBOTS_DENIED(Retry.NEVER, HostEffect.NONE),
    /** A redirect led outside the crawl's scope. */
    OUT_OF_SCOPE(Retry.NEVER, HostEffect.NONE),
    /** More redirects in a row than {@code fetch.maxRedirects}, or a redirect to the URL itself. */
    REDIRECT_LIMIT(Retry.NEVER, HostEffect.NONE),
    /**
     * The host is not a seed's and resolved to a loopback, private, link-local or otherwise non-public
     * address, which {@code scope.allowPrivateAddresses} does not allow; no connection was made.
     */
    BLOCKED_ADDRESS(Retry.NEVER, HostEffect.NONE),
    /** The crawler itself had no room for the page; it is retried. */
    OVERLOADED(Retry.WITH_BACKOFF, HostEffect.NONE),
    /**
     * The crawler itself failed on the URL: an unexpected exception or error (a bug) while processing
     * or committing it. Recorded with the error and counted as an internal error; not retried, since a
     * bug meets the same page the same way again.
     */
    INTERNAL(Retry.NEVER, HostEffect.NONE);

    /** Whether, and how, a URL that failed this way is tried again. */
    public enum Retry {
        /** It fails at its first attempt: trying again cannot help. */
        NEVER,
        /** It waits in the retry lane, longer each time, up to {@code fetch.maxRetries} more attempts. */
        WITH_BACKOFF,
        /**
         * It goes back to its host's queue and waits for the host's pause to end: the host's signal, not
         * the URL's failure, so no attempt is spent, up to {@code politeness.maxPushBacks} times.
         */
        AFTER_HOST_PAUSE
    }

    /** What a failure says about its host, for the host's politeness. */
    public enum HostEffect {
        /** Nothing: the page, not the host, is the trouble. */
        NONE,
        /** The host did not answer at all: toward parking it. */
        UNANSWERED,
        /**
         * The host asked to be left alone for a while, or dropped the connection: it is paused, and its
         * pace slows.
         */
        PUSH_BACK
    }

    private final Retry retry;
    private final HostEffect hostEffect;

    FailureClass(Retry retry, HostEffect hostEffect) {
        this.retry = retry;
        this.hostEffect = hostEffect;
    }

    public Retry retry() {
        return retry;
    }

    public HostEffect hostEffect() {
        return hostEffect;
    }

    /** Whether trying again later may succeed (after a backoff or after the host's pause). */
    public boolean isTransient() {
        return retry != Retry.NEVER;
    }

    /** The name used in counters and reports, e.g. {@code connection-reset}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The class of a response's status, or none for one that carries a page or a redirect (2xx, 3xx).
     * A status outside 100..599 is no HTTP status at all.
     *
     * @param retryAfter whether the response carries a {@code Retry-After} header
     */
    public static Optional<FailureClass> ofStatus(int status, boolean retryAfter) {
        if (status < 100 || status > 599) {
            return Optional.of(PROTOCOL);
        }
        if (status >= 200 && status < 400) {
            return Optional.empty();
        }
        if (status == 429 || (status == 503 && retryAfter)) {
            return Optional.of(RATE_LIMITED);
        }
        return Optional.of(status >= 500 ? HTTP_TRANSIENT : HTTP_STATUS);
    }

    /** The class of a response, or none for one that carries a page or a redirect. */
    public static Optional<FailureClass> of(FetchOutcome.Response response) {
        return ofStatus(response.status(), response.header("retry-after").isPresent());
    }

    /** The class of what Netty or the JDK threw, looking through its causes. */
    public static FailureClass of(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BlockedAddressException) {
                return BLOCKED_ADDRESS;
            }
            if (cause instanceof BodyTooLargeException) {
                return TOO_LARGE;
            }
            if (cause instanceof ConnectTimeoutException || cause instanceof TimeoutException
                    || cause instanceof java.util.concurrent.TimeoutException) {
                return TIMEOUT;
            }
            if (cause instanceof UnknownHostException || cause.getClass().getName().contains("DnsNameResolver")) {
                return DNS;
            }
            if (cause instanceof SSLException) {
                return TLS;
            }
            if (cause instanceof ConnectException) {
                return CONNECT;
            }
            if (cause instanceof TooLongFrameException) {
                // A status line or a header over the decoder's limit: the same response next time.
                return PROTOCOL;
            }
            if (cause instanceof ClosedChannelException) {
                return CONNECTION_RESET;
            }
            if (cause instanceof DecoderException && cause.getCause() == null) {
                return PROTOCOL;
            }
        }
        // An IOException here is the socket's ("Connection reset by peer"); anything else is a response
        // the decoder could not read (a malformed status line arrives as an IllegalArgumentException).
        return error instanceof IOException ? CONNECTION_RESET : PROTOCOL;
    }
}

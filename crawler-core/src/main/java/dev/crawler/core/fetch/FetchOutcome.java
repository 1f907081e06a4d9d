package dev.crawler.core.fetch;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** What one HTTP exchange produced: a response (of any status) or a classified failure. */
public sealed interface FetchOutcome {
    URI uri();

    /**
     * A complete response.
     *
     * @param headers      lower-case header names to their values, repeated headers joined by {@code ", "}
     * @param body         the decoded body (content encodings removed)
     * @param elapsedNanos from sending the request to the last byte
     */
    record Response(URI uri, int status, Map<String, String> headers, byte[] body, long elapsedNanos)
            implements FetchOutcome {
        public Response {
            headers = Map.copyOf(headers);
        }

        public Optional<String> header(String lowerCaseName) {
            return Optional.ofNullable(headers.get(lowerCaseName));
        }
    }

    /** No usable response, and why. */
    record Failure(URI uri, FailureClass failureClass, String message) implements FetchOutcome {
    }
}

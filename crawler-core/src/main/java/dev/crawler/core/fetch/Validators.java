package dev.crawler.core.fetch;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The validators a page sent when it was last fetched, sent back on a revisit as
 * {@code If-None-Match} and {@code If-Modified-Since} (RFC 9110, section 13.1) so that a server can
 * answer {@code 304 Not Modified} without a body. Both are sent verbatim: a weak {@code ETag} stays
 * weak, a date stays the server's own string.
 *
 * @param etag         the {@code ETag} header, or null
 * @param lastModified the {@code Last-Modified} header, or null
 */
public record Validators(@Nullable String etag, @Nullable String lastModified) {
    /** A request without conditions. */
    public static final Validators NONE = new Validators(null, null);

    /** Whether there is any condition to send. */
    public boolean any() {
        return etag != null || lastModified != null;
    }

    /** The validators a response carries. */
    public static Validators of(FetchOutcome.Response response) {
        Optional<String> etag = response.header("etag").filter(value -> !value.isBlank());
        Optional<String> lastModified = response.header("last-modified").filter(value -> !value.isBlank());
        return new Validators(etag.orElse(null), lastModified.orElse(null));
    }
}

package dev.crawler.core.url;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The host key a URL is queued and throttled under: {@code scheme://host:port}, lower case, with
 * the port always written so that {@code http://a} and {@code http://a:80} are one host.
 */
public final class Origin {
    private Origin() {
    }

    /** The origin of an absolute http(s) URL, or empty for anything else. */
    public static Optional<String> of(URI uri) {
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (scheme == null || host == null) {
            return Optional.empty();
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port);
    }

    /** The origin of an absolute http(s) URL string, or empty when it is not one. */
    public static Optional<String> of(String url) {
        try {
            return of(new URI(url));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}

package dev.crawler.core.url;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns any link into the one canonical form under which it is queued and de-duplicated.
 *
 * <p>crawler-commons does the standard normalisation (case, default ports, dot segments, percent
 * encoding, fragments); on top of that, tracking parameters are removed, since a crawler that keeps
 * them fetches the same product once per campaign. Thread-safe.
 */
public final class UrlCanonicalizer {
    private final BasicURLNormalizer normalizer;
    private final List<String> exactParams = new ArrayList<>();
    private final List<String> prefixParams = new ArrayList<>();
    private final int maxLength;

    /**
     * @param trackingParams parameter names to drop; a trailing {@code *} makes a prefix
     * @param maxLength      URLs longer than this (after normalisation) are rejected
     */
    public UrlCanonicalizer(List<String> trackingParams, int maxLength) {
        for (String param : trackingParams) {
            String name = param.toLowerCase(Locale.ROOT);
            if (name.endsWith("*")) {
                prefixParams.add(name.substring(0, name.length() - 1));
            } else {
                exactParams.add(name);
            }
        }
        this.normalizer = BasicURLNormalizer.newBuilder().build();
        this.maxLength = maxLength;
    }

    /** The canonical form of an absolute http(s) URL, or empty if it is not one or is too long. */
    public Optional<String> canonicalize(String absoluteUrl) {
        if (absoluteUrl.length() > maxLength * 2) {
            return Optional.empty();
        }
        String normalized = normalizer.filter(absoluteUrl.trim());
        if (normalized == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(normalized);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (Origin.of(uri).isEmpty()) {
            return Optional.empty();
        }
        String result = withoutTrackingParams(uri);
        return result.length() <= maxLength ? Optional.of(result) : Optional.empty();
    }

    private String withoutTrackingParams(URI uri) {
        String query = uri.getRawQuery();
        if (query == null) {
            return uri.toString();
        }
        StringBuilder kept = new StringBuilder();
        for (String pair : query.split("&")) {
            if (pair.isEmpty() || isTracking(pair)) {
                continue;
            }
            if (kept.length() > 0) {
                kept.append('&');
            }
            kept.append(pair);
        }
        String base = uri.toString();
        int queryStart = base.indexOf('?');
        String withoutQuery = queryStart < 0 ? base : base.substring(0, queryStart);
        return kept.length() == 0 ? withoutQuery : withoutQuery + "?" + kept;
    }

    private boolean isTracking(String pair) {
        int eq = pair.indexOf('=');
        String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
        if (exactParams.contains(name)) {
            return true;
        }
        for (String prefix : prefixParams) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}

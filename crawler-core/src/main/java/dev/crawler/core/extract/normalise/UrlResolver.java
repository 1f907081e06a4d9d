package dev.crawler.core.extract.normalise;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the relative and half-broken URLs found in markup against a base URL.
 *
 * <p>Shops write protocol-relative URLs ({@code //cdn...}), spaces, pipes and non-ASCII in paths;
 * {@link URI} rejects all of those, so the few characters that commonly break it are percent-encoded
 * before parsing. Only absolute http(s) results are returned: {@code javascript:}, {@code data:} and
 * unparseable values become null.
 */
final class UrlResolver {

  static final int MAX_LENGTH = 4_096;

  private UrlResolver() {}

  /** Resolves {@code raw} against {@code base}; null when the result is not an absolute http(s) URL. */
  static @Nullable String resolve(@Nullable String raw, URI base) {
    URI uri = resolveUri(raw, base);
    return uri == null ? null : uri.toString();
  }

  static @Nullable URI resolveUri(@Nullable String raw, URI base) {
    if (raw == null) {
      return null;
    }
    String value = raw.strip();
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      return null;
    }
    try {
      URI resolved = base.resolve(new URI(escape(value)));
      return isHttp(resolved) ? resolved : null;
    } catch (URISyntaxException | IllegalArgumentException unparseable) {
      return null;
    }
  }

  /** The same URL without its fragment, which never names a different product. */
  static URI withoutFragment(URI uri) {
    if (uri.getRawFragment() == null) {
      return uri;
    }
    String text = uri.toString();
    return URI.create(text.substring(0, text.indexOf('#')));
  }

  static boolean isHttp(URI uri) {
    String scheme = uri.getScheme();
    if (scheme == null || uri.getHost() == null) {
      return false;
    }
    String lower = scheme.toLowerCase(Locale.ROOT);
    return lower.equals("http") || lower.equals("https");
  }

  private static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case ' ' -> out.append("%20");
        case '|' -> out.append("%7C");
        case '"' -> out.append("%22");
        case '<' -> out.append("%3C");
        case '>' -> out.append("%3E");
        case '\\' -> out.append("%5C");
        case '^' -> out.append("%5E");
        case '`' -> out.append("%60");
        case '{' -> out.append("%7B");
        case '}' -> out.append("%7D");
        default -> {
          if (c < 0x20 || c == 0x7F) {
            continue; // control characters (newlines inside src attributes) are dropped
          }
          out.append(c); // non-ASCII is legal in java.net.URI's "other" category
        }
      }
    }
    return out.toString();
  }
}

package dev.crawler.core.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * A URL as people and shops write it, read into a {@link URI}. Browsers accept characters that RFC
 * 3986 forbids, and shops use them, most often {@code |} in fragments and queries
 * ({@code #a=3|p=14}); {@link URI#create} refuses such a URL outright. Here the forbidden
 * characters are percent-encoded instead, which is what a browser sends.
 */
public final class LenientUri {

  private static final String FORBIDDEN = "| {}^`\"<>\\";

  private LenientUri() {}

  /** The URI, or empty when the text is not a URL even with its forbidden characters encoded. */
  public static Optional<URI> parse(String text) {
    String trimmed = text.strip();
    try {
      return Optional.of(new URI(trimmed));
    } catch (URISyntaxException strict) {
      try {
        return Optional.of(new URI(encodeForbidden(trimmed)));
      } catch (URISyntaxException lenient) {
        return Optional.empty();
      }
    }
  }

  private static String encodeForbidden(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (FORBIDDEN.indexOf(c) >= 0) {
        out.append('%').append(String.format("%02X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}

package dev.crawler.core.extract;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * Turns raw text from a page into a clean single-line value: whitespace of every kind collapsed to
 * one space, invisible characters removed, trimmed, capped in length.
 *
 * <p>Two entry points because text arrives in two states. Text taken from the DOM is already
 * entity-decoded by jsoup, and decoding it again would corrupt a literal {@code "&amp;"}. Text taken
 * from inside a {@code <script>} (JSON-LD) is raw: shops routinely put {@code &quot;} or {@code <b>}
 * into JSON strings, so that text is decoded and de-tagged first.
 */
final class TextCleaner {

  /** Longer values are garbage (a whole description in a name field); keep a bounded prefix. */
  static final int MAX_LENGTH = 1_000;

  // \p{Z} covers NBSP, thin and narrow spaces, ideographic space; \s covers tabs and newlines.
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}\\u0085]+");
  // Zero-width characters, soft hyphens, BOMs, control characters, and private-use code points
  // (icon-font glyphs such as a heart or a cart inside a product title).
  private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Co}\\p{Cc}&&[^\\s]]");
  private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*[a-zA-Z!][^>]*>");

  private TextCleaner() {}

  /** Cleans text that came from the DOM (already decoded). Returns null for blank input. */
  static @Nullable String clean(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String text = INVISIBLE.matcher(bounded(raw)).replaceAll("");
    text = WHITESPACE.matcher(text).replaceAll(" ").trim();
    if (text.isEmpty()) {
      return null;
    }
    return truncate(text);
  }

  /** Cleans text that came from a script or other raw source: decodes entities and strips tags. */
  static @Nullable String cleanEncoded(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String text = bounded(raw);
    if (text.indexOf('<') >= 0 && TAG.matcher(text).find()) {
      text = Jsoup.parseBodyFragment(text).text();
    }
    if (text.indexOf('&') >= 0) {
      text = Parser.unescapeEntities(text, false);
    }
    return clean(text);
  }

  /** Only a prefix of a huge value can survive truncation; do not spend regex work on the rest. */
  private static String bounded(String raw) {
    int limit = 8 * MAX_LENGTH;
    return raw.length() <= limit ? raw : raw.substring(0, limit);
  }

  private static String truncate(String text) {
    if (text.length() <= MAX_LENGTH) {
      return text;
    }
    int end = MAX_LENGTH;
    // Do not split a surrogate pair.
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end).trim();
  }
}

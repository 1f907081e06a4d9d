package dev.crawler.core.extract.normalise;

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
public final class TextCleaner {

  /** Longer values are garbage (a whole description in a name field); keep a bounded prefix. */
  public static final int MAX_LENGTH = 1_000;

  private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*[a-zA-Z!][^>]*>");

  private TextCleaner() {}

  /** Cleans text that came from the DOM (already decoded). Returns null for blank input. */
  public static @Nullable String clean(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String text = collapse(bounded(raw));
    if (text.isEmpty()) {
      return null;
    }
    return truncate(text);
  }

  /**
   * One pass over the text: runs of white space of any kind become one space, invisible characters
   * go, and the ends are trimmed. The page walk cleans thousands of short texts a page, most of them
   * already clean, so this returns the very string it was given when nothing changes.
   */
  private static String collapse(String text) {
    StringBuilder out = null;
    boolean space = true; // at the start, white space is dropped
    for (int i = 0; i < text.length(); ) {
      char ascii = text.charAt(i);
      if (ascii > ' ' && ascii < 0x7F) {
        // Printable ASCII, most of any page's text, is neither white nor invisible: kept as it is.
        if (out != null) {
          out.append(ascii);
        }
        space = false;
        i++;
        continue;
      }
      int c = text.codePointAt(i);
      int next = i + Character.charCount(c);
      boolean white = isWhite(c);
      boolean drop = white ? space : isInvisible(c);
      if (out == null && (drop || white && c != ' ')) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (!drop) {
        if (out != null) {
          if (white) {
            out.append(' ');
          } else {
            out.append(text, i, next);
          }
        }
        space = white;
      }
      i = next;
    }
    String collapsed = out == null ? text : out.toString();
    return space && !collapsed.isEmpty() ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
  }

  /** ASCII white space ({@code \\s}) and Unicode separators ({@code \\p{Z}}: NBSP, thin and ideographic spaces). */
  private static boolean isWhite(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || Character.isSpaceChar(c);
  }

  /** Zero-width and format characters, control characters, and private-use code points (icon-font glyphs). */
  private static boolean isInvisible(int c) {
    int type = Character.getType(c);
    return type == Character.FORMAT || type == Character.PRIVATE_USE || type == Character.CONTROL;
  }

  /** Cleans text that came from a script or other raw source: decodes entities and strips tags. */
  public static @Nullable String cleanEncoded(@Nullable String raw) {
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

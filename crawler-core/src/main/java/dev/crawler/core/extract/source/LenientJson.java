package dev.crawler.core.extract.source;

import dev.crawler.core.extract.scan.PageMarkup;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Parses the JSON that shops actually ship inside {@code <script type="application/ld+json">}.
 *
 * <p>Jackson's lenient read features absorb most breakage: trailing commas, {@code //} and
 * {@code /* *\/} comments (which also covers {@code /*<![CDATA[*\/} wrappers), single quotes,
 * unquoted names, raw newlines and tabs inside strings, {@code \'} escapes, leading zeros and
 * {@code NaN}. What Jackson cannot absorb is repaired here and only here: a bare
 * {@code <![CDATA[ ... ]]>} or {@code <!-- ... -->} wrapper is stripped, and a script whose JSON
 * was entity-encoded as a whole ({@code {&quot;@type&quot;: ...}}) is decoded and retried. Several
 * JSON values in one script are all read; reading stops at the first unrecoverable error, keeping
 * the values read so far.
 *
 * <p>Limits: scripts over {@link #MAX_CHARS} are skipped, nesting deeper than
 * {@link #MAX_NESTING} fails the script, at most {@link #MAX_VALUES} top-level values are read.
 */
public final class LenientJson {

  /** About 2 MiB of text; a bigger script is application state, not product markup. */
  public static final int MAX_CHARS = PageMarkup.MAX_SCRIPT_CHARS;
  static final int MAX_NESTING = 200;
  static final int MAX_VALUES = 64;

  private static final ObjectMapper MAPPER = createMapper();
  private static final Pattern ASSIGNED_OBJECT = Pattern.compile("(?:=|\\(|^\\s*)\\s*\\{");

  private LenientJson() {}

  /** The JSON values in {@code script}; empty when none could be read. Never throws. */
  static List<JsonNode> parse(String script) {
    if (script.length() > MAX_CHARS) {
      return List.of();
    }
    String text = stripWrappers(script);
    List<JsonNode> values = readValues(text);
    if (values.isEmpty() && text.contains("&quot;")) {
      values = readValues(Parser.unescapeEntities(text, false));
    }
    return values;
  }

  private static List<JsonNode> readValues(String text) {
    List<JsonNode> values = new ArrayList<>();
    try (JsonParser parser = MAPPER.createParser(text)) {
      while (values.size() < MAX_VALUES) {
        JsonNode value = MAPPER.readTree(parser);
        if (value == null || value.isMissingNode()) {
          break;
        }
        values.add(value);
      }
    } catch (JacksonException malformed) {
      // Keep the values before the damage: "{...};" or "{...},{...}" still yields the first.
    } catch (IOException impossible) {
      // Reading from a String performs no I/O.
    }
    return values;
  }

  /**
   * The JSON objects a script assigns or passes: {@code window.__STATE__ = {...}},
   * {@code dataLayer.push({...})}, {@code new Product({...})}. At most {@code max} objects are read,
   * each from the first brace after an {@code =}, a {@code :} at the top of the script, or an opening
   * parenthesis; what follows the object is ignored. Never throws.
   */
  static List<JsonNode> assignedObjects(String script, int max) {
    List<JsonNode> objects = new ArrayList<>();
    if (script.length() > MAX_CHARS) {
      return objects;
    }
    char[] chars = script.toCharArray();
    Matcher m = ASSIGNED_OBJECT.matcher(script);
    int tries = 0;
    int resumeAt = 0;
    while (objects.size() < max && tries < max * 4 && m.find(resumeAt)) {
      tries++;
      int brace = m.end() - 1;
      resumeAt = brace + 1;
      try (JsonParser parser = MAPPER.getFactory().createParser(chars, brace, chars.length - brace)) {
        JsonNode value = MAPPER.readTree(parser);
        if (value != null && value.isObject() && !value.isEmpty()) {
          objects.add(value);
        }
      } catch (JacksonException notJson) {
        // JavaScript, not JSON, from this brace on: try the next assignment.
      } catch (IOException impossible) {
        // Reading from a char array performs no I/O.
      }
    }
    return objects;
  }

  /** Removes HTML-comment and CDATA wrappers that are not inside a JS comment. */
  static String stripWrappers(String script) {
    String text = script.strip();
    boolean changed = true;
    for (int round = 0; changed && round < 4; round++) {
      String before = text;
      text = stripAffix(text, "<!--", "-->");
      text = stripAffix(text, "<![CDATA[", "]]>");
      changed = !text.equals(before);
    }
    return text;
  }

  private static String stripAffix(String text, String prefix, String suffix) {
    String result = text;
    if (result.startsWith(prefix)) {
      result = result.substring(prefix.length()).strip();
    }
    if (result.endsWith(suffix)) {
      result = result.substring(0, result.length() - suffix.length()).strip();
    }
    return result;
  }

  private static ObjectMapper createMapper() {
    JsonFactory factory = JsonFactory.builder()
        .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
        .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
        .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
        .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
        .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
        .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
        .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
        .enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
        .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
        .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
        .enable(JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS)
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING)
            .maxNumberLength(64)
            .maxStringLength(MAX_CHARS)
            .build())
        .build();
    return new ObjectMapper(factory)
        // Prices must not pass through double: 0.1 + rounding is not what the shop wrote.
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }
}

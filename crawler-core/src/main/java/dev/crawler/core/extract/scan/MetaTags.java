package dev.crawler.core.extract.scan;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The page's {@code <meta>} tags as a lookup from lower-cased {@code property} or {@code name} to
 * the first non-blank {@code content}. The first wins because templates append defaults after the
 * specific tags. Bounded by {@link #MAX_TAGS}.
 */
public final class MetaTags {

  static final int MAX_TAGS = 2_000;

  private final Map<String, String> content;

  private MetaTags(Map<String, String> content) {
    this.content = content;
  }

  /** @param metas the page's {@code <meta>} elements in document order, as {@link PageMarkup} gathered them */
  static MetaTags of(List<Element> metas) {
    Map<String, String> content = new HashMap<>();
    for (Element meta : metas.size() > MAX_TAGS ? metas.subList(0, MAX_TAGS) : metas) {
      String value = meta.attr("content");
      if (value.isBlank()) {
        continue;
      }
      for (String attribute : new String[] {"property", "name"}) {
        String key = meta.attr(attribute).strip().toLowerCase(Locale.ROOT);
        if (!key.isEmpty()) {
          content.putIfAbsent(key, value);
        }
      }
    }
    return new MetaTags(content);
  }

  public @Nullable String get(String key) {
    return content.get(key);
  }

  /** The first of {@code keys} that is present. */
  public @Nullable String first(String... keys) {
    for (String key : keys) {
      String value = content.get(key);
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}

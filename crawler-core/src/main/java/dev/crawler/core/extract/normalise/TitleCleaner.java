package dev.crawler.core.extract.normalise;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recovers a product name from a page title meant for link previews ({@code og:title},
 * {@code twitter:title}), which shops decorate with their own name and categories:
 * {@code "Feta 200g | Chilled & Deli | Spinneys"}, {@code "Shop - Product"},
 * {@code "[Shop promo] Product"}.
 *
 * <p>Only decoration that can be recognised is removed, because a product name may itself contain
 * {@code " - "} or start with a bracket:
 * <ul>
 *   <li>after {@code " | "} everything is dropped (names practically never contain it);
 *   <li>a first or last {@code " - "}/{@code " – "}/{@code " :: "} segment that names the site (the
 *       host's main label or {@code og:site_name}) is dropped;
 *   <li>a leading {@code [..]} or {@code 【..】} group is dropped when the HTML {@code <title>} does not
 *       repeat it (the shop added it for sharing).
 * </ul>
 */
public final class TitleCleaner {

  private static final Pattern LEADING_GROUP = Pattern.compile("^\\s*(\\[[^\\]]{1,60}\\]|【[^】]{1,60}】)\\s*");
  private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:-|–|—|::)\\s+");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

  private TitleCleaner() {}

  public static @Nullable String productName(@Nullable String title, @Nullable String htmlTitle, @Nullable String siteName,
      String host) {
    String name = TextCleaner.clean(title);
    if (name == null) {
      return null;
    }
    name = dropSharingPrefix(name, htmlTitle);
    int bar = name.indexOf(" | ");
    if (bar > 0) {
      name = name.substring(0, bar);
    }
    name = dropSiteSegments(name, siteKeys(siteName, host));
    return TextCleaner.clean(name);
  }

  private static String dropSharingPrefix(String name, @Nullable String htmlTitle) {
    Matcher group = LEADING_GROUP.matcher(name);
    if (group.find() && group.end() < name.length() && (htmlTitle == null || !htmlTitle.contains(group.group(1)))) {
      return name.substring(group.end());
    }
    return name;
  }

  private static String dropSiteSegments(String name, String[] siteKeys) {
    String result = name;
    Matcher separator = SEPARATOR.matcher(result);
    if (separator.find() && namesSite(result.substring(0, separator.start()), siteKeys)) {
      result = result.substring(separator.end());
    }
    int lastStart = -1;
    int lastEnd = -1;
    separator = SEPARATOR.matcher(result);
    while (separator.find()) {
      lastStart = separator.start();
      lastEnd = separator.end();
    }
    if (lastStart > 0 && namesSite(result.substring(lastEnd), siteKeys)) {
      result = result.substring(0, lastStart);
    }
    return result;
  }

  private static boolean namesSite(String segment, String[] siteKeys) {
    String key = key(segment);
    if (key.isEmpty()) {
      return false;
    }
    for (String site : siteKeys) {
      if (!site.isEmpty() && (key.contains(site) || site.contains(key))) {
        return true;
      }
    }
    return false;
  }

  /** The site's names, reduced to lower-case letters and digits. */
  private static String[] siteKeys(@Nullable String siteName, String host) {
    return new String[] {siteName == null ? "" : key(siteName), key(mainLabel(host))};
  }

  /** {@code www.shop.co.uk} → {@code shop}. */
  static String mainLabel(String host) {
    String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
    int last = labels.length - 2; // skip the TLD
    while (last > 0 && labels[last].length() <= 3 && isGenericSecondLevel(labels[last])) {
      last--;
    }
    return last >= 0 ? labels[last] : host;
  }

  private static boolean isGenericSecondLevel(String label) {
    return switch (label) {
      case "co", "com", "net", "org", "gov", "ac", "edu", "or", "ne", "go" -> true;
      default -> false;
    };
  }

  private static String key(String text) {
    return NOT_ALNUM.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
  }
}

package dev.crawler.core.extract.normalise;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tokens of a product URL that look like the shop's identifier of the product: a last path
 * segment that is a long number or a code of capitals and digits ({@code /itm/302474151804},
 * {@code /dp/B07FW264WL}), the number a slug ends with ({@code /some-product-1589482272.html}),
 * and the value of an id-like query parameter ({@code ?pid=260591}).
 *
 * <p>A token alone proves nothing (URLs carry session ids, category ids and timestamps); the
 * general extractor takes one only when the page also shows it as visible text.
 */
public final class UrlIdentifiers {

  static final int MAX_TOKENS = 4;
  private static final Pattern NUMBER = Pattern.compile("\\d{5,20}");
  private static final Pattern CODE = Pattern.compile("(?=[A-Z0-9]*\\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{8,14}");
  private static final Pattern SLUG_TAIL = Pattern.compile("[-_](\\d{5,20})$");
  private static final Pattern ID_PARAMETER =
      Pattern.compile("(?i)^(?:id|pid|sku|product_?id|item_?id|itemno|article|artnr)$");

  private UrlIdentifiers() {}

  /** The tokens of the page's URL, then those of its canonical URL that the page URL lacks. */
  public static List<String> of(PageContext page) {
    List<String> ids = new ArrayList<>(of(page.pageUrl()));
    if (!page.productUrl().equals(page.pageUrl().toString())) {
      // The canonical URL was built from a URI, so it parses; it may name the product's id the page URL hides.
      for (String id : of(URI.create(page.productUrl()))) {
        if (!ids.contains(id)) {
          ids.add(id);
        }
      }
    }
    return ids;
  }

  public static List<String> of(URI url) {
    List<String> tokens = new ArrayList<>();
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    String[] segments = path.split("/");
    String last = "";
    for (int i = segments.length - 1; i >= 0 && last.isEmpty(); i--) {
      last = segments[i];
    }
    last = last.replaceFirst("(?i)\\.(?:html?|php|aspx?|jsp)$", "");
    if (NUMBER.matcher(last).matches() || CODE.matcher(last).matches()) {
      tokens.add(last);
    } else {
      Matcher tail = SLUG_TAIL.matcher(last);
      if (tail.find()) {
        tokens.add(tail.group(1));
      }
    }
    String query = url.getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && ID_PARAMETER.matcher(pair.substring(0, eq)).matches()) {
          String value = pair.substring(eq + 1);
          if ((NUMBER.matcher(value).matches() || CODE.matcher(value.toUpperCase(Locale.ROOT)).matches())
              && tokens.size() < MAX_TOKENS && !tokens.contains(value)) {
            tokens.add(value);
          }
        }
      }
    }
    return tokens;
  }
}

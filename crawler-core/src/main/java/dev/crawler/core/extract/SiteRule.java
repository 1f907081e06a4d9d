package dev.crawler.core.extract;

import dev.crawler.core.extract.source.RuleSelector;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * CSS selectors that read a product from one shop's pages, for shops without (usable) structured
 * data. Values from a site rule beat every other extractor for the fields it names.
 *
 * <p>Each selector picks the first matching element. A selector may name the attribute that holds
 * the value: explicitly, with a trailing {@code @name} ({@code "div.product @data-sku"},
 * {@code "a.zoom @data-large"}), or by ending in a presence test of a {@code data-} attribute
 * ({@code "[data-sku]"} reads {@code data-sku}); see {@link RuleSelector}. Otherwise the value read
 * is the element's {@code content} attribute if present, else {@code value} (for {@code <input>}),
 * else, for the image, its {@code src} (or a lazy-loading {@code data-src}) or {@code href};
 * otherwise the element's text.
 * Prices are parsed like any other price text, so {@code "$1,299.00"} or {@code "1.299,- €"} is
 * fine; a currency selector is needed only when the price text carries no symbol.
 *
 * @param hostPattern {@code shop.example.com} (that host only) or {@code *.example.com}
 *     (example.com and all its subdomains); case-insensitive, stored lower-case
 * @param name selector for the product name, or null
 * @param price selector for the price text, or null
 * @param currency selector for a currency code or symbol, or null
 * @param sku selector for the shop's product id, or null
 * @param availability selector for the stock text ("In Stock.", "Sold out"), or null
 * @param image selector for the main product image, or null
 * @throws IllegalArgumentException when the host pattern is malformed, a selector is blank or not
 *     valid CSS (the message names the field), or no selector is given
 */
public record SiteRule(
    String hostPattern,
    @Nullable String name,
    @Nullable String price,
    @Nullable String currency,
    @Nullable String sku,
    @Nullable String availability,
    @Nullable String image) {

  private static final Pattern HOST_PATTERN =
      Pattern.compile("(?:\\*\\.)?[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)*");

  public SiteRule {
    if (hostPattern == null || !HOST_PATTERN.matcher(hostPattern.strip()).matches()) {
      throw new IllegalArgumentException(
          "hostPattern must be a host name such as shop.example.com or *.example.com, got: " + hostPattern);
    }
    hostPattern = hostPattern.strip().toLowerCase(Locale.ROOT);
    checkSelector("name", name);
    checkSelector("price", price);
    checkSelector("currency", currency);
    checkSelector("sku", sku);
    checkSelector("availability", availability);
    checkSelector("image", image);
    if (name == null && price == null && currency == null && sku == null && availability == null && image == null) {
      throw new IllegalArgumentException("site rule for " + hostPattern + " has no selectors");
    }
  }

  /** True when this rule applies to {@code host}. */
  public boolean matches(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    if (!hostPattern.startsWith("*.")) {
      return lower.equals(hostPattern);
    }
    String domain = hostPattern.substring(2);
    return lower.equals(domain) || lower.endsWith("." + domain);
  }

  /** Exact patterns first, then longer (more specific) wildcard patterns. */
  int specificity() {
    return hostPattern.startsWith("*.") ? hostPattern.length() : Integer.MAX_VALUE;
  }

  private static void checkSelector(String field, @Nullable String selector) {
    if (selector == null) {
      return;
    }
    if (selector.isBlank()) {
      throw new IllegalArgumentException(field + " selector is blank; use null for no selector");
    }
    try {
      QueryParser.parse(RuleSelector.parse(selector).css());
    } catch (IllegalArgumentException | IllegalStateException e) { // SelectorParseException is an IllegalStateException {
      throw new IllegalArgumentException(field + " selector is not valid CSS: '" + selector + "': " + e.getMessage(), e);
    }
  }
}

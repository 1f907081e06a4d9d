package dev.crawler.core.extract.normalise;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What every extractor needs to know about the page besides its markup, computed once per page.
 *
 * @param pageUrl the URL the page was fetched from (absolute)
 * @param baseUri where relative URLs resolve: {@code <base href>} if usable, else {@code pageUrl}
 * @param productUrl the URL products on this page are recorded under: {@code rel=canonical} when it
 *     stays on the page's host, else the page URL; without fragment
 * @param host the page's host, lower-case
 * @param countryHints ISO 3166 country codes the page most likely prices for, best first
 */
public record PageContext(URI pageUrl, URI baseUri, String productUrl, String host, List<String> countryHints) {

  public PageContext {
    countryHints = List.copyOf(countryHints);
  }

  /**
   * @param pageUrl the absolute URL the page was fetched from
   * @param documentBase the document's base URI as Jsoup settled it (the page URL, or the first
   *     {@code <base href>} resolved against it); blank for none
   * @param canonicalHref the {@code href} of the head's first {@code rel=canonical} link, or null
   * @param languageTags language tags in order of trust ({@code <html lang>}, og:locale, Content-Language)
   */
  public static PageContext of(URI pageUrl, String documentBase, @Nullable String canonicalHref, List<String> languageTags) {
    URI resolved = documentBase.isEmpty() ? null : UrlResolver.resolveUri(documentBase, pageUrl);
    URI base = resolved == null ? pageUrl : resolved;
    String host = pageUrl.getHost() == null ? "" : pageUrl.getHost().toLowerCase(Locale.ROOT);
    URI product = UrlResolver.withoutFragment(canonicalOrPage(canonicalHref, base, pageUrl));
    List<String> hints = CurrencyResolver.countryHints(host, languageTags);
    return new PageContext(pageUrl, base, product.toString(), host, hints);
  }

  /** Resolves a URL found in the page; null when it is not an absolute http(s) URL. */
  public @Nullable String resolve(@Nullable String raw) {
    return UrlResolver.resolve(raw, baseUri);
  }

  /** Only a canonical link in {@code <head>} counts: search engines ignore one in the body, and so do we. */
  private static URI canonicalOrPage(@Nullable String canonicalHref, URI base, URI pageUrl) {
    URI canonical = canonicalHref == null ? null : UrlResolver.resolveUri(canonicalHref, base);
    return canonical != null && canonical.getHost() != null && canonical.getHost().equalsIgnoreCase(pageUrl.getHost())
        ? canonical : pageUrl;
  }
}

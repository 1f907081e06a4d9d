package dev.crawler.core.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
record PageContext(URI pageUrl, URI baseUri, String productUrl, String host, List<String> countryHints) {

  PageContext {
    countryHints = List.copyOf(countryHints);
  }

  static PageContext of(Document doc, URI pageUrl) {
    URI base = baseUri(doc, pageUrl);
    String host = pageUrl.getHost() == null ? "" : pageUrl.getHost().toLowerCase(Locale.ROOT);
    URI product = UrlResolver.withoutFragment(canonicalOrPage(doc, base, pageUrl));
    List<String> hints = CurrencyResolver.countryHints(host, languageTags(doc));
    return new PageContext(pageUrl, base, product.toString(), host, hints);
  }

  /** Resolves a URL found in the page; null when it is not an absolute http(s) URL. */
  @Nullable String resolve(@Nullable String raw) {
    return UrlResolver.resolve(raw, baseUri);
  }

  /**
   * Jsoup already applied the first {@code <base href>} while parsing (resolved against the URL the
   * page was parsed with, which is the page's URL), so the document's base URI is the answer; asking
   * it saves a walk over the whole tree.
   */
  private static URI baseUri(Document doc, URI pageUrl) {
    URI resolved = doc.baseUri().isEmpty() ? null : UrlResolver.resolveUri(doc.baseUri(), pageUrl);
    return resolved == null ? pageUrl : resolved;
  }

  /** Only a canonical link in {@code <head>} counts: search engines ignore one in the body, and so do we. */
  private static URI canonicalOrPage(Document doc, URI base, URI pageUrl) {
    for (Element link : doc.head().getElementsByTag("link")) {
      if (!link.attr("rel").strip().equalsIgnoreCase("canonical") || !link.hasAttr("href")) {
        continue;
      }
      URI canonical = UrlResolver.resolveUri(link.attr("href"), base);
      if (canonical != null && canonical.getHost().equalsIgnoreCase(pageUrl.getHost())) {
        return canonical;
      }
    }
    return pageUrl;
  }

  /**
   * Language tags in order of trust: {@code <html lang>}, og:locale, Content-Language. The metas are
   * looked for in {@code <head>} only, where they belong, so that a page without them is not walked
   * from end to end twice.
   */
  private static List<String> languageTags(Document doc) {
    List<String> tags = new ArrayList<>();
    Element html = doc.firstElementChild();
    addTag(tags, html == null || !html.hasAttr("lang") ? null : html.attr("lang"));
    Element head = doc.head();
    Element ogLocale = head.selectFirst("meta[property=og:locale][content]");
    addTag(tags, ogLocale == null ? null : ogLocale.attr("content"));
    Element contentLanguage = head.selectFirst("meta[http-equiv~=(?i)^content-language$][content]");
    addTag(tags, contentLanguage == null ? null : contentLanguage.attr("content"));
    return tags;
  }

  private static void addTag(List<String> tags, @Nullable String tag) {
    if (tag != null && !tag.isBlank() && tag.length() < 40) {
      tags.add(tag.strip());
    }
  }
}

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

  private static URI baseUri(Document doc, URI pageUrl) {
    Element base = doc.selectFirst("base[href]");
    URI resolved = base == null ? null : UrlResolver.resolveUri(base.attr("href"), pageUrl);
    return resolved == null ? pageUrl : resolved;
  }

  private static URI canonicalOrPage(Document doc, URI base, URI pageUrl) {
    for (Element link : doc.select("link[rel~=(?i)^canonical$][href]")) {
      URI canonical = UrlResolver.resolveUri(link.attr("href"), base);
      if (canonical != null && canonical.getHost().equalsIgnoreCase(pageUrl.getHost())) {
        return canonical;
      }
    }
    return pageUrl;
  }

  /** Language tags in order of trust: {@code <html lang>}, og:locale, Content-Language. */
  private static List<String> languageTags(Document doc) {
    List<String> tags = new ArrayList<>();
    Element html = doc.selectFirst("html[lang]");
    addTag(tags, html == null ? null : html.attr("lang"));
    Element ogLocale = doc.selectFirst("meta[property=og:locale][content]");
    addTag(tags, ogLocale == null ? null : ogLocale.attr("content"));
    Element contentLanguage = doc.selectFirst("meta[http-equiv~=(?i)^content-language$][content]");
    addTag(tags, contentLanguage == null ? null : contentLanguage.attr("content"));
    return tags;
  }

  private static void addTag(List<String> tags, @Nullable String tag) {
    if (tag != null && !tag.isBlank() && tag.length() < 40) {
      tags.add(tag.strip());
    }
  }
}

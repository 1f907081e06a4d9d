package dev.crawler.core.extract;

import java.net.URI;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Evaluator;

/** Small helpers for tests that feed inline HTML to the extractors. */
final class Pages {

  static final URI URL = URI.create("https://shop.example.com/p/42");

  private Pages() {}

  static Document doc(String html) {
    return Jsoup.parse(html, URL.toString());
  }

  /** The page's one scan, as {@link ProductExtractor} makes it, with no site-rule selectors. */
  static PageScan scan(Document doc) {
    return scan(doc, URL, List.of());
  }

  static PageScan scan(Document doc, URI url, List<Evaluator> wanted) {
    return PageScan.of(doc, url, PageCues.standard(), wanted);
  }

  static PageContext context(Document doc) {
    return scan(doc).context();
  }

  static PageContext context(Document doc, URI url) {
    return scan(doc, url, List.of()).context();
  }

  /** A page whose head holds one JSON-LD script. */
  static String jsonLd(String json) {
    return "<html><head><script type=\"application/ld+json\">" + json + "</script></head><body></body></html>";
  }

  static List<ExtractedProduct> extract(String html) {
    return new ProductExtractor(ExtractionRules.none()).extract(doc(html), URL);
  }

  static List<ExtractedProduct> extract(String html, ExtractionRules rules) {
    return new ProductExtractor(rules).extract(doc(html), URL);
  }

  static List<ProductCandidate> run(Extractor extractor, String html) {
    Document doc = doc(html);
    return extractor.extract(scan(doc));
  }
}

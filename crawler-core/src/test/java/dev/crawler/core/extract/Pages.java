package dev.crawler.core.extract;

import java.net.URI;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Small helpers for tests that feed inline HTML to the extractors. */
final class Pages {

  static final URI URL = URI.create("https://shop.example.com/p/42");

  private Pages() {}

  static Document doc(String html) {
    return Jsoup.parse(html, URL.toString());
  }

  static PageContext context(Document doc) {
    return PageContext.of(doc, URL);
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
    return extractor.extract(doc, context(doc));
  }
}

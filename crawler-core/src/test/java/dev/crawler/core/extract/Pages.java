package dev.crawler.core.extract;

import dev.crawler.core.extract.normalise.PageContext;
import dev.crawler.core.extract.scan.PageCues;
import dev.crawler.core.extract.scan.PageScan;
import dev.crawler.core.extract.source.Extractor;
import dev.crawler.core.extract.source.ProductCandidate;
import java.net.URI;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Evaluator;

/** Small helpers for tests that feed inline HTML to the extractors. */
public final class Pages {

  public static final URI URL = URI.create("https://shop.example.com/p/42");

  private Pages() {}

  public static Document doc(String html) {
    return Jsoup.parse(html, URL.toString());
  }

  /** The page's one scan, as {@link ProductExtractor} makes it, with no site-rule selectors. */
  public static PageScan scan(Document doc) {
    return scan(doc, URL, List.of());
  }

  public static PageScan scan(Document doc, URI url, List<Evaluator> wanted) {
    return PageScan.of(doc, url, PageCues.standard(), wanted);
  }

  public static PageContext context(Document doc) {
    return scan(doc).context();
  }

  public static PageContext context(Document doc, URI url) {
    return scan(doc, url, List.of()).context();
  }

  /** A page whose head holds one JSON-LD script. */
  public static String jsonLd(String json) {
    return "<html><head><script type=\"application/ld+json\">" + json + "</script></head><body></body></html>";
  }

  public static List<ExtractedProduct> extract(String html) {
    return new ProductExtractor(ExtractionRules.none()).extract(doc(html), URL);
  }

  public static List<ExtractedProduct> extract(String html, ExtractionRules rules) {
    return new ProductExtractor(rules).extract(doc(html), URL);
  }

  public static List<ProductCandidate> run(Extractor extractor, String html) {
    Document doc = doc(html);
    return extractor.extract(scan(doc));
  }
}

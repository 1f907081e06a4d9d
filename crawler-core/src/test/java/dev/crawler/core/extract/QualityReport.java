package dev.crawler.core.extract;

import dev.crawler.core.parse.CharsetDetector;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Runs an extractor over every fixture product page and scores the primary product per field. */
final class QualityReport {

  final Map<FieldScore.Field, FieldScore> scores = new EnumMap<>(FieldScore.Field.class);
  final List<String> pagesWithoutProduct = new ArrayList<>();
  int pages;
  long parseMillis;
  long extractMillis;

  private QualityReport() {
    for (FieldScore.Field field : FieldScore.Field.values()) {
      scores.put(field, new FieldScore(field));
    }
  }

  static QualityReport run(ProductExtractor extractor) throws IOException {
    QualityReport report = new QualityReport();
    for (FixtureManifest.Page page : FixtureManifest.productPages()) {
      report.score(extractor, page);
    }
    return report;
  }

  private void score(ProductExtractor extractor, FixtureManifest.Page page) throws IOException {
    pages++;
    long start = System.nanoTime();
    Document doc = parse(page);
    long parsed = System.nanoTime();
    List<ExtractedProduct> products = extractor.extract(doc, pageUrl(page));
    extractMillis += (System.nanoTime() - parsed) / 1_000_000;
    parseMillis += (parsed - start) / 1_000_000;
    ExtractedProduct primary = products.isEmpty() ? null : products.get(0);
    if (primary == null) {
      pagesWithoutProduct.add(page.name());
    }
    for (FieldScore score : scores.values()) {
      score.score(page.name(), page.get(score.field.column), primary);
    }
  }

  /**
   * Decodes the bytes as {@code crawler extract} decodes a saved page (see {@link CharsetDetector}: no
   * header, so the BOM, then the page's own declaration, then the bytes decide).
   */
  static Document parse(FixtureManifest.Page page) throws IOException {
    return Jsoup.parse(CharsetDetector.decode(Files.readAllBytes(page.file()), "").text(), page.get("original_url"));
  }

  /** The URL as a crawler fetches it: fragments are never sent, and mobly's contains '|'. */
  static URI pageUrl(FixtureManifest.Page page) {
    String url = page.get("original_url");
    int hash = url.indexOf('#');
    return URI.create(hash < 0 ? url : url.substring(0, hash));
  }

  /** The per-field table in Markdown. */
  String table() {
    StringBuilder out = new StringBuilder();
    out.append("| field | precision | recall | TP | FP | FN | TN | uncertain: not scored (agreeing) |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (FieldScore s : scores.values()) {
      out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %d | %d | %d | %d | %d (%d) |%n", s.field.column,
          s.precision(), s.recall(), s.truePositives, s.falsePositives, s.falseNegatives, s.trueNegatives,
          s.uncertain, s.uncertainAgreeing));
    }
    return out.toString();
  }

  /** Every scored mismatch, per field. */
  String failures() {
    StringBuilder out = new StringBuilder();
    for (FieldScore s : scores.values()) {
      for (String failure : s.failures) {
        out.append("- ").append(s.field.column).append(": ").append(failure).append('\n');
      }
    }
    if (!pagesWithoutProduct.isEmpty()) {
      out.append("- no product at all: ").append(String.join(", ", pagesWithoutProduct)).append('\n');
    }
    return out.toString();
  }
}

package dev.crawler.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Measures extraction quality on the real shop pages in {@code shared/fixtures/real-pages}.
 *
 * <p>Prints the per-field precision/recall table (the one in EXTRACTION.md) for structured data
 * alone and with the fixture site rules; regenerate with
 * {@code mvn -B verify -Dtest=RealPagesQualityTest} in {@code crawler-core/}. The thresholds apply
 * to the configured extractor (with site rules), which is how a crawl runs.
 */
class RealPagesQualityTest {

  private static final double MIN_PRECISION = 0.95;
  private static final double MIN_RECALL = 0.90;

  @Test
  void namePriceAndCurrencyMeetTheQualityBarOnRealPages() throws IOException {
    QualityReport structuredOnly = QualityReport.run(new ProductExtractor(ExtractionRules.none()));
    QualityReport withRules = QualityReport.run(new ProductExtractor(FixtureSiteRules.rules()));

    System.out.println("\n=== Real pages: structured data only (" + structuredOnly.pages + " pages) ===\n"
        + structuredOnly.table() + "\n=== Real pages: with fixture site rules ===\n" + withRules.table()
        + "\nFailures without site rules:\n" + structuredOnly.failures()
        + "\nRemaining failures (with site rules):\n" + withRules.failures()
        + "\nParse " + withRules.parseMillis + " ms, extract " + withRules.extractMillis + " ms for "
        + withRules.pages + " pages\n");

    for (FieldScore.Field field : new FieldScore.Field[] {
        FieldScore.Field.NAME, FieldScore.Field.PRICE, FieldScore.Field.CURRENCY}) {
      FieldScore score = withRules.scores.get(field);
      assertThat(score.precision()).as(field.column + " precision\n" + withRules.failures())
          .isGreaterThanOrEqualTo(MIN_PRECISION);
      assertThat(score.recall()).as(field.column + " recall\n" + withRules.failures())
          .isGreaterThanOrEqualTo(MIN_RECALL);
    }
  }
}

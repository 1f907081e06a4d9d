package dev.crawler.core.extract;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Field-level precision and recall over the fixture pages.
 *
 * <p>Per page and field, with E the expected value from the manifest and X the extracted value of
 * the page's primary (first) product:
 *
 * <ul>
 *   <li>E uncertain (trailing {@code ?}): not scored; counted, with how many agree, for information;
 *   <li>E and X equal: true positive;
 *   <li>E given, X different: a false positive and a false negative (a wrong value);
 *   <li>E given, X absent: false negative;
 *   <li>E {@code none}, X present: false positive; both absent: true negative.
 * </ul>
 *
 * Precision = TP / (TP + FP); recall = TP / (TP + FN). Prices compare numerically, currencies and
 * availability exactly (with {@code SoldOut} accepted for {@code OutOfStock}, see EXTRACTION.md),
 * text after whitespace collapsing and Unicode NFC.
 */
final class FieldScore {

  enum Field {
    NAME("name", ExtractedProduct::name),
    PRICE("price", p -> p.price() == null ? null : p.price().toPlainString()),
    CURRENCY("currency", ExtractedProduct::currency),
    SKU("sku", ExtractedProduct::sku),
    GTIN("gtin", ExtractedProduct::gtin),
    BRAND("brand", ExtractedProduct::brand),
    AVAILABILITY("availability", ExtractedProduct::availability);

    final String column;
    final Function<ExtractedProduct, @Nullable String> getter;

    Field(String column, Function<ExtractedProduct, @Nullable String> getter) {
      this.column = column;
      this.getter = getter;
    }
  }

  final Field field;
  int truePositives;
  int falsePositives;
  int falseNegatives;
  int trueNegatives;
  int uncertain;
  int uncertainAgreeing;
  final List<String> failures = new ArrayList<>();

  FieldScore(Field field) {
    this.field = field;
  }

  void score(String page, String expectedCell, @Nullable ExtractedProduct product) {
    String actual = product == null ? null : field.getter.apply(product);
    if (expectedCell.endsWith("?")) {
      uncertain++;
      String guess = expectedCell.substring(0, expectedCell.length() - 1);
      boolean agree = guess.equals("none") ? actual == null : actual != null && matches(guess, actual);
      uncertainAgreeing += agree ? 1 : 0;
      return;
    }
    boolean expectNone = expectedCell.equals("none") || expectedCell.isEmpty();
    if (expectNone) {
      if (actual == null) {
        trueNegatives++;
      } else {
        falsePositives++;
        failures.add(page + ": expected none, got '" + actual + "'");
      }
      return;
    }
    if (actual == null) {
      falseNegatives++;
      failures.add(page + ": expected '" + expectedCell + "', got nothing");
    } else if (matches(expectedCell, actual)) {
      truePositives++;
    } else {
      falsePositives++;
      falseNegatives++;
      failures.add(page + ": expected '" + expectedCell + "', got '" + actual + "'");
    }
  }

  double precision() {
    int predicted = truePositives + falsePositives;
    return predicted == 0 ? 1.0 : (double) truePositives / predicted;
  }

  double recall() {
    int relevant = truePositives + falseNegatives;
    return relevant == 0 ? 1.0 : (double) truePositives / relevant;
  }

  private boolean matches(String expected, String actual) {
    return switch (field) {
      case PRICE -> new BigDecimal(expected).compareTo(new BigDecimal(actual)) == 0;
      case AVAILABILITY -> expected.equals(actual) || (expected.equals("OutOfStock") && actual.equals("SoldOut"));
      case CURRENCY -> expected.equalsIgnoreCase(actual);
      default -> text(expected).equals(text(actual));
    };
  }

  private static String text(String value) {
    String collapsed = value.replaceAll("[\\s\\p{Z}]+", " ").strip();
    return Normalizer.normalize(collapsed, Normalizer.Form.NFC);
  }
}

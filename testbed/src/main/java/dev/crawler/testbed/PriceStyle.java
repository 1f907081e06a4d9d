package dev.crawler.testbed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How one locale writes an amount: {@code 1.234,56 €}, {@code 1 234,56 zł}, {@code R$ 1.234,56},
 * {@code CHF 1'234.50}, {@code 1,234円}. Written by hand rather than with {@link java.text.NumberFormat}
 * of a locale so that the bytes cannot change with the JDK's CLDR version.
 *
 * @param prefix written before the number, including any space, e.g. {@code "R$\u00a0"}
 * @param suffix written after the number, including any space, e.g. {@code "\u00a0€"}
 * @param grouping thousands separator
 * @param decimal decimal separator
 */
record PriceStyle(String prefix, String suffix, char grouping, char decimal) {

  static final char NBSP = '\u00a0';
  static final char NARROW_NBSP = '\u202f';

  /** The amount at its own scale (JPY prices have none), e.g. {@code "1.234,56 €"}. */
  String format(BigDecimal amount) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
    symbols.setGroupingSeparator(grouping);
    symbols.setDecimalSeparator(decimal);
    int scale = Math.max(0, amount.scale());
    DecimalFormat number = new DecimalFormat(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale), symbols);
    number.setRoundingMode(RoundingMode.UNNECESSARY);
    return prefix + number.format(amount) + suffix;
  }
}

package dev.crawler.core.extract.normalise;

import java.math.BigDecimal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads a price from the way shops write it: {@code $1,299.00}, {@code 1.299,00 €}, {@code £12},
 * {@code 12,-}, {@code 1 299,00 zł}, {@code ¥1,200}, {@code 1'299.50}, {@code CHF 1’299.50},
 * {@code ₹1,23,456}, ranges such as {@code 10 - 20} (the low end is taken), any Unicode digits.
 *
 * <p>The approach: find the first number-shaped run (digits joined by single separators: {@code .}
 * {@code ,} apostrophes, and a space only when exactly three digits follow), then decide which
 * separator is the decimal point:
 *
 * <ul>
 *   <li>two different separators: the last one is decimal, the others group thousands;
 *   <li>a space or apostrophe only ever groups;
 *   <li>one separator repeated ({@code 1.299.000}) groups;
 *   <li>one separator once: decimal unless exactly three digits follow it. Three digits mean
 *       thousands ({@code 1,299}, Chilean {@code 24.990}) except when the integer part is {@code 0}
 *       or the currency uses three decimals (KWD, BHD...).
 * </ul>
 *
 * <p>The remaining ambiguity ({@code 1.299} in a 2-decimal currency is read as 1299) is the reading
 * that is right far more often on real shops. Amounts outside [0, 10^12) or with more than 4
 * decimals are rejected as absurd. Never throws; unreadable input is an empty Optional.
 */
public final class PriceParser {

  /** Input longer than this is not a price (a whole paragraph); only its prefix is scanned. */
  static final int MAX_INPUT = 200;
  /** Pass as the fraction-digit hint to read a lone separator before 3 digits as decimal. */
  public static final int DECIMAL_HINT = 3;
  private static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(12);
  private static final int MAX_SCALE = 4;
  private static final int MAX_DIGITS = 24;

  private PriceParser() {}

  /** Parses {@code text} with no knowledge of the currency. */
  public static Optional<ParsedPrice> parse(@Nullable String text) {
    return parse(text, -1);
  }

  /**
   * Parses {@code text}.
   *
   * @param currencyFractionDigits the currency's usual number of decimals when known (from
   *     {@link java.util.Currency#getDefaultFractionDigits()}), else -1; it settles {@code 1.234}
   */
  public static Optional<ParsedPrice> parse(@Nullable String text, int currencyFractionDigits) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    String input = asciiDigits(text.length() > MAX_INPUT ? text.substring(0, MAX_INPUT) : text);
    int start = firstDigit(input);
    if (start < 0) {
      return Optional.empty();
    }
    int end = numberEnd(input, start);
    BigDecimal amount = toAmount(input.substring(start, end), currencyFractionDigits);
    if (amount == null) {
      return Optional.empty();
    }
    return Optional.of(new ParsedPrice(amount, surroundings(input, start, end)));
  }

  /** Sanity bounds shared with structured (already numeric) prices. */
  public static @Nullable BigDecimal sane(@Nullable BigDecimal amount) {
    if (amount == null || amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) >= 0) {
      return null;
    }
    BigDecimal stripped = amount.stripTrailingZeros();
    if (stripped.scale() > MAX_SCALE) {
      return null;
    }
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** Replaces Arabic-Indic, full-width and other Unicode decimal digits with ASCII ones. */
  private static String asciiDigits(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char mapped = c;
      if (c > 127 && Character.isDigit(c)) {
        mapped = (char) ('0' + Character.digit(c, 10));
      } else if (c == '\u066B') { // Arabic decimal separator
        mapped = '.';
      } else if (c == '\u066C') { // Arabic thousands separator
        mapped = ',';
      }
      if (mapped != c && out == null) {
        out = new StringBuilder(text.substring(0, i));
      }
      if (out != null) {
        out.append(mapped);
      }
    }
    return out == null ? text : out.toString();
  }

  private static int firstDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isDigit(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** End (exclusive) of the number starting at {@code start}; see the class note for its shape. */
  private static int numberEnd(String s, int start) {
    int i = skipDigits(s, start);
    while (i < s.length()) {
      char sep = s.charAt(i);
      if (!isSeparator(sep)) {
        break;
      }
      int groupEnd = skipDigits(s, i + 1);
      int groupLength = groupEnd - (i + 1);
      boolean ok = isSpace(sep) ? groupLength == 3 : groupLength > 0;
      if (!ok) {
        break;
      }
      i = groupEnd;
    }
    return i;
  }

  private static @Nullable BigDecimal toAmount(String number, int fractionDigits) {
    int lastSep = lastSeparator(number);
    String plain;
    if (lastSep < 0) {
      plain = number;
    } else if (isDecimalSeparator(number, lastSep, fractionDigits)) {
      plain = digitsOnly(number.substring(0, lastSep)) + "." + number.substring(lastSep + 1);
    } else {
      plain = digitsOnly(number);
    }
    if (plain.length() > MAX_DIGITS) {
      return null;
    }
    return sane(new BigDecimal(plain));
  }

  private static boolean isDecimalSeparator(String number, int lastSep, int fractionDigits) {
    char sep = number.charAt(lastSep);
    if (sep != '.' && sep != ',') {
      return false; // spaces and apostrophes only group
    }
    if (hasOtherSeparatorKind(number, sep)) {
      return true; // 1.299,00 / 1,299.00 / 1'299.50
    }
    if (number.indexOf(sep) != lastSep) {
      return false; // 1.299.000
    }
    int decimals = number.length() - lastSep - 1;
    if (decimals != 3) {
      return true;
    }
    String integerPart = number.substring(0, lastSep);
    return integerPart.equals("0") || fractionDigits == DECIMAL_HINT;
  }

  private static boolean hasOtherSeparatorKind(String number, char sep) {
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (isSeparator(c) && c != sep) {
        return true;
      }
    }
    return false;
  }

  private static int lastSeparator(String number) {
    for (int i = number.length() - 1; i >= 0; i--) {
      if (isSeparator(number.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static @Nullable String surroundings(String input, int start, int end) {
    String around = (input.substring(0, start) + " " + input.substring(end)).strip();
    return around.isEmpty() ? null : around;
  }

  private static String digitsOnly(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      if (isDigit(s.charAt(i))) {
        out.append(s.charAt(i));
      }
    }
    return out.toString();
  }

  private static int skipDigits(String s, int from) {
    int i = from;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isSeparator(char c) {
    return c == '.' || c == ',' || c == '\'' || c == '’' || c == '´' || isSpace(c);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2009' || c == '\u2007';
  }
}

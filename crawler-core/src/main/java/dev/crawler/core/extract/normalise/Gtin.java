package dev.crawler.core.extract.normalise;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN, ISBN-13) and GTIN-14 validation.
 *
 * <p>Shops fill GTIN fields with placeholders ({@code 0000000000000}), internal ids and truncated
 * UPCs. A value survives only if, after removing separators and a scheme prefix such as
 * {@code ean:}, it is 8, 12, 13 or 14 digits, not all zeros, and its GS1 check digit is right.
 * Leading zeros are kept as written: padding changes the identifier a downstream system looks up.
 */
public final class Gtin {

  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.]");
  private static final Pattern PREFIX =
      Pattern.compile("^(?:gtin(?:8|12|13|14)?|ean(?:13|8)?|upc|isbn(?:13)?|jan)\\s*[:=]?\\s*");
  private static final int MAX_INPUT = 64;

  private Gtin() {}

  /** Returns the digits of a valid GTIN, or null when {@code raw} is not one. */
  public static @Nullable String normalize(@Nullable String raw) {
    if (raw == null || raw.length() > MAX_INPUT) {
      return null;
    }
    String value = raw.trim().toLowerCase(Locale.ROOT);
    value = PREFIX.matcher(value).replaceFirst("");
    value = SEPARATORS.matcher(value).replaceAll("");
    if (!hasValidShape(value)) {
      return null;
    }
    return hasValidCheckDigit(value) ? value : null;
  }

  private static boolean hasValidShape(String digits) {
    int length = digits.length();
    if (length != 8 && length != 12 && length != 13 && length != 14) {
      return false;
    }
    boolean allZero = true;
    for (int i = 0; i < length; i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      allZero &= c == '0';
    }
    return !allZero;
  }

  /** GS1 mod-10: weights 3,1,3,1... from the digit left of the check digit. */
  public static boolean hasValidCheckDigit(String digits) {
    int sum = 0;
    int last = digits.length() - 1;
    for (int i = last - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
      sum += (digits.charAt(i) - '0') * weight;
    }
    int check = (10 - sum % 10) % 10;
    return check == digits.charAt(last) - '0';
  }
}

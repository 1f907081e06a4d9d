package dev.crawler.testbed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Escaping and display formatting for rendered pages. */
final class Html {

  private Html() {}

  /** Escapes text for element content and double- or single-quoted attribute values. */
  static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> null;
      };
      if (replacement != null) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(replacement);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /** How a shop in that currency would show the price to a person, e.g. {@code "12,50 €"} or {@code "¥1,200"}. */
  static String displayPrice(BigDecimal price, String currency) {
    return switch (currency) {
      case "USD" -> "$" + grouped(price, ',', '.');
      case "GBP" -> "£" + grouped(price, ',', '.');
      case "EUR" -> grouped(price, '.', ',') + "\u00a0€";
      case "JPY" -> "¥" + grouped(price, ',', '.');
      default -> currency + "\u00a0" + grouped(price, ',', '.');
    };
  }

  private static String grouped(BigDecimal price, char grouping, char decimal) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
    symbols.setGroupingSeparator(grouping);
    symbols.setDecimalSeparator(decimal);
    int scale = Math.max(0, price.scale());
    DecimalFormat format = new DecimalFormat(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale), symbols);
    format.setRoundingMode(RoundingMode.UNNECESSARY);
    return format.format(price);
  }
}

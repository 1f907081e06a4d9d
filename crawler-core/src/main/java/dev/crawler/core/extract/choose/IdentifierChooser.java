package dev.crawler.core.extract.choose;

import dev.crawler.core.extract.normalise.Gtin;
import dev.crawler.core.extract.normalise.UrlIdentifiers;
import dev.crawler.core.extract.scan.PageWalk.IdKind;
import dev.crawler.core.extract.scan.PageWalk.IdSpot;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the shop's identifier (SKU) and the GTIN from the identifiers a page shows.
 *
 * <p>Order of trust for the SKU: a loose {@code itemprop="sku"}, a labelled value ("SKU: 123",
 * "Art.-Nr. 123", a spec-table row), a {@code data-sku} attribute, a hidden form field named like a
 * SKU, an identifier of the page's URL that the page also shows ({@link UrlIdentifiers}), and
 * last a model or part number. Values must look like identifiers: one token of 2 to 40
 * letters, digits and {@code . _ / -}, with at least one digit. A GTIN must pass its check digit.
 */
final class IdentifierChooser {

  private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._/\\-]{1,39}");
  private static final Pattern DIGIT = Pattern.compile("\\p{N}");
  private static final List<String> SKU_TRUST = List.of("itemprop", "label", "named", "attribute", "form-field", "url-and-text");

  private IdentifierChooser() {}

  static @Nullable IdSpot sku(List<IdSpot> spots) {
    for (String how : SKU_TRUST) {
      IdSpot found = first(spots, IdKind.SKU, how);
      if (found != null) {
        return found;
      }
    }
    IdSpot mpn = first(spots, IdKind.MPN, "itemprop");
    return mpn != null ? mpn : first(spots, IdKind.MPN, "label");
  }

  /** The identifier the page shows a shopper under a label or in an element named as the code, or null. */
  static @Nullable String shownSku(List<IdSpot> spots) {
    for (String how : List.of("label", "named")) {
      IdSpot found = first(spots, IdKind.SKU, how);
      if (found != null) {
        return value(found);
      }
    }
    return null;
  }

  /** The values the page shows under a model or part-number label. */
  static java.util.Set<String> modelValues(List<IdSpot> spots) {
    java.util.Set<String> values = new java.util.HashSet<>();
    for (IdSpot spot : spots) {
      if (spot.kind() == IdKind.MPN && spot.how().equals("label")) {
        values.add(spot.value().strip());
      }
    }
    return values;
  }

  static @Nullable String gtin(List<IdSpot> spots) {
    for (IdSpot spot : spots) {
      if (spot.kind() == IdKind.GTIN) {
        String gtin = Gtin.normalize(firstToken(spot.value()));
        if (gtin != null) {
          return gtin;
        }
      }
    }
    return null;
  }

  /** The identifier itself: the spot's value up to the first space, if it has the shape of one. */
  static @Nullable String value(IdSpot spot) {
    String token = firstToken(spot.value());
    return token != null && ID.matcher(token).matches() && DIGIT.matcher(token).find() ? token : null;
  }

  private static @Nullable IdSpot first(List<IdSpot> spots, IdKind kind, String how) {
    for (IdSpot spot : spots) {
      if (spot.kind() == kind && spot.how().equals(how) && value(spot) != null) {
        return spot;
      }
    }
    return null;
  }

  private static @Nullable String firstToken(String value) {
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      return null;
    }
    int space = stripped.indexOf(' ');
    String token = space < 0 ? stripped : stripped.substring(0, space);
    // "123456," or "(123456)" in running text
    return token.replaceAll("^[(\\[]+|[)\\],;.]+$", "");
  }
}

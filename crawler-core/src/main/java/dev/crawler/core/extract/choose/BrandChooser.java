package dev.crawler.core.extract.choose;

import dev.crawler.core.extract.scan.PageWalk;
import dev.crawler.core.extract.scan.PageWalk.BrandSpot;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the brand a page labels: "Brand: Acme", or a specification row of "Marque" and "Casio".
 *
 * <p>A brand label beats a manufacturer's ("Hersteller", "Manufacturer"): where a page prints both,
 * the brand is what a shopper searches by. Of each kind the first at or after the main heading
 * wins, since what stands above it may be a filter or the shop's own name; without one after the
 * heading, the first anywhere. A value must read as a name: a letter, at most {@value #MAX_LENGTH}
 * characters and {@value #MAX_WORDS} words, and not one of the words forms use for "no value".
 */
final class BrandChooser {

  private static final int MAX_LENGTH = 60;
  private static final int MAX_WORDS = 6;
  private static final Set<String> NO_VALUE = Set.of("n/a", "na", "none", "yes", "no", "other", "does not apply", "-");

  private BrandChooser() {}

  static @Nullable BrandSpot choose(PageWalk walk) {
    BrandSpot brand = first(walk, false);
    return brand != null ? brand : first(walk, true);
  }

  private static @Nullable BrandSpot first(PageWalk walk, boolean maker) {
    int heading = walk.headingPosition();
    BrandSpot before = null;
    for (BrandSpot spot : walk.brands()) {
      if (spot.maker() != maker || !readsAsName(spot.value())) {
        continue;
      }
      if (spot.position() >= heading) {
        return spot;
      }
      if (before == null) {
        before = spot;
      }
    }
    return before;
  }

  private static boolean readsAsName(String value) {
    if (value.length() > MAX_LENGTH || NO_VALUE.contains(value.toLowerCase(Locale.ROOT))) {
      return false;
    }
    boolean letter = false;
    int words = 1;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      letter |= Character.isLetter(c);
      if (c == ' ' && i > 0 && value.charAt(i - 1) != ' ') {
        words++;
      }
    }
    return letter && words <= MAX_WORDS;
  }
}

package dev.crawler.core.extract.choose;

import dev.crawler.core.extract.normalise.CurrencyResolver;
import dev.crawler.core.extract.normalise.Money;
import dev.crawler.core.extract.normalise.PageContext;
import dev.crawler.core.extract.scan.PageCues;
import dev.crawler.core.extract.scan.PageWalk;
import dev.crawler.core.extract.scan.PageWalk.CartSpot;
import dev.crawler.core.extract.scan.PageWalk.PriceSpot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the price a shopper would pay from the short price-like texts of a page.
 *
 * <p>A text is a candidate when it carries a currency mark or sits in an element whose class, id
 * or {@code itemprop} says "price" in some language. Candidates that are not the product's price
 * now are dropped: struck-through or marked old ("was", "UVP", {@code class="price-old"}),
 * per-unit, instalment and shipping amounts, discounts, and anything in a block about other
 * products (those are removed by {@link PageWalk} already). The rest are scored by what marks
 * them as a price and by their closeness to the main heading and the buy button, which is where
 * shops put the price of the product the page is about; the best score wins, the earlier on ties.
 *
 * <p>A candidate must reach {@link #MIN_SCORE}: a lone number with a currency mark far from the
 * heading is more likely a banner than the price, and a wrong price is worse than none.
 */
public final class PriceChooser {

  static final double MIN_SCORE = 3.0;
  private static final int MAX_LETTERS = 12;
  private static final int MAX_LETTERS_WITHOUT_CURRENCY = 3;
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,'\\s]\\d+)*");
  private static final int CART_NEARBY = 40;

  /**
   * A candidate and its score, for choosing and for explaining the choice.
   *
   * @param current neither struck through nor marked old: the page offers this amount now
   * @param besideName placed just below the main heading, where shops put the product's own price
   */
  public record Scored(PriceSpot spot, Money money, double score, String why, boolean current, boolean besideName) {}

  /** A chosen price this strong, beside the name, outweighs a structured price the page never shows. */
  static final double CONFIDENT_SCORE = MIN_SCORE + 2;

  private final PageCues cues;
  private final PageContext page;

  PriceChooser(PageCues cues, PageContext page) {
    this.cues = cues;
    this.page = page;
  }

  /** Every candidate that is a plausible current price, best first. */
  List<Scored> rank(PageWalk walk) {
    List<Scored> scored = new ArrayList<>();
    for (PriceSpot spot : walk.prices()) {
      score(spot, walk).ifPresent(scored::add);
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed()
        .thenComparingInt(s -> s.spot().position()));
    return scored;
  }

  /** The chosen price, or empty when no candidate is convincing. */
  Optional<Scored> choose(List<Scored> ranked) {
    return ranked.isEmpty() || ranked.get(0).score() < MIN_SCORE ? Optional.empty() : Optional.of(ranked.get(0));
  }

  private Optional<Scored> score(PriceSpot spot, PageWalk walk) {
    String text = spot.text();
    int letters = letters(text);
    if (text.indexOf('%') >= 0 || !spot.itemprop() && letters > MAX_LETTERS) {
      return Optional.empty(); // a discount, or a sentence with a number in it ("over 10 sold")
    }
    String currency = CurrencyResolver.fromText(text, page);
    if (currency == null && !spot.priceAttribute()) {
      return Optional.empty();
    }
    if (cues.notAPriceText().matcher(text).find()
        || spot.label() != null && cues.notAPriceText().matcher(spot.label()).find()) {
      return Optional.empty();
    }
    if (!spot.itemprop() && (letters > MAX_LETTERS || currency == null && letters > MAX_LETTERS_WITHOUT_CURRENCY)) {
      return Optional.empty(); // a sentence with a number in it ("over 10 sold"), not a price
    }
    Money money = Money.resolve(text, null, currency, page);
    BigDecimal amount = money.amount();
    if (amount == null || amount.signum() <= 0) {
      return Optional.empty();
    }
    StringBuilder why = new StringBuilder();
    double score = 0;
    score += add(why, currency != null, 2, "currency");
    score += add(why, spot.priceAttribute(), 2, "price-attribute");
    score += add(why, spot.itemprop(), 2, "itemprop");
    score += add(why, spot.label() != null && cues.priceText().matcher(spot.label()).find(), 1, "price-label");
    boolean old = spot.oldAttribute() || cues.oldPriceText().matcher(text).find()
        || spot.label() != null && cues.oldPriceText().matcher(spot.label()).find();
    score += add(why, old, -6, "old-price");
    score += add(why, spot.struck(), -6, "struck");
    score += add(why, spot.inLink(), -2, "in-link");
    score += add(why, numbers(text) > 1 && !RANGE.matcher(text).find(), -2, "several-amounts");
    score += add(why, nearCart(spot, walk.carts()), 1, "near-cart");
    double heading = headingCloseness(spot.position(), walk.headingPosition());
    if (heading != 0) {
      score += heading;
      // Formatting by hand: String.format for every candidate of every page showed in profiles.
      long tenths = Math.round(heading * 10);
      why.append(" heading").append(tenths < 0 ? "-" : "+").append(Math.abs(tenths) / 10).append('.').append(Math.abs(tenths) % 10);
    }
    return Optional.of(new Scored(spot, money, score, why.toString().strip(), !old && !spot.struck(), heading > 0));
  }

  /** Up to +3 just below the heading, fading over about 120 elements; up to -3 far above it. */
  private static double headingCloseness(int position, int headingPosition) {
    if (headingPosition < 0) {
      return 0;
    }
    int distance = position - headingPosition;
    return distance >= 0 ? Math.max(0, 3 - distance / 40.0) : -Math.min(3, -distance / 100.0);
  }

  private static boolean nearCart(PriceSpot spot, List<CartSpot> carts) {
    for (CartSpot cart : carts) {
      if (Math.abs(cart.position() - spot.position()) <= CART_NEARBY) {
        return true;
      }
    }
    return false;
  }

  private static double add(StringBuilder why, boolean applies, double points, String reason) {
    if (!applies) {
      return 0;
    }
    why.append(' ').append(reason).append(points > 0 ? "+" : "").append((int) points);
    return points;
  }

  private static final Pattern RANGE = Pattern.compile("\\d\\s*[-–]\\s*\\D{0,4}\\d");

  private static int numbers(String text) {
    Matcher m = NUMBER.matcher(text);
    int count = 0;
    while (m.find()) {
      count++;
    }
    return count;
  }

  private static int letters(String text) {
    int letters = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetter(text.charAt(i))) {
        letters++;
      }
    }
    return letters;
  }

  /**
   * Whether {@code amount} is offered now somewhere in the page's visible price texts. Structured
   * data naming a price the shopper never sees (a stale feed, a list price, another variant) is
   * implausible.
   */
  static boolean shownNow(List<Scored> ranked, BigDecimal amount) {
    // Compared by digits too: "173<sup>34</sup> lei" reads as 17334 but shows 173.34, and a
    // mis-read separator must not make correct structured data look implausible.
    String digits = amount.setScale(Math.max(2, amount.scale()), java.math.RoundingMode.UNNECESSARY).unscaledValue().toString();
    String whole = amount.stripTrailingZeros().toPlainString().replaceAll("\\D", "");
    return ranked.stream().filter(Scored::current).anyMatch(s -> {
      String shown = s.spot().text().replaceAll("\\D", "");
      return s.money().amount().compareTo(amount) == 0 || shown.equals(digits) || shown.equals(whole);
    });
  }

  /** The chosen price, when it is strong enough to correct structured data; see {@link #shownNow}. */
  static Optional<Scored> confident(List<Scored> ranked) {
    return ranked.isEmpty() || ranked.get(0).score() < CONFIDENT_SCORE || !ranked.get(0).besideName()
        ? Optional.empty() : Optional.of(ranked.get(0));
  }
}

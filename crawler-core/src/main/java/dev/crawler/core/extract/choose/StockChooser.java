package dev.crawler.core.extract.choose;

import dev.crawler.core.extract.scan.PageWalk;
import dev.crawler.core.extract.scan.PageWalk.CartSpot;
import dev.crawler.core.extract.scan.PageWalk.StockSpot;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether the page's product can be bought, from what the page shows, most telling first:
 * <ol>
 *   <li>a schema.org availability term anywhere outside blocks about other products (a
 *       {@code <link href="https://schema.org/InStock">} without the rest of the microdata);
 *   <li>a stock phrase in an element whose class or id says stock or availability;
 *   <li>the add-to-cart controls: all disabled means sold out, one enabled means in stock;
 *   <li>a short stock phrase on its own ("Sold out", "Auf Lager") after the main heading.
 * </ol>
 * Without any of these the availability stays unknown.
 */
final class StockChooser {

  /** What decided the availability, most telling first. */
  enum Basis { SCHEMA_TERM, STOCK_BOX, BUY_BUTTONS, PHRASE }

  /** An availability and what decided it. */
  record Decision(String term, Basis basis) {}

  /** A free-standing phrase further than this from the heading may be about something else. */
  private static final int PHRASE_REACH = 150;

  private StockChooser() {}

  static @Nullable Decision choose(PageWalk walk) {
    for (StockSpot spot : walk.stock()) {
      if (spot.schemaTerm()) {
        return new Decision(spot.term(), Basis.SCHEMA_TERM);
      }
    }
    for (StockSpot spot : walk.stock()) {
      if (spot.stockAttribute()) {
        return new Decision(spot.term(), Basis.STOCK_BOX);
      }
    }
    String fromCart = fromCart(walk.carts());
    if (fromCart != null) {
      return new Decision(fromCart, Basis.BUY_BUTTONS);
    }
    int heading = walk.headingPosition();
    for (StockSpot spot : walk.stock()) {
      if (heading >= 0 && spot.position() >= heading && spot.position() - heading <= PHRASE_REACH) {
        return new Decision(spot.term(), Basis.PHRASE);
      }
    }
    return null;
  }

  private static @Nullable String fromCart(List<CartSpot> carts) {
    if (carts.isEmpty()) {
      return null;
    }
    for (CartSpot cart : carts) {
      if (!cart.disabled()) {
        return "InStock";
      }
    }
    return "OutOfStock";
  }
}

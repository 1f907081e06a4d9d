package dev.crawler.core.extract.choose;

import dev.crawler.core.extract.scan.PageWalk;
import dev.crawler.core.extract.scan.PageWalk.CartSpot;
import dev.crawler.core.extract.scan.PageWalk.ContactSpot;
import dev.crawler.core.extract.scan.PageWalk.QuantitySpot;
import dev.crawler.core.extract.scan.PageWalk.StockKind;
import dev.crawler.core.extract.scan.PageWalk.StockSpot;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether the page's product can be bought, from what the page shows, most telling first:
 * <ol>
 *   <li>a schema.org availability term anywhere outside blocks about other products (a
 *       {@code <link href="https://schema.org/InStock">} without the rest of the microdata), or
 *       the shop's {@code itemprop="availability"};
 *   <li>a stock phrase in an element whose class or id says stock or availability;
 *   <li>the add-to-cart controls: all disabled means sold out, one enabled means in stock, or
 *       pre-order when every enabled one offers to pre-order;
 *   <li>a quantity field capped at one or more: the shop lets the shopper order that many;
 *   <li>a short stock phrase on its own ("Sold out", "Auf Lager", "Only 3 left") after the main
 *       heading;
 *   <li>a promise to send the product within a stated time ("Ships within 24 hours"), in a stock
 *       box or after the main heading. Shops print these beside sold-out products too, so they
 *       count only when nothing else speaks.
 *   <li>a button that offers to contact the seller ("Contact seller", "Anbieter kontaktieren", or
 *       a bare "Contact" in the seller's box of an aside): a classified ad has no cart, and an ad
 *       still listed is for sale, unless a badge anywhere on the page says it is sold ("Sold",
 *       "Verkauft"). An aside that holds a buy control or a stock statement is a shop's buy box,
 *       and its contact buttons are the shop's help: they do not count.
 * </ol>
 * Without any of these the availability stays unknown.
 */
final class StockChooser {

  /** What decided the availability, most telling first. */
  enum Basis { SCHEMA_TERM, STOCK_BOX, BUY_BUTTONS, QUANTITY_CAP, PHRASE, DELIVERY_PROMISE, SELLER_CONTACT }

  /** An availability and what decided it. */
  record Decision(String term, Basis basis) {}

  /** A free-standing phrase further than this from the heading may be about something else. */
  private static final int PHRASE_REACH = 150;

  private StockChooser() {}

  static @Nullable Decision choose(PageWalk walk) {
    for (StockSpot spot : walk.stock()) {
      if (spot.kind() == StockKind.SCHEMA_TERM) {
        return new Decision(spot.term(), Basis.SCHEMA_TERM);
      }
    }
    for (StockSpot spot : walk.stock()) {
      if (spot.kind() == StockKind.PHRASE && spot.stockAttribute()) {
        return new Decision(spot.term(), Basis.STOCK_BOX);
      }
    }
    String fromCart = fromCart(walk.carts());
    if (fromCart != null) {
      return new Decision(fromCart, Basis.BUY_BUTTONS);
    }
    if (orderable(walk.quantities())) {
      return new Decision("InStock", Basis.QUANTITY_CAP);
    }
    int heading = walk.headingPosition();
    for (StockSpot spot : walk.stock()) {
      if (spot.kind() == StockKind.PHRASE && nearHeading(spot, heading)) {
        return new Decision(spot.term(), Basis.PHRASE);
      }
    }
    for (StockSpot spot : walk.stock()) {
      if (spot.kind() == StockKind.PROMISE && (spot.stockAttribute() || nearHeading(spot, heading))) {
        return new Decision(spot.term(), Basis.DELIVERY_PROMISE);
      }
    }
    for (ContactSpot contact : walk.contacts()) {
      if (!contact.beside() || !walk.besideSpeaksOfStock()) {
        return new Decision(walk.soldMark() ? "OutOfStock" : "InStock", Basis.SELLER_CONTACT);
      }
    }
    return null;
  }

  private static boolean nearHeading(StockSpot spot, int heading) {
    return heading >= 0 && spot.position() >= heading && spot.position() - heading <= PHRASE_REACH;
  }

  /** Any enabled button that buys now: InStock; else one that pre-orders: PreOrder; else sold out. */
  private static @Nullable String fromCart(List<CartSpot> carts) {
    if (carts.isEmpty()) {
      return null;
    }
    String term = "OutOfStock";
    for (CartSpot cart : carts) {
      if (!cart.disabled() && !cart.preOrder()) {
        return "InStock";
      }
      if (!cart.disabled()) {
        term = "PreOrder";
      }
    }
    return term;
  }

  /**
   * Whether a quantity field lets the shopper order at least one. A cap of zero is no evidence
   * either way: some widgets write it before a script sets the real one.
   */
  private static boolean orderable(List<QuantitySpot> quantities) {
    for (QuantitySpot quantity : quantities) {
      if (quantity.max() >= 1) {
        return true;
      }
    }
    return false;
  }
}

package dev.crawler.core.extract.source;

import dev.crawler.core.extract.normalise.Money;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One offer of a product, normalised, and the rule for picking the offer a product is recorded at.
 */
record OfferData(Money money, @Nullable String availability, @Nullable String sku, @Nullable String gtin) {

  private static final String IN_STOCK = "InStock";

  /**
   * The offer to record: the cheapest in-stock offer, else the cheapest offer. Only offers in the
   * currency of the first priced offer are compared, since amounts in different currencies are not.
   * Null when no offer has a price.
   */
  static @Nullable OfferData best(List<OfferData> offers) {
    OfferData first = firstPriced(offers);
    if (first == null) {
      return offers.isEmpty() ? null : offers.get(0);
    }
    OfferData best = cheapest(offers, first, true);
    return best != null ? best : cheapest(offers, first, false);
  }

  /** {@code InStock} when any offer is in stock; otherwise the chosen offer's availability. */
  static @Nullable String availability(List<OfferData> offers, OfferData chosen) {
    for (OfferData offer : offers) {
      if (IN_STOCK.equals(offer.availability())) {
        return IN_STOCK;
      }
    }
    if (chosen.availability() != null) {
      return chosen.availability();
    }
    for (OfferData offer : offers) {
      if (offer.availability() != null) {
        return offer.availability();
      }
    }
    return null;
  }

  /** The value every offer that has one agrees on, or null when they disagree or none has one. */
  static @Nullable String shared(List<OfferData> offers, Function<OfferData, @Nullable String> getter) {
    String shared = null;
    for (OfferData offer : offers) {
      String value = getter.apply(offer);
      if (value != null && shared != null && !shared.equals(value)) {
        return null;
      }
      shared = value != null ? value : shared;
    }
    return shared;
  }

  private static @Nullable OfferData firstPriced(List<OfferData> offers) {
    for (OfferData offer : offers) {
      if (offer.money().amount() != null) {
        return offer;
      }
    }
    return null;
  }

  private static @Nullable OfferData cheapest(List<OfferData> offers, OfferData first, boolean inStockOnly) {
    OfferData best = null;
    for (OfferData offer : offers) {
      var amount = offer.money().amount();
      boolean comparable = amount != null && sameCurrency(offer, first);
      boolean eligible = !inStockOnly || IN_STOCK.equals(offer.availability());
      if (comparable && eligible && (best == null || amount.compareTo(best.money().amount()) < 0)) {
        best = offer;
      }
    }
    return best;
  }

  private static boolean sameCurrency(OfferData a, OfferData b) {
    String ca = a.money().currency();
    String cb = b.money().currency();
    return ca == null || cb == null || ca.equals(cb);
  }
}

package dev.crawler.core.extract.choose;

import dev.crawler.core.extract.scan.PageWalk;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the page shows a shopper, against which {@link ProductMerger} checks structured data: shops'
 * markup goes stale, names a variant or an internal id, or swaps fields, while the page itself is
 * what the shop stands behind.
 *
 * @param prices the visible price candidates, best first ({@link PriceChooser#rank})
 * @param shownSku the identifier the page shows under an identifier label or in an element named
 *     as the product's code, or null
 * @param modelValues the values the page shows under a model or part-number label
 * @param stockBox the availability a stock statement in the page's own stock box gives, or null
 * @param walk the visible page, to ask whether it shows a value at all
 */
public record PageEvidence(List<PriceChooser.Scored> prices, @Nullable String shownSku, Set<String> modelValues,
    @Nullable String stockBox, @Nullable PageWalk walk) {

  /** Evidence of a page that was not read: nothing contradicts structured data. */
  public static final PageEvidence NONE = new PageEvidence(List.of(), null, Set.of(), null, null);

  public PageEvidence {
    prices = List.copyOf(prices);
    modelValues = Set.copyOf(modelValues);
  }

  /** Whether the page shows {@code value} as visible text; true when the page was not read. */
  boolean shows(@Nullable String value) {
    return walk == null || walk.shows(value);
  }
}

/**
 * Stage 3 of extraction: choosing and merging.
 *
 * <p>{@link dev.crawler.core.extract.choose.VisiblePageExtractor}, the general page extractor,
 * chooses the page's product from what a shopper sees: the price
 * ({@link dev.crawler.core.extract.choose.PriceChooser}, scored candidates), the identifiers
 * ({@link dev.crawler.core.extract.choose.IdentifierChooser}) and the availability
 * ({@link dev.crawler.core.extract.choose.StockChooser}). {@link dev.crawler.core.extract.choose.ProductMerger}
 * then groups every source's candidates into records and keeps, per field, the value of the most
 * trusted source, except where structured data is implausible next to what the page shows.
 *
 * <p>Internal to extraction; public only for the sibling stages.
 */
@NullMarked
package dev.crawler.core.extract.choose;

import org.jspecify.annotations.NullMarked;

/**
 * Value normalisation, used by every extraction stage: raw text to values.
 *
 * <p>Prices ({@link dev.crawler.core.extract.normalise.PriceParser}, locale-aware separators),
 * currencies ({@link dev.crawler.core.extract.normalise.CurrencyResolver}, symbols resolved with
 * the page's country hints), availability terms, GTIN check digits, clean single-line text, product
 * names cleaned of shop names, URLs resolved against the page's base, and identifier-like tokens of
 * a product URL. {@link dev.crawler.core.extract.normalise.PageContext} is what normalisation needs
 * to know about the page. All pure functions of their input.
 *
 * <p>Internal to extraction; public only for the sibling stages.
 */
@NullMarked
package dev.crawler.core.extract.normalise;

import org.jspecify.annotations.NullMarked;

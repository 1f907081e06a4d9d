/**
 * Product extraction: turns a parsed shop page into {@link dev.crawler.core.extract.ExtractedProduct}
 * records.
 *
 * <p>Everything here is pure: no I/O, no clocks, no shared mutable state. The entry point is
 * {@link dev.crawler.core.extract.ProductExtractor}; the other public types are its configuration
 * ({@link dev.crawler.core.extract.ExtractionRules}, {@link dev.crawler.core.extract.SiteRule}) and its
 * result. The package-private classes are the individual extractors (one syntax each), the
 * syntax-neutral schema.org mapping they share, and the normalisers for prices, currencies,
 * availability, GTINs, text and URLs. See {@code EXTRACTION.md} for the design and measured quality.
 */
@NullMarked
package dev.crawler.core.extract;

import org.jspecify.annotations.NullMarked;

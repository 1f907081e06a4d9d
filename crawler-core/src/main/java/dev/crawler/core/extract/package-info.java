/**
 * Product extraction: turns a parsed shop page into {@link dev.crawler.core.extract.ExtractedProduct}
 * records.
 *
 * <p>This package is the contract: {@link dev.crawler.core.extract.ProductExtractor} (the entry
 * point), its configuration ({@link dev.crawler.core.extract.ExtractionRules},
 * {@link dev.crawler.core.extract.SiteRule}) and its result. The work is done in four stages, one
 * sub-package each, in the order a page flows through them:
 * <ol>
 *   <li>{@code scan}: one walk over the document gathers everything any extractor reads;
 *   <li>{@code source}: each way of describing a product (site rules, JSON-LD, microdata, RDFa, meta
 *       tags, the page's script state) becomes candidates;
 *   <li>{@code choose}: the general page extractor picks name, price, identifiers and availability
 *       among what a shopper sees, and the merger combines all candidates field by field;
 *   <li>{@code normalise}: used by every stage, turns raw text into values (prices, currencies,
 *       GTINs, availability terms, clean text, URLs).
 * </ol>
 * The stages' classes are public only so that the stages can call each other; they are not an API.
 *
 * <p>Everything here is pure: no I/O, no clocks, no shared mutable state. See
 * {@code docs/EXTRACTION.md} for the design and the measured quality.
 */
@NullMarked
package dev.crawler.core.extract;

import org.jspecify.annotations.NullMarked;

/**
 * Stage 2 of extraction: candidates from each source of product data, read from the page's scan.
 *
 * <p>One {@link dev.crawler.core.extract.source.Extractor} per syntax: site rules, JSON-LD,
 * microdata, RDFa Lite and meta tags (OpenGraph, product:*, Twitter Card); the three item syntaxes
 * share one schema.org mapping ({@link dev.crawler.core.extract.source.SchemaProductMapper}).
 * {@link dev.crawler.core.extract.source.EmbeddedProducts} reads product objects from the page's
 * own scripts. Every value enters a candidate through
 * {@link dev.crawler.core.extract.source.CandidateBuilder}, so it is normalised the same way
 * whatever syntax it came from; {@link dev.crawler.core.extract.source.Source} names the
 * extractors in precedence order.
 *
 * <p>Internal to extraction; public only for the sibling stages.
 */
@NullMarked
package dev.crawler.core.extract.source;

import org.jspecify.annotations.NullMarked;

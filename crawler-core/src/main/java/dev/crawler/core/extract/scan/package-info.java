/**
 * Stage 1 of extraction: the one walk over a parsed page.
 *
 * <p>{@link dev.crawler.core.extract.scan.PageScan} visits every node once and hands each element
 * to two collectors: {@link dev.crawler.core.extract.scan.PageMarkup} (the machine-readable part:
 * head, meta tags, JSON-LD and state scripts, microdata and RDFa scopes with their properties,
 * site-rule matches) and {@link dev.crawler.core.extract.scan.PageWalk} (what a shopper sees:
 * headings, price texts, labelled identifiers, buy buttons, stock statements and quantity caps, each
 * with its position and context; what an element says about stock is read by
 * {@link dev.crawler.core.extract.scan.StockWords}). Whatever both collectors need of an element
 * (which attributes it has, what its class and id say) is read once, by the scan. The language cues
 * the walk reads the page with are data
 * ({@code page-cues.json}, loaded by {@link dev.crawler.core.extract.scan.PageCues}).
 *
 * <p>Internal to extraction; public only for the sibling stages.
 */
@NullMarked
package dev.crawler.core.extract.scan;

import org.jspecify.annotations.NullMarked;

/**
 * The crawl engine. Its packages follow one URL's way through it: {@code url} (rules for what is
 * crawled), {@code schedule} (which host goes next, politeness), {@code robots}, {@code fetch} (the
 * Netty client), {@code parse} (the bounded parse pool, links), {@code extract} (products),
 * {@code commit} (the single writer), and {@code engine}, which wires them together.
 */
@NullMarked
package dev.crawler.core;

import org.jspecify.annotations.NullMarked;

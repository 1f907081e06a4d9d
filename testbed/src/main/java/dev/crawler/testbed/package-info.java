/**
 * A synthetic multi-shop web server on loopback, used by the crawler's end-to-end tests, the demo and
 * the benchmarks.
 *
 * <p>{@link dev.crawler.testbed.Testbed} serves deterministic shops (robots.txt, home, paginated
 * categories, product pages with schema.org JSON-LD) and tells the test what a polite crawler should
 * have seen through {@link dev.crawler.testbed.GroundTruth}; {@link dev.crawler.testbed.RequestLog}
 * records what the crawler actually did. {@link dev.crawler.testbed.FaultShop} serves the hostile
 * cases: slow, dripping, reset, endless, huge and compressed-bomb bodies, throttling, redirect loops
 * and broken robots files.
 *
 * <p>The shops change in epochs ({@link dev.crawler.testbed.Testbed#advanceEpoch()}, configured by
 * {@link dev.crawler.testbed.EpochConfig}), {@link dev.crawler.testbed.ChangeTruth} tells what truly
 * changed between two epochs, and the pages carry {@code ETag} and {@code Last-Modified} and answer
 * conditional requests with 304.
 *
 * <p>Only those types, their records and enums ({@code TestbedConfig}, {@code EpochConfig},
 * {@code ProductTruth}, {@code ChangeTruth}, {@code RequestRecord}, {@code FaultConfig}, {@code Fault},
 * {@code FaultHost}) and
 * {@link dev.crawler.testbed.TestbedMain} are public; everything else is package-private so that it
 * can change freely.
 */
@NullMarked
package dev.crawler.testbed;

import org.jspecify.annotations.NullMarked;

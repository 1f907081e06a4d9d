package dev.crawler.testbed;

import java.math.BigDecimal;

/**
 * One product as the testbed rendered it.
 *
 * @param url absolute canonical URL of the product page, without tracking parameters
 * @param name display name exactly as in the JSON-LD (may hold {@code &}, quotes, commas, non-ASCII)
 * @param price with the currency's usual scale (2 decimals, 0 for JPY); compare with
 *     {@link BigDecimal#compareTo} when the other side may have dropped trailing zeros
 * @param currency ISO 4217 code
 * @param sku unique across every shop of one testbed
 */
public record ProductTruth(String url, String name, BigDecimal price, String currency, String sku) {}

package dev.crawler.testbed;

import java.math.BigDecimal;

/**
 * One product as the testbed rendered it.
 *
 * @param url absolute canonical URL of the product page, without tracking parameters
 * @param name display name exactly as in the JSON-LD or, on a plain shop, the {@code <h1>} (may hold
 *     {@code &}, quotes, commas, non-ASCII)
 * @param price with the currency's usual scale (2 decimals, 0 for JPY); the sale price when the page
 *     also shows a struck-through old price; compare with {@link BigDecimal#compareTo} when the other
 *     side may have dropped trailing zeros
 * @param currency ISO 4217 code
 * @param sku unique across every shop of one testbed
 * @param availability schema.org {@code ItemAvailability} short name: {@code InStock},
 *     {@code OutOfStock} or {@code PreOrder} (plain shops only show the first two)
 * @param plainShop whether the product's shop carries no structured data, so that its fields can only
 *     be read from the visible page
 */
public record ProductTruth(String url, String name, BigDecimal price, String currency, String sku,
    String availability, boolean plainShop) {}

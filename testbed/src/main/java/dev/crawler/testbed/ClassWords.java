package dev.crawler.testbed;

/**
 * The nouns a shop built in its own language uses for CSS classes ({@code preis}, {@code prix},
 * {@code cena}), for the layout whose class names are localised.
 */
record ClassWords(String product, String price, String was, String sku, String stock, String cart, String related) {}

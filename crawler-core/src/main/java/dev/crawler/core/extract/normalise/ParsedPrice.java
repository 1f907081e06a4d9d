package dev.crawler.core.extract.normalise;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A price read from text: the amount, and whatever surrounded the number (where a currency symbol
 * or code usually sits) for {@link CurrencyResolver} to interpret.
 *
 * @param amount non-negative, trailing zeros stripped (so {@code 450.00} and {@code 450} are equal)
 * @param currencyText the text before and after the number, or null when there was none
 */
public record ParsedPrice(BigDecimal amount, @Nullable String currencyText) {}

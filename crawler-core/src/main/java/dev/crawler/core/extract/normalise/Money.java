package dev.crawler.core.extract.normalise;

import java.math.BigDecimal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An amount with its ISO 4217 currency (either may be missing), resolved from whatever a page gave.
 *
 * <p>The one place that decides how a price value and a currency value combine: a code given by the
 * markup wins over a symbol found next to the number, and the code's usual number of decimals helps
 * read the number ({@code 24.990} in CLP is twenty-four thousand nine hundred and ninety).
 */
public record Money(@Nullable BigDecimal amount, @Nullable String currency) {

  static final Money NONE = new Money(null, null);

  /**
   * @param priceText a price written as text, possibly with a symbol; ignored when {@code numeric}
   *     is given
   * @param numeric a price that was already a number
   * @param currencyRaw the currency the markup states (code, or sometimes a symbol)
   */
  public static Money resolve(@Nullable String priceText, @Nullable BigDecimal numeric, @Nullable String currencyRaw,
      PageContext page) {
    String code = CurrencyResolver.fromText(currencyRaw, page);
    if (numeric != null) {
      return new Money(PriceParser.sane(numeric), code);
    }
    Optional<ParsedPrice> parsed = PriceParser.parse(priceText, CurrencyResolver.fractionDigits(code));
    if (parsed.isEmpty()) {
      return new Money(null, code);
    }
    if (code == null) {
      code = CurrencyResolver.fromText(parsed.get().currencyText(), page);
    }
    return new Money(parsed.get().amount(), code);
  }
}

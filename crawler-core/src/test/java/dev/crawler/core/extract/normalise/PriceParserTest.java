package dev.crawler.core.extract.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PriceParserTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      $1,299.00        | 1299
      1.299,00 €       | 1299
      £12              | 12
      12,-             | 12
      € 20,-           | 20
      1.299,-          | 1299
      1 299,00 zł      | 1299
      1\u00A0299,00\u00A0zł | 1299
      1\u202F299,00\u00A0€ | 1299
      ¥1,200           | 1200
      ￥1,200           | 1200
      1'299.50         | 1299.5
      CHF 1’299.50     | 1299.5
      10 - 20          | 10
      10–20 EUR        | 10
      From $5.99 to $9.99 | 5.99
      12.5             | 12.5
      12,50            | 12.5
      0,99             | 0.99
      0.125            | 0.125
      1,299            | 1299
      $24.990          | 24990
      1.299.000        | 1299000
      ₹1,23,456.00     | 123456
      ١٬٢٣٤٫٥٠ ر.س     | 1234.5
      LBP139999.00     | 139999
      30,000원~         | 30000
      最低價$99元起/包    | 99
      19.50            | 19.5
      71,91 € 79,90 €  | 71.91
      """)
  void commonFormatsParse(String text, String expected) {
    assertThat(PriceParser.parse(text)).get().extracting(ParsedPrice::amount)
        .isEqualTo(new BigDecimal(expected));
  }

  @Test
  void threeDecimalCurrencyReadsThreeDigitsAsDecimals() {
    assertThat(PriceParser.parse("12.500", 3)).get().extracting(ParsedPrice::amount).isEqualTo(new BigDecimal("12.5"));
    assertThat(PriceParser.parse("12.500", 2)).get().extracting(ParsedPrice::amount).isEqualTo(new BigDecimal("12500"));
  }

  @Test
  void textAroundTheNumberIsKeptForCurrencyDetection() {
    assertThat(PriceParser.parse("1.299,00 €")).get().extracting(ParsedPrice::currencyText).isEqualTo("€");
    assertThat(PriceParser.parse("42")).get().extracting(ParsedPrice::currencyText).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "free", "€", "call for price", "99999999999999999999", "1000000000000"})
  void nonPricesAndAbsurdAmountsYieldNothing(String text) {
    assertThat(PriceParser.parse(text)).isEmpty();
  }

  @Test
  void saneRejectsNegativeHugeAndOverPreciseAmounts() {
    assertThat(PriceParser.sane(new BigDecimal("-1"))).isNull();
    assertThat(PriceParser.sane(new BigDecimal("1e13"))).isNull();
    assertThat(PriceParser.sane(new BigDecimal("1.123456"))).isNull();
    assertThat(PriceParser.sane(new BigDecimal("450.00"))).isEqualTo(new BigDecimal("450"));
    assertThat(PriceParser.sane(new BigDecimal("1E+3"))).isEqualTo(new BigDecimal("1000"));
  }
}

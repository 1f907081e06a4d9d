package dev.crawler.core.extract.normalise;

import dev.crawler.core.extract.Pages;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import org.jsoup.Jsoup;

class PricePropertiesTest {

  @Property
  void priceParserNeverThrows(@ForAll String text, @ForAll @IntRange(min = -1, max = 4) int fractionDigits) {
    Optional<ParsedPrice> parsed = PriceParser.parse(text, fractionDigits);

    parsed.ifPresent(p -> {
      assertThat(p.amount().signum()).isGreaterThanOrEqualTo(0);
      assertThat(p.amount().scale()).isBetween(0, 4);
    });
  }

  @Property
  void priceParserNeverThrowsOnNumberLikeText(@ForAll("numberLike") String text) {
    PriceParser.parse(text);
  }

  /**
   * Whatever a locale's currency format prints, the parser reads back the same amount, and the
   * currency resolves to the locale's currency when the page's host is in that country.
   */
  @Property(tries = 2_000)
  void pricesRoundTripThroughCurrencyFormatting(
      @ForAll("locales") Locale locale, @ForAll @BigRange(min = "0", max = "999999999") BigDecimal raw) {
    Currency currency = Currency.getInstance(locale);
    BigDecimal amount = raw.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    String text = format.format(amount);

    Optional<ParsedPrice> parsed = PriceParser.parse(text);

    assertThat(parsed).as(text).isPresent();
    assertThat(parsed.get().amount()).as(text).isEqualByComparingTo(amount);
    assertThat(CurrencyResolver.fromText(parsed.get().currencyText(), pageIn(locale)))
        .as(text).isEqualTo(currency.getCurrencyCode());
  }

  @Property
  void currencyResolverNeverThrows(@ForAll String text) {
    CurrencyResolver.fromText(text, pageIn(Locale.US));
    CurrencyResolver.fromCode(text);
  }

  @Property
  void otherNormalisersNeverThrow(@ForAll String text) {
    Availability.normalize(text);
    String gtin = Gtin.normalize(text);
    if (gtin != null) {
      assertThat(Gtin.hasValidCheckDigit(gtin)).isTrue();
    }
    TextCleaner.clean(text);
    TextCleaner.cleanEncoded(text);
    UrlResolver.resolve(text, Pages.URL);
    TitleCleaner.productName(text, text, text, "shop.example.com");
  }

  @Provide
  Arbitrary<Locale> locales() {
    return Arbitraries.of(Locale.forLanguageTag("en-US"), Locale.forLanguageTag("de-DE"),
        Locale.forLanguageTag("fr-FR"), Locale.forLanguageTag("ja-JP"), Locale.forLanguageTag("en-GB"),
        Locale.forLanguageTag("pl-PL"), Locale.forLanguageTag("de-CH"), Locale.forLanguageTag("fr-CH"),
        Locale.forLanguageTag("it-IT"), Locale.forLanguageTag("es-ES"), Locale.forLanguageTag("nl-NL"),
        Locale.forLanguageTag("pt-BR"), Locale.forLanguageTag("en-IN"), Locale.forLanguageTag("sv-SE"),
        Locale.forLanguageTag("da-DK"), Locale.forLanguageTag("nb-NO"), Locale.forLanguageTag("cs-CZ"),
        Locale.forLanguageTag("hu-HU"), Locale.forLanguageTag("ru-RU"), Locale.forLanguageTag("ko-KR"),
        Locale.forLanguageTag("en-CA"), Locale.forLanguageTag("fr-CA"), Locale.forLanguageTag("de-AT"),
        Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("zh-TW"), Locale.forLanguageTag("ar-SA"),
        Locale.forLanguageTag("he-IL"), Locale.forLanguageTag("tr-TR"), Locale.forLanguageTag("en-AU"));
  }

  @Provide
  Arbitrary<String> numberLike() {
    return Arbitraries.strings().withChars("0123456789.,' \u00A0\u202F’-–$€£¥kr").ofMaxLength(40);
  }

  /** A page on a host in the locale's country, in the locale's language. */
  private static PageContext pageIn(Locale locale) {
    URI url = URI.create("https://shop.example." + locale.getCountry().toLowerCase(Locale.ROOT) + "/p");
    return Pages.context(Jsoup.parse("<html lang='" + locale.toLanguageTag() + "'></html>", url.toString()), url);
  }
}

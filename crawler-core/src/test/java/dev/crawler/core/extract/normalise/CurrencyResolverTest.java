package dev.crawler.core.extract.normalise;

import dev.crawler.core.extract.Pages;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CurrencyResolverTest {

  private static PageContext page(String host, @org.jspecify.annotations.Nullable String lang) {
    String html = lang == null || lang.isEmpty() ? "<html></html>" : "<html lang='" + lang + "'></html>";
    java.net.URI url = java.net.URI.create("https://" + host + "/p");
    return Pages.context(org.jsoup.Jsoup.parse(html, url.toString()), url);
  }

  @ParameterizedTest(name = "{0} on {1} [{2}] -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      $     | shop.example.com | en    | USD
      $     | www.bestbuy.ca   | en    | CAD
      $     | shop.example.com | en-CA | CAD
      $     | shop.example.com | fr-CA | CAD
      $     | www.paris.cl     | es    | CLP
      $     | i3fresh.tw       | zh-TW | TWD
      $     | www.gomaji.com   | zh-Hant-TW | TWD
      $     | www.zara.com     | en-NZ | NZD
      kr    | shop.example.com | sv    | SEK
      kr    | shop.example.com | da-DK | DKK
      kr    | shop.example.no  |       | NOK
      kr.   | shop.example.com |       | SEK
      ¥     | shop.example.com | ja    | JPY
      ¥     | shop.example.cn  |       | CNY
      £     | shop.example.com |       | GBP
      €     | shop.example.com |       | EUR
      zł    | shop.example.com |       | PLN
      Lei   | www.emag.ro      | ro    | RON
      тг.   | www.mechta.kz    | ru    | KZT
      руб.  | shop.example.com | ru    | RUB
      ₽     | shop.example.com |       | RUB
      ر.س   | ar-sa.namshi.com |       | SAR
      원~    | www.tmon.co.kr   | ko    | KRW
      R$    | shop.example.com | pt-BR | BRL
      CHF   | shop.example.com |       | CHF
      Fr.   | shop.example.ch  |       | CHF
      US$   | shop.example.ca  |       | USD
      """)
  void symbolResolvesWithPageHints(String symbol, String host, String lang, String expected) {
    assertThat(CurrencyResolver.fromText(symbol, page(host, lang))).isEqualTo(expected);
  }

  @Test
  void codesAreValidatedUpperCasedAndModernised() {
    assertThat(CurrencyResolver.fromCode("pln")).isEqualTo("PLN");
    assertThat(CurrencyResolver.fromCode(" EUR ")).isEqualTo("EUR");
    assertThat(CurrencyResolver.fromCode("RUR")).isEqualTo("RUB");
    assertThat(CurrencyResolver.fromCode("XYZ")).isNull();
    assertThat(CurrencyResolver.fromCode("EU")).isNull();
    assertThat(CurrencyResolver.fromCode("")).isNull();
  }

  @Test
  void codeInsideTextWinsOverSymbol() {
    assertThat(CurrencyResolver.fromText("CAD $", page("shop.example.com", "en"))).isEqualTo("CAD");
    assertThat(CurrencyResolver.fromText("LBP139999.00", page("shop.example.com", "en"))).isEqualTo("LBP");
  }

  @Test
  void letterSymbolsMatchOnlyAsWords() {
    assertThat(CurrencyResolver.fromText("Kraków", page("shop.example.com", "pl"))).isNull();
    assertThat(CurrencyResolver.fromText("Ticket", page("shop.example.com", "en"))).isNull();
  }

  @Test
  void countryHintsPutTldBeforeLanguage() {
    assertThat(CurrencyResolver.countryHints("shop.example.ca", List.of("en-US", "sv")))
        .containsExactly("CA", "US", "SE");
    assertThat(CurrencyResolver.countryHints("shop.co.uk", List.of())).containsExactly("GB");
  }
}

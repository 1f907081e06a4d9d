package dev.crawler.core.extract.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalisationTest {

  @Test
  void gtinWithBadCheckDigitIsDropped() {
    assertThat(Gtin.normalize("4006381333931")).isEqualTo("4006381333931");
    assertThat(Gtin.normalize("4006381333932")).isNull();
  }

  @Test
  void gtinOfEveryLengthIsValidatedAndLeadingZerosKept() {
    assertThat(Gtin.normalize("96385074")).isEqualTo("96385074"); // GTIN-8
    assertThat(Gtin.normalize("036000291452")).isEqualTo("036000291452"); // UPC-A
    assertThat(Gtin.normalize("10614141000415")).isEqualTo("10614141000415"); // GTIN-14
    assertThat(Gtin.normalize("ean: 4006381-333931")).isEqualTo("4006381333931");
    assertThat(Gtin.normalize("32429335302")).isNull(); // 11 digits
  }

  @Test
  void placeholderAndNonNumericGtinsAreDropped() {
    assertThat(Gtin.normalize("0000000000000")).isNull();
    assertThat(Gtin.normalize("J001109161")).isNull();
    assertThat(Gtin.normalize("")).isNull();
    assertThat(Gtin.normalize(null)).isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      http://schema.org/InStock        | InStock
      https://schema.org/OutOfStock    | OutOfStock
      schema:PreOrder                  | PreOrder
      InStock                          | InStock
      instock                          | InStock
      in_stock                         | InStock
      out of stock                     | OutOfStock
      oos                              | OutOfStock
      http://schema.org/SoldOut        | SoldOut
      LimitedAvailability              | LimitedAvailability
      BackOrder                        | BackOrder
      available for order              | BackOrder
      In Stock.                        | InStock
      Derzeit nicht verfügbar.         | OutOfStock
      Disponibilità immediata.         | InStock
      Épuisé                           | OutOfStock
      NOT SOLD                         | InStock
      Currently unavailable.           | OutOfStock
      нет в наличии                    | OutOfStock
      品切れ                            | OutOfStock
      品切れ                            | OutOfStock
      blue                             | null
      """)
  void availabilityBecomesTheSchemaOrgTerm(String raw, String expected) {
    assertThat(Availability.normalize(raw)).isEqualTo(expected);
  }

  @Test
  void textIsTrimmedCollapsedAndFreedOfInvisibleCharacters() {
    assertThat(TextCleaner.clean("  Oak\u00A0 table\n\t 200\u200B cm ")).isEqualTo("Oak table 200 cm");
    assertThat(TextCleaner.clean(" \u00A0 ")).isNull();
    assertThat(TextCleaner.clean("\uF004 Board")).isEqualTo("Board");
  }

  @Test
  void encodedTextIsDecodedAndDetagged() {
    assertThat(TextCleaner.cleanEncoded("11&quot; iPad &amp; <b>Pen</b>")).isEqualTo("11\" iPad & Pen");
    assertThat(TextCleaner.cleanEncoded("a < b")).isEqualTo("a < b");
  }

  @Test
  void overlongTextIsCapped() {
    assertThat(TextCleaner.clean("x".repeat(5_000))).hasSize(TextCleaner.MAX_LENGTH);
  }

  @Test
  void urlsAreResolvedAgainstTheBase() {
    URI base = URI.create("https://shop.example.com/a/b.html");

    assertThat(UrlResolver.resolve("c.jpg", base)).isEqualTo("https://shop.example.com/a/c.jpg");
    assertThat(UrlResolver.resolve("//cdn.example.com/x y.jpg", base)).isEqualTo("https://cdn.example.com/x%20y.jpg");
    assertThat(UrlResolver.resolve("/img?a=1|2", base)).isEqualTo("https://shop.example.com/img?a=1%7C2");
    assertThat(UrlResolver.resolve("javascript:alert(1)", base)).isNull();
    assertThat(UrlResolver.resolve("data:image/png;base64,AAAA", base)).isNull();
    assertThat(UrlResolver.resolve("http://[broken", base)).isNull();
  }
}

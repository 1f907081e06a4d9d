package dev.crawler.core.extract.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlIdentifiersTest {

  private static java.util.List<String> of(String url) {
    return UrlIdentifiers.of(URI.create(url));
  }

  @Test
  void aLastSegmentThatIsALongNumberOrACodeIsAnIdentifier() {
    assertThat(of("https://shop.example.com/itm/302474151804")).containsExactly("302474151804");
    assertThat(of("https://shop.example.com/dp/B07FW264WL")).containsExactly("B07FW264WL");
    assertThat(of("https://shop.example.com/Prod/144432/")).containsExactly("144432");
    assertThat(of("https://shop.example.com/d/garage-kit/7221815683.html")).containsExactly("7221815683");
  }

  @Test
  void theNumberASlugEndsWithAndIdLikeQueryValuesAreIdentifiers() {
    assertThat(of("https://shop.example.com/books/labour-code-annotated-1589482272.html")).containsExactly("1589482272");
    assertThat(of("https://shop.example.com/store/lamps?pid=260591&ref=home")).containsExactly("260591");
  }

  @Test
  void wordsShortNumbersAndOtherParametersAreNot() {
    assertThat(of("https://shop.example.com/c/lamps")).isEmpty();
    assertThat(of("https://shop.example.com/p/lamp-42")).isEmpty();
    assertThat(of("https://shop.example.com/p/lamp?page=123456&session=ABCDEFGH12")).isEmpty();
    assertThat(of("https://shop.example.com/")).isEmpty();
  }
}

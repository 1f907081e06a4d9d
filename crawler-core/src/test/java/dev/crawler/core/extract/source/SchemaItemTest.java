package dev.crawler.core.extract.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SchemaItemTest {

  private static final Pattern VOCABULARY_PREFIX = Pattern.compile(
      "^(?:https?://(?:www\\.)?(?:schema\\.org|data-vocabulary\\.org|purl\\.org/goodrelations/v1)[/#]"
          + "|schema:|gr:|sdo:|s:)",
      Pattern.CASE_INSENSITIVE);

  /** Names without a colon skip the pattern; every name must lose exactly what the pattern strips. */
  @Test
  void localNamesAreWhatThePatternLeaves() {
    for (String name : List.of("price", " offers ", "http://schema.org/Product", "HTTPS://WWW.Schema.org#Offer",
        "schema:sku", "gr:hasCurrencyValue", "s:name", "sdo:brand", "og:price", "https://example.com/x", "", "  ",
        "http://purl.org/goodrelations/v1#price", "a:b:c")) {
      assertThat(SchemaItem.localName(name)).as(name).isEqualTo(VOCABULARY_PREFIX.matcher(name.strip()).replaceFirst(""));
    }
  }
}

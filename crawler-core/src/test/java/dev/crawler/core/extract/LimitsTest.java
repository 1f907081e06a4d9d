package dev.crawler.core.extract;

import dev.crawler.core.extract.choose.ProductMerger;
import dev.crawler.core.extract.normalise.TextCleaner;
import dev.crawler.core.extract.source.JsonLdExtractor;
import dev.crawler.core.extract.source.SchemaProductMapper;
import static dev.crawler.core.extract.Pages.extract;
import static dev.crawler.core.extract.Pages.jsonLd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/** Every input has a ceiling: pathological pages cost bounded time and yield bounded output. */
class LimitsTest {

  private static final Duration BUDGET = Duration.ofSeconds(10);

  @Test
  void productsPerPageAreCapped() {
    StringJoiner products = new StringJoiner(",", "[", "]");
    for (int i = 0; i < 3 * ProductMerger.MAX_RECORDS; i++) {
      products.add("{\"@type\":\"Product\",\"name\":\"p" + i + "\",\"sku\":\"s" + i + "\"}");
    }

    List<ExtractedProduct> result = assertTimeoutPreemptively(BUDGET, () -> extract(jsonLd(products.toString())));

    assertThat(result).hasSizeLessThanOrEqualTo(ProductMerger.MAX_RECORDS);
  }

  @Test
  void scriptsPerPageAreCapped() {
    String script = jsonLd("{\"@type\":\"Product\",\"name\":\"p\",\"sku\":\"%d\"}");
    StringBuilder html = new StringBuilder();
    for (int i = 0; i < 3 * JsonLdExtractor.MAX_SCRIPTS; i++) {
      html.append(script.formatted(i));
    }

    List<ExtractedProduct> result = assertTimeoutPreemptively(BUDGET, () -> extract(html.toString()));

    assertThat(result).hasSize(JsonLdExtractor.MAX_SCRIPTS);
  }

  @Test
  void offersPerProductAreCapped() {
    StringJoiner offers = new StringJoiner(",", "[", "]");
    for (int i = 0; i < 10_000; i++) {
      offers.add("{\"price\":\"" + (10_000 - i) + "\",\"priceCurrency\":\"EUR\"}");
    }

    List<ExtractedProduct> result = assertTimeoutPreemptively(BUDGET,
        () -> extract(jsonLd("{\"@type\":\"Product\",\"name\":\"p\",\"offers\":" + offers + "}")));

    // Only the first MAX_OFFERS offers are compared.
    assertThat(result.get(0).price()).isEqualByComparingTo(String.valueOf(10_000 - SchemaProductMapper.MAX_OFFERS + 1));
  }

  @Test
  void manyMicrodataItemsCostBoundedTime() {
    String item = "<div itemscope itemtype='http://schema.org/Product'><span itemprop='name'>n</span>"
        + "<div itemprop='offers' itemscope itemtype='http://schema.org/Offer'><meta itemprop='price' content='1'></div></div>";

    List<ExtractedProduct> result = assertTimeoutPreemptively(BUDGET, () -> extract(item.repeat(20_000)));

    assertThat(result).hasSizeLessThanOrEqualTo(ProductMerger.MAX_RECORDS);
  }

  @Test
  void hugeTextInsideAPropertyIsCapped() {
    String html = "<div itemscope itemtype='http://schema.org/Product'><h1 itemprop='name'>"
        + "word ".repeat(500_000) + "</h1></div>";

    List<ExtractedProduct> result = assertTimeoutPreemptively(BUDGET, () -> extract(html));

    assertThat(result.get(0).name()).hasSizeLessThanOrEqualTo(TextCleaner.MAX_LENGTH);
  }

  @Test
  void hugeNumbersInJsonCostNothing() {
    String digits = "9".repeat(60);
    List<ExtractedProduct> result = assertTimeoutPreemptively(BUDGET, () -> extract(jsonLd(
        "{\"@type\":\"Product\",\"name\":\"p\",\"offers\":{\"price\":" + digits + ",\"priceCurrency\":\"EUR\"},"
            + "\"aggregateRating\":{\"ratingValue\":1e-999999999,\"reviewCount\":1e999999999}}")));

    assertThat(result.get(0).price()).isNull();
    assertThat(result.get(0).rating()).isNull();
    assertThat(result.get(0).reviewCount()).isNull();
  }
}

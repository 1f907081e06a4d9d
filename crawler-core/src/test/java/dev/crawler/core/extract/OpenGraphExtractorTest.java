package dev.crawler.core.extract;

import dev.crawler.core.extract.normalise.TitleCleaner;
import static dev.crawler.core.extract.Pages.extract;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenGraphExtractorTest {

  private static String head(String metas) {
    return "<html><head><title>t</title>" + metas + "</head><body></body></html>";
  }

  @Test
  void productPriceTagsAreRead() {
    List<ExtractedProduct> products = extract(head("""
        <meta property="og:type" content="product">
        <meta property="og:title" content="AFA sink combo">
        <meta property="og:image" content="/sink.jpg">
        <meta property="product:price:amount" content="329.99">
        <meta property="product:price:currency" content="USD">
        <meta property="product:availability" content="in stock">
        <meta property="product:brand" content="AFA">"""));

    assertThat(products).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("AFA sink combo");
      assertThat(p.price()).isEqualByComparingTo("329.99");
      assertThat(p.currency()).isEqualTo("USD");
      assertThat(p.availability()).isEqualTo("InStock");
      assertThat(p.brand()).isEqualTo("AFA");
      assertThat(p.image()).isEqualTo("https://shop.example.com/sink.jpg");
      assertThat(p.sources()).containsEntry("price", "opengraph");
    });
  }

  @Test
  void ogPriceVariantsAreRead() {
    List<ExtractedProduct> products = extract(head("""
        <meta property="og:type" content="product.item"><meta property="og:title" content="Tablet">
        <meta property="og:price:amount" content="1149"><meta property="og:price:currency" content="EUR">"""));

    assertThat(products.get(0).price()).isEqualByComparingTo("1149");
    assertThat(products.get(0).currency()).isEqualTo("EUR");
  }

  @Test
  void nonStandardOgPriceWithSymbolIsRead() {
    List<ExtractedProduct> products = extract(head("""
        <meta property="og:title" content="Magazine"><meta property="og:price" content="30,000원~">"""));

    assertThat(products.get(0).price()).isEqualByComparingTo("30000");
    assertThat(products.get(0).currency()).isEqualTo("KRW");
  }

  @Test
  void salePriceBeatsRegularPrice() {
    List<ExtractedProduct> products = extract(head("""
        <meta property="og:type" content="product"><meta property="og:title" content="WC">
        <meta property="product:price:amount" content="1148.00"><meta property="product:price:currency" content="PLN">
        <meta property="product:sale_price:amount" content="997.00"><meta property="product:sale_price:currency" content="PLN">"""));

    assertThat(products.get(0).price()).isEqualByComparingTo("997");
  }

  @Test
  void pageThatIsNotAProductYieldsNothing() {
    assertThat(extract(head("<meta property=\"og:type\" content=\"article\"><meta property=\"og:title\" content=\"News\">")))
        .isEmpty();
  }

  @Test
  void twitterCardPriceLabelIsRead() {
    List<ExtractedProduct> products = extract(head("""
        <meta name="twitter:title" content="Feta Cheese 200g | Chilled &amp; Deli | Spinneys">
        <meta name="twitter:data1" content="LBP139999.00"><meta name="twitter:label1" content="PRICE">
        <meta name="twitter:data2" content="LB"><meta name="twitter:label2" content="LOCATION">"""));

    assertThat(products).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("Feta Cheese 200g");
      assertThat(p.price()).isEqualByComparingTo("139999");
      assertThat(p.currency()).isEqualTo("LBP");
    });
  }

  @Test
  void siteDecorationIsStrippedFromTheTitle() {
    assertThat(TitleCleaner.productName("i3Fresh 愛上新鮮 - 招牌肉乾", null, null, "i3fresh.tw")).isEqualTo("招牌肉乾");
    assertThat(TitleCleaner.productName("Table - oak 235 cm - IKEA", null, null, "www.ikea.com"))
        .isEqualTo("Table - oak 235 cm");
    assertThat(TitleCleaner.productName("[타임커머스 티몬] 좋은생각", "좋은생각 - 티몬", null, "www.tmon.co.kr"))
        .isEqualTo("좋은생각");
    assertThat(TitleCleaner.productName("[2-Pack] Socks", "[2-Pack] Socks | Shop", null, "shop.example.com"))
        .isEqualTo("[2-Pack] Socks");
    assertThat(TitleCleaner.productName("Socks - Acme Store", null, "Acme Store", "acme.example")).isEqualTo("Socks");
  }
}

package dev.crawler.core.extract;

import static dev.crawler.core.extract.Pages.extract;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where structured data contradicts what the page shows a shopper, and which one wins. */
class PageCorrectsStructuredDataTest {

  private static String page(String jsonLd, String body) {
    return "<html><head><title>Shop</title><script type=\"application/ld+json\">" + jsonLd + "</script></head><body>"
        + "<main>" + body + "</main></body></html>";
  }

  private static final String LAMP = """
      {"@type":"Product","name":"Brass lamp","sku":"238368885",
       "offers":{"price":"49","priceCurrency":"GBP","availability":"https://schema.org/InStock"}}""";

  @Test
  void aStructuredSkuTheShopperNeverSeesGivesWayToTheLabelledCode() {
    ExtractedProduct product = extract(page(LAMP, "<h1>Brass lamp</h1><p class=\"product-code\">Product code: 83810610</p>")).get(0);

    assertThat(product.sku()).isEqualTo("83810610");
    assertThat(product.sources()).containsEntry("sku", "page");
  }

  @Test
  void aStructuredSkuThePageShowsStaysEvenBesideAnotherLabelledCode() {
    ExtractedProduct product = extract(page(LAMP,
        "<h1>Brass lamp</h1><p>Article no.: 903.294.89</p><p>Item 238368885</p>")).get(0);

    assertThat(product.sku()).isEqualTo("238368885");
    assertThat(product.sources()).containsEntry("sku", "json-ld");
  }

  @Test
  void anElementNamedAsTheProductReferenceIsAsGoodAsALabel() {
    ExtractedProduct product = extract(page(LAMP,
        "<h1>Brass lamp</h1><p><span>Black</span> - <span data-qa-qualifier=\"product-reference\">1002/710</span></p>")).get(0);

    assertThat(product.sku()).isEqualTo("1002/710");
  }

  @Test
  void aLabelRunsUpToItsColon() {
    ExtractedProduct product = extract(page(LAMP, "<h1>Brass lamp</h1><span>Cod produs: DR2401 </span>")).get(0);

    assertThat(product.sku()).isEqualTo("DR2401");
  }

  @Test
  void aStructuredSkuThePageShowsAsTheModelGivesWayToTheLabelledCode() {
    ExtractedProduct product = extract(page("""
        {"@type":"Product","name":"Optiplex","sku":"OPTIPLEX 9010","mpn":"144432","offers":{"price":"500","priceCurrency":"USD"}}""",
        "<h1>Optiplex</h1><div><span>Product code:</span> <span>144432</span></div><div>Model: OPTIPLEX 9010</div>")).get(0);

    assertThat(product.sku()).isEqualTo("144432");
  }

  @Test
  void aCodeFollowedByPlainWordsInMarkupIsTheCodeAlone() {
    ExtractedProduct product = extract("""
        <div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Chair cover</h1>
        <span itemprop="productID"> TE502955-1293415 Housse de canapé, chaise </span></div>""").get(0);

    assertThat(product.sku()).isEqualTo("TE502955-1293415");
  }

  @Test
  void aSoldOutStatementInThePagesStockBoxBeatsStructuredInStock() {
    ExtractedProduct product = extract(page(LAMP,
        "<h1>Brass lamp</h1><div class=\"availability-box\"><strong>Sold out</strong></div>")).get(0);

    assertThat(product.availability()).isEqualTo("OutOfStock");
    assertThat(product.sources()).containsEntry("availability", "page");
  }

  @Test
  void ariaHiddenDoesNotHideWhatASightedShopperSees() {
    ExtractedProduct product = extract("""
        <html><head><title>Trail shoe</title></head><body>
        <div class="modal" role="dialog">We use cookies <button>Accept</button></div>
        <div id="CenterPanel" aria-hidden="true"><h1>Trail shoe</h1><span class="price">$89.00</span>
        <button>Add to cart</button></div></body></html>""").get(0);

    assertThat(product.name()).isEqualTo("Trail shoe");
    assertThat(product.price()).isEqualByComparingTo("89");
  }
}

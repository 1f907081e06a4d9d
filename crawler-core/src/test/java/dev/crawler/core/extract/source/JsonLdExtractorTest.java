package dev.crawler.core.extract.source;

import dev.crawler.core.extract.ExtractedProduct;
import dev.crawler.core.extract.Pages;
import static dev.crawler.core.extract.Pages.extract;
import static dev.crawler.core.extract.Pages.jsonLd;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLdExtractorTest {

  private static List<ProductCandidate> candidates(String html) {
    return Pages.run(new JsonLdExtractor(), html);
  }

  @Test
  void singleProductYieldsItsFields() {
    List<ExtractedProduct> products = extract(jsonLd("""
        {"@context": "https://schema.org", "@type": "Product", "name": "Oak table", "sku": "T-1",
         "gtin13": "4006381333931", "brand": {"@type": "Brand", "name": "Woody"},
         "image": "/img/table.jpg",
         "aggregateRating": {"@type": "AggregateRating", "ratingValue": "4.5", "reviewCount": "12"},
         "offers": {"@type": "Offer", "price": "1299.00", "priceCurrency": "EUR",
                    "availability": "https://schema.org/InStock"}}"""));

    assertThat(products).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("Oak table");
      assertThat(p.price()).isEqualByComparingTo("1299");
      assertThat(p.currency()).isEqualTo("EUR");
      assertThat(p.sku()).isEqualTo("T-1");
      assertThat(p.gtin()).isEqualTo("4006381333931");
      assertThat(p.brand()).isEqualTo("Woody");
      assertThat(p.availability()).isEqualTo("InStock");
      assertThat(p.image()).isEqualTo("https://shop.example.com/img/table.jpg");
      assertThat(p.rating()).isEqualByComparingTo("4.5");
      assertThat(p.reviewCount()).isEqualTo(12L);
      assertThat(p.url()).isEqualTo(Pages.URL.toString());
      assertThat(p.sources()).containsEntry("name", "json-ld").containsEntry("price", "json-ld");
    });
  }

  @Test
  void jsonLdGraphYieldsEachProduct() {
    List<ExtractedProduct> products = extract(jsonLd("""
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebPage", "name": "Shop"},
          {"@type": "Product", "name": "A", "sku": "a", "offers": {"price": "1", "priceCurrency": "USD"}},
          {"@type": "Product", "name": "B", "sku": "b", "offers": {"price": "2", "priceCurrency": "USD"}}]}"""));

    assertThat(products).extracting(ExtractedProduct::name).containsExactly("A", "B");
  }

  @Test
  void topLevelArrayYieldsEachProduct() {
    List<ExtractedProduct> products = extract(jsonLd("""
        [{"@type": "Product", "name": "A", "sku": "a"}, {"@type": "Product", "name": "B", "sku": "b"}]"""));

    assertThat(products).extracting(ExtractedProduct::sku).containsExactly("a", "b");
  }

  @Test
  void aggregateOfferTakesLowPrice() {
    List<ExtractedProduct> products = extract(jsonLd("""
        {"@type": "Product", "name": "Mat", "offers": {"@type": "AggregateOffer",
         "lowPrice": "43.90", "highPrice": "60.00", "priceCurrency": "EUR"}}"""));

    assertThat(products.get(0).price()).isEqualByComparingTo("43.90");
  }

  @Test
  void severalOffersTakeTheLowestInStockPrice() {
    List<ExtractedProduct> products = extract(jsonLd("""
        {"@type": "Product", "name": "Jacket", "offers": [
          {"@type": "Offer", "price": "59.00", "priceCurrency": "EUR", "availability": "OutOfStock"},
          {"@type": "Offer", "price": "99.99", "priceCurrency": "EUR", "availability": "InStock"},
          {"@type": "Offer", "price": "74.95", "priceCurrency": "EUR", "availability": "InStock"}]}"""));

    assertThat(products.get(0).price()).isEqualByComparingTo("74.95");
    assertThat(products.get(0).availability()).isEqualTo("InStock");
  }

  @Test
  void offerSkusThatDisagreeAreNotTheProductSku() {
    List<ExtractedProduct> products = extract(jsonLd("""
        {"@type": "Product", "name": "Jacket", "offers": [
          {"@type": "Offer", "price": "10", "priceCurrency": "EUR", "sku": "J-S"},
          {"@type": "Offer", "price": "10", "priceCurrency": "EUR", "sku": "J-M"}]}"""));

    assertThat(products.get(0).sku()).isNull();
  }

  @Test
  void priceSpecificationSuppliesThePrice() {
    List<ExtractedProduct> products = extract(jsonLd("""
        {"@type": "Product", "name": "Pen", "offers": {"@type": "Offer",
         "priceSpecification": [
           {"@type": "UnitPriceSpecification", "priceType": "https://schema.org/ListPrice", "price": 25, "priceCurrency": "CHF"},
           {"@type": "UnitPriceSpecification", "price": 19.5, "priceCurrency": "CHF"}]}}"""));

    assertThat(products.get(0).price()).isEqualByComparingTo("19.5");
    assertThat(products.get(0).currency()).isEqualTo("CHF");
  }

  @Test
  void productGroupYieldsOneRecordPerVariant() {
    List<ExtractedProduct> products = extract(jsonLd("""
        {"@type": "ProductGroup", "name": "Shirt", "brand": "Acme", "productGroupID": "S1",
         "hasVariant": [
           {"@type": "Product", "sku": "S1-S", "size": "S", "offers": {"price": "20", "priceCurrency": "GBP"}},
           {"@type": "Product", "sku": "S1-M", "name": "Shirt M", "offers": {"price": "22", "priceCurrency": "GBP"}}]}"""));

    assertThat(products).hasSize(2);
    assertThat(products).extracting(ExtractedProduct::sku).containsExactly("S1-S", "S1-M");
    assertThat(products).extracting(ExtractedProduct::name).containsExactly("Shirt", "Shirt M");
    assertThat(products).extracting(ExtractedProduct::brand).containsOnly("Acme");
    assertThat(products).extracting(ExtractedProduct::price)
        .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("20"), new BigDecimal("22"));
  }

  @Test
  void brandMayBeTextOrObject() {
    assertThat(extract(jsonLd("{\"@type\":\"Product\",\"name\":\"x\",\"brand\":\"Acme\"}")).get(0).brand())
        .isEqualTo("Acme");
    assertThat(extract(jsonLd("{\"@type\":\"Product\",\"name\":\"x\",\"brand\":[{\"@type\":\"Organization\",\"name\":\"Acme\"}]}"))
        .get(0).brand()).isEqualTo("Acme");
  }

  @Test
  void imageMayBeTextObjectOrArray() {
    assertThat(extract(jsonLd("{\"@type\":\"Product\",\"name\":\"x\",\"image\":\"a.jpg\"}")).get(0).image())
        .isEqualTo("https://shop.example.com/p/a.jpg");
    assertThat(extract(jsonLd("{\"@type\":\"Product\",\"name\":\"x\",\"image\":{\"@type\":\"ImageObject\",\"url\":\"//cdn.example.com/b.jpg\"}}"))
        .get(0).image()).isEqualTo("https://cdn.example.com/b.jpg");
    assertThat(extract(jsonLd("{\"@type\":\"Product\",\"name\":\"x\",\"image\":[\"https://x.test/c.jpg\",\"d.jpg\"]}"))
        .get(0).image()).isEqualTo("https://x.test/c.jpg");
  }

  @Test
  void typeMayBeArrayIriOrLowerCase() {
    assertThat(extract(jsonLd("{\"@type\":[\"Thing\",\"Product\"],\"name\":\"a\"}"))).hasSize(1);
    assertThat(extract(jsonLd("{\"@type\":\"http://schema.org/Product\",\"name\":\"b\"}"))).hasSize(1);
    assertThat(extract(jsonLd("{\"@type\":\"product\",\"name\":\"c\"}"))).hasSize(1);
  }

  @Test
  void trailingCommasAndCommentsAreTolerated() {
    List<ExtractedProduct> products = extract(jsonLd("""
        // generated by ShopCMS
        {"@type": "Product", /* the name */ "name": "Lamp",
         "offers": {"price": "10", "priceCurrency": "USD",},}"""));

    assertThat(products).singleElement().extracting(ExtractedProduct::name).isEqualTo("Lamp");
  }

  @Test
  void unescapedControlCharactersInStringsAreTolerated() {
    List<ExtractedProduct> products = extract(jsonLd("{\"@type\": \"Product\", \"name\": \"Two\nlines\tand a tab\"}"));

    assertThat(products.get(0).name()).isEqualTo("Two lines and a tab");
  }

  @Test
  void htmlEntitiesInStringsAreDecoded() {
    List<ExtractedProduct> products = extract(jsonLd("{\"@type\": \"Product\", \"name\": \"11&quot; iPad &amp; Pen <b>new</b>\"}"));

    assertThat(products.get(0).name()).isEqualTo("11\" iPad & Pen new");
  }

  @Test
  void cdataAndHtmlCommentWrappersAreStripped() {
    assertThat(extract(jsonLd("<![CDATA[{\"@type\":\"Product\",\"name\":\"a\"}]]>"))).hasSize(1);
    assertThat(extract(jsonLd("/*<![CDATA[*/{\"@type\":\"Product\",\"name\":\"b\"}/*]]>*/"))).hasSize(1);
    assertThat(extract(jsonLd("<!-- {\"@type\":\"Product\",\"name\":\"c\"} -->"))).hasSize(1);
  }

  @Test
  void wholeScriptEntityEncodedIsDecoded() {
    assertThat(extract(jsonLd("{&quot;@type&quot;:&quot;Product&quot;,&quot;name&quot;:&quot;a&quot;}"))).hasSize(1);
  }

  @Test
  void severalScriptsOnOnePageAreAllRead() {
    String html = "<script type='application/ld+json'>{\"@type\":\"BreadcrumbList\"}</script>"
        + "<script type='application/ld+json; charset=utf-8'>{\"@type\":\"Product\",\"name\":\"a\",\"sku\":\"1\"}</script>"
        + "<script type='APPLICATION/LD+JSON'>{\"@type\":\"Product\",\"name\":\"b\",\"sku\":\"2\"}</script>";

    assertThat(extract(html)).extracting(ExtractedProduct::name).containsExactly("a", "b");
  }

  @Test
  void severalValuesInOneScriptAreAllRead() {
    assertThat(candidates(jsonLd("{\"@type\":\"Product\",\"name\":\"a\"}\n{\"@type\":\"Product\",\"name\":\"b\"}")))
        .hasSize(2);
  }

  @Test
  void idReferencesAreResolved() {
    List<ExtractedProduct> products = extract(jsonLd("""
        {"@graph": [
          {"@type": "Product", "@id": "#p", "name": "Chair", "offers": {"@id": "#o"}},
          {"@type": "Offer", "@id": "#o", "price": "49", "priceCurrency": "GBP"}]}"""));

    assertThat(products).singleElement().satisfies(p -> assertThat(p.price()).isEqualByComparingTo("49"));
  }

  @Test
  void cyclicReferencesTerminate() {
    List<ExtractedProduct> products = extract(jsonLd("""
        {"@graph": [
          {"@type": "Product", "@id": "#p", "name": "Chair", "offers": {"@id": "#o"}},
          {"@type": "Offer", "@id": "#o", "price": "49", "priceCurrency": "GBP", "itemOffered": {"@id": "#p"}}]}"""));

    assertThat(products).singleElement().extracting(ExtractedProduct::name).isEqualTo("Chair");
  }

  @Test
  void offerWithItemOfferedYieldsTheProductAtTheOfferPrice() {
    List<ExtractedProduct> products = extract(jsonLd("""
        {"@type": "Offer", "price": "5.00", "priceCurrency": "USD",
         "itemOffered": {"@type": "Product", "name": "Mug"}}"""));

    assertThat(products).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("Mug");
      assertThat(p.price()).isEqualByComparingTo("5");
    });
  }

  @Test
  void productsInsideAProductAreRecommendationsNotRecords() {
    List<ExtractedProduct> products = extract(jsonLd("""
        {"@type": "Product", "name": "Main", "isSimilarTo": [{"@type": "Product", "name": "Other"}]}"""));

    assertThat(products).extracting(ExtractedProduct::name).containsExactly("Main");
  }

  @Test
  void numericSkuAndPriceAreKeptExactly() {
    List<ExtractedProduct> products = extract(jsonLd("""
        {"@type": "Product", "name": "Bed", "sku": 746423, "offers": {"price": 1759.99, "priceCurrency": "BRL"}}"""));

    assertThat(products.get(0).sku()).isEqualTo("746423");
    assertThat(products.get(0).price()).isEqualTo(new BigDecimal("1759.99"));
  }

  @Test
  void ratingWithThreeDecimalsIsNotReadAsThousands() {
    List<ExtractedProduct> products = extract(jsonLd("""
        {"@type": "Product", "name": "Shelf", "aggregateRating": {"ratingValue": "4.588", "ratingCount": "452"}}"""));

    assertThat(products.get(0).rating()).isEqualByComparingTo("4.588");
    assertThat(products.get(0).reviewCount()).isEqualTo(452L);
  }

  @Test
  void absurdNumbersAreDropped() {
    List<ExtractedProduct> products = extract(jsonLd("""
        {"@type": "Product", "name": "x", "offers": {"price": 1e999999999, "priceCurrency": "USD"}}"""));

    assertThat(products.get(0).price()).isNull();
  }

  @Test
  void malformedJsonYieldsNothingAndDoesNotThrow() {
    assertThat(candidates(jsonLd("{\"@type\": \"Product\", \"name\": "))).isEmpty();
    assertThat(candidates(jsonLd("not json at all"))).isEmpty();
    assertThat(candidates(jsonLd(""))).isEmpty();
  }

  @Test
  void deeplyNestedJsonIsBounded() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    String deepObjects = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);

    assertThat(candidates(jsonLd(deep))).isEmpty();
    assertThat(candidates(jsonLd(deepObjects))).isEmpty();
  }

  @Test
  void oversizedScriptIsSkipped() {
    String padding = " ".repeat(LenientJson.MAX_CHARS);

    assertThat(candidates(jsonLd("{\"@type\":\"Product\",\"name\":\"a\"}" + padding))).isEmpty();
  }
}

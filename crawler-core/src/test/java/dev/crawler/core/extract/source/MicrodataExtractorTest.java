package dev.crawler.core.extract.source;

import dev.crawler.core.extract.ExtractedProduct;
import dev.crawler.core.extract.Pages;
import static dev.crawler.core.extract.Pages.extract;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MicrodataExtractorTest {

  @Test
  void productWithNestedOfferIsRead() {
    List<ExtractedProduct> products = extract("""
        <div itemscope itemtype="https://schema.org/Product">
          <h1 itemprop="name">  Kettle
             steel </h1>
          <img itemprop="image" src="/k.jpg">
          <span itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">Hot</span></span>
          <meta itemprop="sku" content="K-9">
          <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
            <span itemprop="price" content="29.99">$29.99</span>
            <meta itemprop="priceCurrency" content="USD">
            <link itemprop="availability" href="https://schema.org/InStock">
          </div>
        </div>""");

    assertThat(products).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("Kettle steel");
      assertThat(p.price()).isEqualByComparingTo("29.99");
      assertThat(p.currency()).isEqualTo("USD");
      assertThat(p.sku()).isEqualTo("K-9");
      assertThat(p.brand()).isEqualTo("Hot");
      assertThat(p.availability()).isEqualTo("InStock");
      assertThat(p.image()).isEqualTo("https://shop.example.com/k.jpg");
      assertThat(p.sources()).containsEntry("price", "microdata");
    });
  }

  @Test
  void contentAttributeBeatsVisibleText() {
    List<ExtractedProduct> products = extract("""
        <div itemscope itemtype="http://schema.org/Product"><span itemprop="name">Tea</span>
          <div itemprop="offers" itemscope itemtype="http://schema.org/Offer">
            <span itemprop="price" content="1299.50">1.299,50 €</span><span itemprop="priceCurrency">EUR</span>
          </div></div>""");

    assertThat(products.get(0).price()).isEqualByComparingTo("1299.50");
  }

  @Test
  void blankContentAttributeFallsBackToText() {
    List<ExtractedProduct> products = extract("""
        <div itemscope itemtype="http://schema.org/Product"><span itemprop="name" content="">Tea</span></div>""");

    assertThat(products.get(0).name()).isEqualTo("Tea");
  }

  @Test
  void visiblePriceTextIsParsedWithItsSymbol() {
    List<ExtractedProduct> products = extract("""
        <div itemscope itemtype="http://schema.org/Product"><span itemprop="name">Tea</span>
          <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><span itemprop="price">1.299,50 €</span></div></div>""");

    assertThat(products.get(0).price()).isEqualByComparingTo("1299.50");
    assertThat(products.get(0).currency()).isEqualTo("EUR");
  }

  @Test
  void dataVocabularyProductIsRead() {
    List<ExtractedProduct> products = extract("""
        <div itemscope itemtype="http://data-vocabulary.org/Product">
          <span itemprop="name">Remote</span><span itemprop="brand">HP</span>
          <span itemprop="offerDetails" itemscope itemtype="http://data-vocabulary.org/Offer">
            <meta itemprop="currency" content="EUR"><span itemprop="price">20,00</span>
            <meta itemprop="availability" content="in_stock">
          </span></div>""");

    assertThat(products).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("Remote");
      assertThat(p.brand()).isEqualTo("HP");
      assertThat(p.price()).isEqualByComparingTo("20");
      assertThat(p.currency()).isEqualTo("EUR");
      assertThat(p.availability()).isEqualTo("InStock");
    });
  }

  @Test
  void aBrandPropertyIsReadWithoutTheLabelThatLeadsToIt() {
    for (String brand : new String[] {"Brand: Acme", "<span>See more from the brand: </span><a href=\"/b/acme\">Acme</a>",
        "<span>Ver mais artigos da Marca: </span><a href=\"/b/acme\">Acme</a>"}) {
      List<ExtractedProduct> products = extract("<div itemscope itemtype=\"https://schema.org/Product\">"
          + "<h1 itemprop=\"name\">Drill</h1><h5 itemprop=\"brand\">" + brand + "</h5>"
          + "<span itemprop=\"offers\" itemscope itemtype=\"https://schema.org/Offer\"><meta itemprop=\"priceCurrency\" "
          + "content=\"EUR\"><span itemprop=\"price\">20.00</span></span></div>");
      assertThat(products).as(brand).singleElement().satisfies(p -> assertThat(p.brand()).isEqualTo("Acme"));
    }
    // A colon in the name itself is not a label.
    assertThat(extract("<div itemscope itemtype=\"https://schema.org/Product\"><h1 itemprop=\"name\">Drill</h1>"
        + "<span itemprop=\"brand\">Studio: Nord</span><span itemprop=\"offers\" itemscope itemtype=\"https://schema.org/Offer\">"
        + "<meta itemprop=\"priceCurrency\" content=\"EUR\"><span itemprop=\"price\">20.00</span></span></div>"))
        .singleElement().satisfies(p -> assertThat(p.brand()).isEqualTo("Studio: Nord"));
  }

  @Test
  void itemrefPropertiesBelongToTheItem() {
    List<ExtractedProduct> products = extract("""
        <div itemscope itemtype="https://schema.org/Product" itemref="extra"><span itemprop="name">Cup</span></div>
        <div id="extra"><meta itemprop="sku" content="C-1"></div>""");

    assertThat(products.get(0).sku()).isEqualTo("C-1");
  }

  @Test
  void nestedItemsDoNotLeakPropertiesIntoTheirParent() {
    List<ExtractedProduct> products = extract("""
        <div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Main</span>
          <div itemprop="review" itemscope itemtype="https://schema.org/Review">
            <span itemprop="name">Great review title</span></div></div>""");

    assertThat(products.get(0).name()).isEqualTo("Main");
  }

  @Test
  void hiddenBoilerplateInsideTheNameIsIgnored() {
    List<ExtractedProduct> products = extract("""
        <div itemscope itemtype="https://schema.org/Product">
          <h1 itemprop="name"><span class="g-hdn">Details about &nbsp;</span>Zombie scars kit<span hidden>x</span>
          <span style="display: none">y</span><span class="sr-only">z</span></h1></div>""");

    assertThat(products.get(0).name()).isEqualTo("Zombie scars kit");
  }

  @Test
  void linkTargetIsNotAName() {
    List<ProductCandidate> candidates = Pages.run(new MicrodataExtractor(), """
        <div itemscope itemtype="https://schema.org/Product"><a itemprop="name" href="/product/3447921?rec=x">Other</a></div>""");

    assertThat(candidates).isEmpty();
  }

  @Test
  void itemOfferedTextReplacesAPollutedName() {
    List<ExtractedProduct> products = extract("""
        <div itemscope itemtype="http://schema.org/Product">
          <h1 itemprop="name"><a href="/login">Log In needed</a> $60 · Vintage skate board</h1>
          <div itemprop="offers" itemscope itemtype="http://schema.org/Offer">
            <meta itemprop="price" content="$60"><meta itemprop="priceCurrency" content="CAD">
            <meta itemprop="itemOffered" content="Vintage skate board"></div></div>""");

    assertThat(products.get(0).name()).isEqualTo("Vintage skate board");
    assertThat(products.get(0).price()).isEqualByComparingTo("60");
    assertThat(products.get(0).currency()).isEqualTo("CAD");
  }

  @Test
  void productIdWithSchemePrefixIsTheSku() {
    List<ExtractedProduct> products = extract("""
        <div itemscope itemtype="http://schema.org/Product"><span itemprop="name">Washer</span>
          <meta itemprop="productID" content="sku:2800395267"></div>""");

    assertThat(products.get(0).sku()).isEqualTo("2800395267");
  }

  @Test
  void everyTopLevelProductIsARecordInDocumentOrder() {
    List<ExtractedProduct> products = extract("""
        <div itemscope itemtype="http://schema.org/Product"><span itemprop="name">A</span><meta itemprop="sku" content="1">
          <meta itemprop="price" content="5"></div>
        <div itemscope itemtype="http://schema.org/Product"><span itemprop="name">B</span><meta itemprop="sku" content="2"></div>""");

    assertThat(products).extracting(ExtractedProduct::name).containsExactly("A", "B");
  }

  @Test
  void deeplyNestedItemsAreBounded() {
    String html = "<div itemscope itemtype='http://schema.org/Product' itemprop='x'>".repeat(2_000) + "</div>".repeat(2_000);

    assertThat(Pages.run(new MicrodataExtractor(), html)).isEmpty();
  }
}

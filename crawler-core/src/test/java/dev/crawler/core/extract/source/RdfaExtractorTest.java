package dev.crawler.core.extract.source;

import dev.crawler.core.extract.ExtractedProduct;
import dev.crawler.core.extract.Pages;
import static dev.crawler.core.extract.Pages.extract;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RdfaExtractorTest {

  @Test
  void rdfaLiteProductIsRead() {
    List<ExtractedProduct> products = extract("""
        <div vocab="https://schema.org/" typeof="Product">
          <span property="name">Anvil</span>
          <img property="image" src="anvil.jpg">
          <span property="brand" typeof="Brand"><span property="name">ACME</span></span>
          <span property="gtin13" content="4006381333931"></span>
          <div property="offers" typeof="Offer">
            <span property="priceCurrency" content="USD">$</span><span property="price" content="119.99">119.99</span>
            <link property="availability" href="https://schema.org/PreOrder">
          </div></div>""");

    assertThat(products).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("Anvil");
      assertThat(p.price()).isEqualByComparingTo("119.99");
      assertThat(p.currency()).isEqualTo("USD");
      assertThat(p.brand()).isEqualTo("ACME");
      assertThat(p.gtin()).isEqualTo("4006381333931");
      assertThat(p.availability()).isEqualTo("PreOrder");
      assertThat(p.image()).isEqualTo("https://shop.example.com/p/anvil.jpg");
      assertThat(p.sources()).containsEntry("name", "rdfa");
    });
  }

  @Test
  void prefixedPropertiesAreReadByLocalName() {
    List<ExtractedProduct> products = extract("""
        <div prefix="schema: http://schema.org/" typeof="schema:Product"><span property="schema:name">Hammer</span></div>""");

    assertThat(products).extracting(ExtractedProduct::name).containsExactly("Hammer");
  }

  @Test
  void metaPropertiesOutsideTypeofAreNotRdfaItems() {
    List<ProductCandidate> candidates = Pages.run(new RdfaExtractor(), """
        <head><meta property="og:title" content="Hammer"><meta property="product:price:amount" content="5"></head>""");

    assertThat(candidates).isEmpty();
  }
}

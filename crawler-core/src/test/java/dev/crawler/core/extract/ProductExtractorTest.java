package dev.crawler.core.extract;

import dev.crawler.core.extract.scan.PageScan;
import dev.crawler.core.extract.source.Extractor;
import dev.crawler.core.extract.source.JsonLdExtractor;
import dev.crawler.core.extract.source.OpenGraphExtractor;
import dev.crawler.core.extract.source.ProductCandidate;
import dev.crawler.core.extract.source.Source;
import static dev.crawler.core.extract.Pages.extract;
import static dev.crawler.core.extract.Pages.jsonLd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ProductExtractorTest {

  private static final String MICRODATA = """
      <div itemscope itemtype="http://schema.org/Product"><span itemprop="name">Micro name</span>
        <meta itemprop="sku" content="%s"><meta itemprop="gtin13" content="4006381333931">
        <div itemprop="offers" itemscope itemtype="http://schema.org/Offer">
          <meta itemprop="price" content="10"><meta itemprop="priceCurrency" content="EUR"></div></div>""";

  @Test
  void nullRulesAreRejectedAtOnce() {
    assertThatThrownBy(() -> new ProductExtractor(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExtractionRules(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nullOrRelativeArgumentsAreRejected() {
    ProductExtractor extractor = new ProductExtractor(ExtractionRules.none());
    Document doc = Pages.doc("<p>x</p>");

    assertThatThrownBy(() -> extractor.extract(null, Pages.URL)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> extractor.extract(doc, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> extractor.extract(doc, URI.create("/relative"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pageWithoutProductYieldsEmptyList() {
    assertThat(extract("<html><body><h1>About us</h1><p>Price: $10</p></body></html>")).isEmpty();
    assertThat(extract("")).isEmpty();
  }

  @Test
  void jsonLdBeatsMicrodataFieldByFieldAndSourcesSayWho() {
    String html = jsonLd("{\"@type\":\"Product\",\"name\":\"LD name\",\"sku\":\"S1\"}") + MICRODATA.formatted("S1");

    assertThat(extract(html)).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("LD name");
      assertThat(p.price()).isEqualByComparingTo("10");
      assertThat(p.gtin()).isEqualTo("4006381333931");
      assertThat(p.sources()).containsEntry("name", "json-ld").containsEntry("sku", "json-ld")
          .containsEntry("price", "microdata").containsEntry("gtin", "microdata");
    });
  }

  @Test
  void productsWithTheSameGtinAreMerged() {
    String html = jsonLd("""
        [{"@type":"Product","name":"A","gtin13":"4006381333931"},{"@type":"Product","name":"B","sku":"b"}]""")
        + MICRODATA.formatted("other-sku");

    List<ExtractedProduct> products = extract(html);

    assertThat(products).hasSize(2);
    assertThat(products.get(0).name()).isEqualTo("A");
    assertThat(products.get(0).price()).isEqualByComparingTo("10");
  }

  @Test
  void oneProductEachIsMergedEvenWithoutSharedIds() {
    String html = jsonLd("{\"@type\":\"Product\",\"name\":\"LD\",\"sku\":\"X\"}") + MICRODATA.formatted("Y");

    assertThat(extract(html)).singleElement().satisfies(p -> assertThat(p.sku()).isEqualTo("X"));
  }

  @Test
  void unrelatedProductsStaySeparate() {
    String html = jsonLd("""
        [{"@type":"Product","name":"A","sku":"a","offers":{"price":"1","priceCurrency":"EUR"}},
         {"@type":"Product","name":"B","sku":"b"}]""") + MICRODATA.formatted("c");

    assertThat(extract(html)).extracting(ExtractedProduct::sku).containsExactly("a", "b", "c");
  }

  @Test
  void pricedProductComesBeforeUnpricedOnes() {
    String html = jsonLd("[{\"@type\":\"Product\",\"name\":\"A\",\"sku\":\"a\"},{\"@type\":\"Product\",\"name\":\"B\",\"sku\":\"b\"}]")
        + MICRODATA.formatted("c");

    assertThat(extract(html)).extracting(ExtractedProduct::sku).containsExactly("c", "a", "b");
  }

  @Test
  void openGraphFillsTheGapsOfThePrimaryProduct() {
    String html = "<head><meta property='og:type' content='product'><meta property='og:title' content='OG name'>"
        + "<meta property='og:image' content='https://img.example.com/1.jpg'>"
        + "<meta property='product:price:amount' content='99'><meta property='product:price:currency' content='USD'></head>"
        + jsonLd("{\"@type\":\"Product\",\"name\":\"LD name\",\"offers\":{\"price\":\"49\",\"priceCurrency\":\"USD\"}}");

    assertThat(extract(html)).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("LD name");
      assertThat(p.price()).isEqualByComparingTo("49");
      assertThat(p.image()).isEqualTo("https://img.example.com/1.jpg");
      assertThat(p.sources()).containsEntry("image", "opengraph").containsEntry("price", "json-ld");
    });
  }

  @Test
  void openGraphWithAnotherGtinBecomesItsOwnPrimaryRecord() {
    String html = "<head><meta property='og:type' content='product'><meta property='og:title' content='Main'>"
        + "<meta property='product:gtin' content='96385074'></head>" + MICRODATA.formatted("carousel");

    assertThat(extract(html)).extracting(ExtractedProduct::name).containsExactly("Main", "Micro name");
  }

  @Test
  void productWhoseUrlIsThePageComesFirst() {
    String html = jsonLd("""
        [{"@type":"Product","name":"Carousel","sku":"c","url":"/p/7","offers":{"price":"1","priceCurrency":"USD"}},
         {"@type":"Product","name":"Main","sku":"m","url":"https://shop.example.com/p/42"}]""");

    assertThat(extract(html)).extracting(ExtractedProduct::name).containsExactly("Main", "Carousel");
  }

  @Test
  void canonicalOnTheSameHostIsTheProductUrl() {
    String html = "<link rel='canonical' href='/p/42-oak-table#reviews'>" + jsonLd("{\"@type\":\"Product\",\"name\":\"a\"}");

    assertThat(extract(html).get(0).url()).isEqualTo("https://shop.example.com/p/42-oak-table");
  }

  @Test
  void canonicalOnAnotherHostIsIgnored() {
    String html = "<link rel='canonical' href='https://evil.example.org/x'>" + jsonLd("{\"@type\":\"Product\",\"name\":\"a\"}");

    assertThat(extract(html).get(0).url()).isEqualTo(Pages.URL.toString());
  }

  @Test
  void baseHrefResolvesRelativeImages() {
    String html = "<head><base href='https://cdn.example.com/assets/'></head>"
        + jsonLd("{\"@type\":\"Product\",\"name\":\"a\",\"image\":\"pic.jpg\"}");

    assertThat(extract(html).get(0).image()).isEqualTo("https://cdn.example.com/assets/pic.jpg");
  }

  @Test
  void failingExtractorCostsOnlyItsOwnCandidates() {
    Extractor broken = new Extractor() {
      @Override
      public Source source() {
        return Source.MICRODATA;
      }

      @Override
      public List<ProductCandidate> extract(PageScan scan) {
        throw new IllegalStateException("simulated extractor bug");
      }
    };
    ProductExtractor extractor = ProductExtractor.of(List.of(new JsonLdExtractor(), broken, new OpenGraphExtractor()));
    String html = jsonLd("{\"@type\":\"Product\",\"name\":\"ok\"}");

    assertThat(extractor.extract(Pages.doc(html), Pages.URL)).extracting(ExtractedProduct::name).containsExactly("ok");
  }

  @Test
  void oneInstanceServesManyThreadsWithIdenticalResults() throws Exception {
    ProductExtractor extractor = new ProductExtractor(ExtractionRules.none());
    String html = jsonLd("{\"@type\":\"Product\",\"name\":\"a\",\"offers\":{\"price\":\"1.299,00 €\"}}") + MICRODATA.formatted("s");
    List<ExtractedProduct> expected = extractor.extract(Pages.doc(html), Pages.URL);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<List<ExtractedProduct>>> tasks = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        tasks.add(() -> extractor.extract(Pages.doc(html), Pages.URL));
      }
      for (Future<List<ExtractedProduct>> result : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

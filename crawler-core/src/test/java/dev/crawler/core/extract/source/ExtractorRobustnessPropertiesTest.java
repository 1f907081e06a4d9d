package dev.crawler.core.extract.source;

import dev.crawler.core.extract.ExtractedProduct;
import dev.crawler.core.extract.ExtractionRules;
import dev.crawler.core.extract.Pages;
import dev.crawler.core.extract.ProductExtractor;
import dev.crawler.core.extract.SiteRule;
import dev.crawler.core.extract.choose.ProductMerger;
import dev.crawler.core.extract.normalise.Gtin;
import dev.crawler.core.extract.normalise.PageContext;
import dev.crawler.core.extract.normalise.TextCleaner;
import dev.crawler.core.extract.scan.PageScan;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.jsoup.nodes.Document;

/**
 * Every extractor, fed arbitrary and mangled HTML and JSON, returns instead of throwing, and what it
 * returns honours the output invariants. Extractors are called directly here, because
 * {@link ProductExtractor} would hide an exception behind its isolation guard.
 */
class ExtractorRobustnessPropertiesTest {

  private static final ExtractionRules RULES = new ExtractionRules(List.of(new SiteRule("*.example.com",
      "h1, [itemprop=name]", "span, .price", "meta", "input", "div", "img")));

  private static final SiteRuleExtractor SITE_RULES = new SiteRuleExtractor(RULES);
  private static final List<Extractor> EXTRACTORS = List.of(SITE_RULES, new JsonLdExtractor(),
      new MicrodataExtractor(), new RdfaExtractor(), new OpenGraphExtractor());

  private static final List<String> VALID_JSON_LD = List.of(
      """
      {"@context":"https://schema.org","@type":"Product","name":"Oak &amp; table","sku":"T-1","gtin13":"4006381333931",
       "brand":{"@type":"Brand","name":"Woody"},"image":["/a.jpg",{"url":"b.jpg"}],
       "aggregateRating":{"ratingValue":"4,5","reviewCount":12},
       "offers":[{"@type":"Offer","price":"1.299,00","priceCurrency":"eur","availability":"InStock"},
                 {"@type":"AggregateOffer","lowPrice":9.5,"highPrice":20,"priceCurrency":"USD"}]}""",
      """
      {"@graph":[{"@type":"ProductGroup","name":"Shirt","hasVariant":[{"@id":"#v1"},{"@type":"Product","sku":"v2"}]},
       {"@type":"Product","@id":"#v1","sku":"v1","offers":{"@id":"#o"}},
       {"@type":"Offer","@id":"#o","priceSpecification":{"price":19.5,"priceCurrency":"CHF"},"itemOffered":{"@id":"#v1"}}]}""",
      """
      [{"@type":["Thing","http://schema.org/Product"],"name":"x","offers":{"price":1e308}},
       {"@type":"Offer","price":"$5","itemOffered":{"@type":"product","name":"y"}}]""");

  @Property(tries = 300)
  void everyExtractorSurvivesArbitraryText(@ForAll String text) {
    runAll("<html><body>" + text + "</body></html>");
    runAll(text);
    runAll(Pages.jsonLd(text));
  }

  @Property(tries = 500)
  void everyExtractorSurvivesMangledHtml(@ForAll("mangledHtml") String html) {
    Statistics.label("found a product").collect(runAll(html) > 0);
    // The generator must reach the extraction paths, not only the early exits.
    Statistics.label("found a product").coverage(check -> check.check(true).percentage(p -> p >= 5));
  }

  @Property(tries = 500)
  void everyExtractorSurvivesMangledJsonLd(@ForAll("mangledJsonLd") String json) {
    Statistics.label("found a product").collect(runAll(Pages.jsonLd(json)) > 0);
    // The generator must reach the extraction paths, not only the early exits.
    Statistics.label("found a product").coverage(check -> check.check(true).percentage(p -> p >= 5));
  }

  @Property(tries = 100)
  void productExtractorNeverThrowsAndHonoursInvariants(@ForAll("mangledHtml") String html) {
    Document doc = Pages.doc(html);
    for (ExtractedProduct product : new ProductExtractor(RULES).extract(doc, Pages.URL)) {
      checkInvariants(product);
    }
  }

  /** Runs each extractor directly, then merges their candidates; returns the number of products. */
  private static int runAll(String html) {
    Document doc = Pages.doc(html);
    PageScan scan = Pages.scan(doc, Pages.URL, SITE_RULES.wanted(Pages.URL.getHost()));
    PageContext page = scan.context();
    Map<Source, List<ProductCandidate>> bySource = new EnumMap<>(Source.class);
    for (Extractor extractor : EXTRACTORS) {
      List<ProductCandidate> candidates = extractor.extract(scan);
      for (ProductCandidate candidate : candidates) {
        assertThat(candidate.source()).isEqualTo(extractor.source());
        assertThat(candidate.isSubstantial()).isTrue();
      }
      bySource.put(extractor.source(), candidates);
    }
    List<ExtractedProduct> products = ProductMerger.merge(bySource, page);
    products.forEach(ExtractorRobustnessPropertiesTest::checkInvariants);
    return products.size();
  }

  private static void checkInvariants(ExtractedProduct product) {
    assertThat(product.url()).startsWith("https://shop.example.com/");
    if (product.price() != null) {
      assertThat(product.price().signum()).isGreaterThanOrEqualTo(0);
    }
    if (product.currency() != null) {
      assertThat(Currency.getInstance(product.currency()).getCurrencyCode()).isEqualTo(product.currency());
    }
    if (product.gtin() != null) {
      assertThat(Gtin.hasValidCheckDigit(product.gtin())).isTrue();
    }
    if (product.image() != null) {
      assertThat(product.image()).matches("(?i)https?://.+");
    }
    if (product.name() != null) {
      assertThat(product.name()).isEqualTo(product.name().strip()).hasSizeLessThanOrEqualTo(TextCleaner.MAX_LENGTH);
    }
  }

  /** HTML built from the fragments product pages are made of, in random order and nesting. */
  @Provide
  Arbitrary<String> mangledHtml() {
    Arbitrary<String> fragment = Arbitraries.oneOf(
        Arbitraries.of(
            "<div itemscope itemtype='http://schema.org/Product'>", "<div itemscope itemtype='http://schema.org/Offer' itemprop='offers'>",
            "<span itemprop='name'>", "<span itemprop='price' content='1,5'>", "<meta itemprop='priceCurrency' content='RUR'>",
            "<link itemprop='availability' href='http://schema.org/InStock'>", "<img itemprop='image' src='//x'>",
            "<div itemscope itemref='a b c' id='a'>", "<div vocab='https://schema.org/' typeof='Product'>",
            "<span property='offers' typeof='Offer'>", "<span property='price'>", "<span property='name' content=''>",
            "<meta property='og:type' content='product'>", "<meta property='product:price:amount' content='١٢٣'>",
            "<meta property='og:title' content='[x] y | z'>", "<meta name='twitter:label1' content='Price'>",
            "<meta name='twitter:data1' content='€'>", "<base href='http://[::1'>", "<base href='javascript:x'>",
            "<link rel='canonical' href='https://shop.example.com/%zz'>", "<html lang='zz-ZZZZ-\u0000'>",
            "<h1>", "</h1>", "</div>", "</span>", "<script type='application/ld+json'>", "</script>",
            "{\"@type\":\"Product\",", "\"offers\":[", "]", "}", "\"price\":\"9,99 zł\"", "<!--", "-->", "<![CDATA[",
            "<input value='x'>", "<span class='g-hdn' hidden>", "&quot;", "&#0;", "\uFEFF", "\uD800"),
        Arbitraries.strings().ofMaxLength(12));
    return fragment.list().ofMaxSize(60).map(parts -> String.join("", parts));
  }

  /** Valid JSON-LD documents with random deletions, insertions, duplications and truncation. */
  @Provide
  Arbitrary<String> mangledJsonLd() {
    Arbitrary<String> base = Arbitraries.of(VALID_JSON_LD);
    Arbitrary<String> insertion = Arbitraries.oneOf(
        Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "\\", "/*", "//", "\n", "\u0000", "&amp;", "1e999", "null", "@id"),
        Arbitraries.strings().ofMaxLength(5));
    Arbitrary<List<int[]>> edits = Combinators.combine(
            Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 8))
        .as((kind, position, length) -> new int[] {kind, position, length})
        .list().ofMaxSize(8);
    return Combinators.combine(base, edits, insertion.list().ofSize(8)).as((json, ops, inserts) -> {
      StringBuilder text = new StringBuilder(json);
      for (int i = 0; i < ops.size(); i++) {
        int at = ops.get(i)[1] % (text.length() + 1);
        switch (ops.get(i)[0]) {
          case 0 -> text.delete(at, Math.min(text.length(), at + ops.get(i)[2]));
          case 1 -> text.insert(at, inserts.get(i));
          default -> text.setLength(at);
        }
      }
      return text.toString();
    });
  }
}

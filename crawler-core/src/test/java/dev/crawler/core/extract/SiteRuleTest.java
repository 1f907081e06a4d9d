package dev.crawler.core.extract;

import dev.crawler.core.extract.source.RuleSelector;
import static dev.crawler.core.extract.Pages.extract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SiteRuleTest {

  private static SiteRule rule(String host) {
    return new SiteRule(host, "h1", null, null, null, null, null);
  }

  @Test
  void badSelectorIsRejectedNamingTheField() {
    assertThatThrownBy(() -> new SiteRule("shop.example.com", "h1", "div[", null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("price selector");
    assertThatThrownBy(() -> new SiteRule("shop.example.com", "h1", null, null, null, "::bogus(", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("availability selector");
    assertThatThrownBy(() -> new SiteRule("shop.example.com", " ", null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name selector");
  }

  @Test
  void malformedHostPatternIsRejected() {
    for (String bad : new String[] {"", "https://shop.example.com", "shop.example.com/path", "*", "a.*.com", "shop example"}) {
      assertThatThrownBy(() -> rule(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("hostPattern");
    }
    assertThatThrownBy(() -> rule(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ruleWithoutSelectorsIsRejected() {
    assertThatThrownBy(() -> new SiteRule("shop.example.com", null, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no selectors");
  }

  @Test
  void wildcardMatchesTheDomainAndItsSubdomains() {
    SiteRule wildcard = rule("*.Example.com");

    assertThat(wildcard.hostPattern()).isEqualTo("*.example.com");
    assertThat(wildcard.matches("example.com")).isTrue();
    assertThat(wildcard.matches("www.example.com")).isTrue();
    assertThat(wildcard.matches("a.b.EXAMPLE.com")).isTrue();
    assertThat(wildcard.matches("notexample.com")).isFalse();
    assertThat(rule("shop.example.com").matches("www.shop.example.com")).isFalse();
  }

  @Test
  void exactHostBeatsWildcardAndLongerWildcardBeatsShorter() {
    SiteRule broad = rule("*.example.com");
    SiteRule narrow = rule("*.shop.example.com");
    SiteRule exact = rule("www.shop.example.com");
    ExtractionRules rules = new ExtractionRules(List.of(broad, narrow, exact));

    assertThat(rules.ruleFor("www.shop.example.com")).contains(exact);
    assertThat(rules.ruleFor("eu.shop.example.com")).contains(narrow);
    assertThat(rules.ruleFor("blog.example.com")).contains(broad);
    assertThat(rules.ruleFor("other.org")).isEmpty();
  }

  @Test
  void duplicateHostPatternsAreRejected() {
    assertThatThrownBy(() -> new ExtractionRules(List.of(rule("a.example.com"), rule("A.example.com"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a.example.com");
  }

  @Test
  void siteRuleReadsAShopWithoutStructuredData() {
    ExtractionRules rules = new ExtractionRules(List.of(new SiteRule("shop.example.com",
        "#title", "#price", null, "input#sku", "#stock", "#main-img")));
    String html = """
        <h1 id="title"> Duffle bag </h1><span id="price">$87.11</span><input id="sku" type="hidden" value="B01">
        <div id="stock">In Stock.</div><img id="main-img" src="data:image/gif;base64,R0l" data-src="/bag.jpg">""";

    assertThat(extract(html, rules)).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("Duffle bag");
      assertThat(p.price()).isEqualByComparingTo("87.11");
      assertThat(p.currency()).isEqualTo("USD");
      assertThat(p.sku()).isEqualTo("B01");
      assertThat(p.availability()).isEqualTo("InStock");
      assertThat(p.image()).isEqualTo("https://shop.example.com/bag.jpg");
      assertThat(p.sources()).containsOnlyKeys("name", "price", "currency", "sku", "availability", "image")
          .containsValue("site-rule");
    });
  }

  @Test
  void aSelectorCanNameTheAttributeThatHoldsTheValue() {
    ExtractionRules rules = new ExtractionRules(List.of(new SiteRule("shop.example.com",
        "h1", "div.buy @data-amount", null, "[data-sku]", "div.buy @data-stock", "a.zoom @data-large")));
    String html = """
        <h1>Duffle bag</h1><div class="buy" data-amount="87.11 USD" data-stock="Sold out">Buy now</div>
        <div class="product" data-sku="DB-01">Details</div><a class="zoom" href="/small.jpg" data-large="/large.jpg">zoom</a>""";

    assertThat(extract(html, rules)).singleElement().satisfies(p -> {
      assertThat(p.price()).isEqualByComparingTo("87.11");
      assertThat(p.sku()).isEqualTo("DB-01");
      assertThat(p.availability()).isEqualTo("SoldOut");
      assertThat(p.image()).isEqualTo("https://shop.example.com/large.jpg");
    });
  }

  @Test
  void aNamedAttributeTheElementLacksGivesNoValueRatherThanItsText() {
    ExtractionRules rules = new ExtractionRules(List.of(new SiteRule("shop.example.com", "h1", null, null,
        "div.product @data-sku", null, null)));

    assertThat(extract("<h1>Duffle bag</h1><div class=\"product\">Details 123</div>", rules)).singleElement()
        .satisfies(p -> assertThat(p.sku()).isNull());
  }

  @Test
  void theCssBeforeAnAttributeNameIsValidatedLikeAnyOther() {
    assertThatThrownBy(() -> new SiteRule("shop.example.com", "h1", null, null, "div[ @data-sku", null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sku selector is not valid CSS");
    assertThat(RuleSelector.parse("div.product @data-sku")).isEqualTo(new RuleSelector("div.product", "data-sku"));
    assertThat(RuleSelector.parse("#price")).isEqualTo(new RuleSelector("#price", null));
  }

  @Test
  void siteRuleValuesBeatStructuredDataFieldByField() {
    ExtractionRules rules = new ExtractionRules(List.of(new SiteRule("*.example.com", null, ".now", null, null, null, null)));
    String html = Pages.jsonLd("""
        {"@type": "Product", "name": "Sink", "offers": {"price": "1148", "priceCurrency": "PLN"}}""")
        + "<span class='now'>997,00 zł</span>";

    assertThat(extract(html, rules)).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("Sink");
      assertThat(p.price()).isEqualByComparingTo("997");
      assertThat(p.sources()).containsEntry("price", "site-rule").containsEntry("name", "json-ld");
    });
  }

  @Test
  void ruleForAnotherHostIsNotApplied() {
    ExtractionRules rules = new ExtractionRules(List.of(new SiteRule("other.example.org", "h1", null, null, null, null, null)));

    assertThat(extract("<h1>Not a product</h1>", rules)).isEmpty();
  }
}

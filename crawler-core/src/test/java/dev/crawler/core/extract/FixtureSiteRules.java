package dev.crawler.core.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * The site rules a deployment crawling the fixture shops would configure: one per shop whose pages
 * carry no usable structured data for a field. They are configuration, not code, and live here
 * (rather than being tuned into the extractors) so the report can show quality with and without
 * them. Each selector was written from the shop's markup, the way an operator would.
 */
final class FixtureSiteRules {

  private FixtureSiteRules() {}

  static ExtractionRules rules() {
    List<SiteRule> rules = new ArrayList<>();
    for (String host : List.of("www.amazon.com", "www.amazon.de", "www.amazon.it")) {
      rules.add(new SiteRule(host,
          "#productTitle",
          "#priceblock_ourprice, #priceblock_dealprice, #priceblock_saleprice, #price_inside_buybox",
          null,
          "input#ASIN",
          "#availability",
          "#landingImage"));
    }
    // Classified ads: the price is visible text only ("€ 20,-").
    rules.add(new SiteRule("www.laendleanzeiger.at", null, ".detail .price strong", null, null, null, null));
    rules.add(new SiteRule("www.mechta.kz",
        "h1 > span:not(.element-article)", ".aa_e_price .ok_pr", null, "h1 > .element-article", null, null));
    rules.add(new SiteRule("i3fresh.tw", ".prd_right > .title", ".pdeal", null, null, null, ".li1 > img.img"));
    return new ExtractionRules(rules);
  }
}

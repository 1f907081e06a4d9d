package dev.crawler.core.extract;

import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/** The product a {@link SiteRule} for the page's host reads; see {@link SiteRule} for how values are read. */
final class SiteRuleExtractor implements Extractor {

  private final ExtractionRules rules;

  SiteRuleExtractor(ExtractionRules rules) {
    this.rules = rules;
  }

  @Override
  public Source source() {
    return Source.SITE_RULE;
  }

  @Override
  public List<ProductCandidate> extract(Document doc, PageContext page) {
    Optional<SiteRule> rule = rules.ruleFor(page.host());
    if (rule.isEmpty()) {
      return List.of();
    }
    SiteRule r = rule.get();
    return new CandidateBuilder(Source.SITE_RULE, page)
        .name(text(doc, r.name()))
        .priceText(text(doc, r.price()))
        .currency(text(doc, r.currency()))
        .sku(text(doc, r.sku()))
        .availability(text(doc, r.availability()))
        .image(imageUrl(doc, r.image()))
        .build()
        .map(List::of)
        .orElse(List.of());
  }

  private static @Nullable String text(Document doc, @Nullable String selector) {
    RuleSelector rule = selector == null ? null : RuleSelector.parse(selector);
    Element element = rule == null ? null : doc.selectFirst(rule.css());
    if (element == null) {
      return null;
    }
    if (rule.attribute() != null) {
      return rule.attributeOf(element);
    }
    if (element.hasAttr("content")) {
      return element.attr("content");
    }
    if (element.hasAttr("value")) {
      return element.attr("value");
    }
    return VisibleText.of(element);
  }

  private static @Nullable String imageUrl(Document doc, @Nullable String selector) {
    RuleSelector rule = selector == null ? null : RuleSelector.parse(selector);
    Element element = rule == null ? null : doc.selectFirst(rule.css());
    if (element == null) {
      return null;
    }
    if (rule.attribute() != null) {
      return rule.attributeOf(element);
    }
    if (element.hasAttr("content")) {
      return element.attr("content");
    }
    if (element.hasAttr("src") || element.hasAttr("data-src")) {
      return MicrodataItems.imageSource(element);
    }
    return element.hasAttr("href") ? element.attr("href") : null;
  }
}

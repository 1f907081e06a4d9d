package dev.crawler.core.extract.source;

import dev.crawler.core.extract.ExtractionRules;
import dev.crawler.core.extract.SiteRule;
import dev.crawler.core.extract.scan.PageScan;
import dev.crawler.core.extract.scan.VisibleText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * The product a {@link SiteRule} for the page's host reads; see {@link SiteRule} for how values are
 * read. The rule's selectors are matched during the page's one {@link PageScan}: {@link #wanted}
 * gives the scan their evaluators, and {@link #extract} reads the first element each matched.
 */
public final class SiteRuleExtractor implements Extractor {

  private enum Field { NAME, PRICE, CURRENCY, SKU, AVAILABILITY, IMAGE }

  private record FieldSelector(Field field, RuleSelector selector) {}

  private final ExtractionRules rules;

  public SiteRuleExtractor(ExtractionRules rules) {
    this.rules = rules;
  }

  @Override
  public Source source() {
    return Source.SITE_RULE;
  }

  /**
   * The selectors the scan of a page on {@code host} must match, in the order {@link #extract}
   * reads the matches; empty when no rule applies. Evaluators are compiled afresh for each page,
   * because Jsoup's structural evaluators remember the elements they matched.
   */
  public List<Evaluator> wanted(String host) {
    List<Evaluator> evaluators = new ArrayList<>();
    for (FieldSelector field : fields(host)) {
      evaluators.add(QueryParser.parse(field.selector().css()));
    }
    return evaluators;
  }

  @Override
  public List<ProductCandidate> extract(PageScan scan) {
    List<FieldSelector> fields = fields(scan.context().host());
    if (fields.isEmpty()) {
      return List.of();
    }
    CandidateBuilder builder = new CandidateBuilder(Source.SITE_RULE, scan.context());
    for (int i = 0; i < fields.size(); i++) {
      Element element = scan.markup().match(i);
      if (element == null) {
        continue;
      }
      RuleSelector selector = fields.get(i).selector();
      switch (fields.get(i).field()) {
        case NAME -> builder.name(text(element, selector));
        case PRICE -> builder.priceText(text(element, selector));
        case CURRENCY -> builder.currency(text(element, selector));
        case SKU -> builder.sku(text(element, selector));
        case AVAILABILITY -> builder.availability(text(element, selector));
        case IMAGE -> builder.image(imageUrl(element, selector));
      }
    }
    return builder.build().map(List::of).orElse(List.of());
  }

  private List<FieldSelector> fields(String host) {
    List<FieldSelector> fields = new ArrayList<>();
    rules.ruleFor(host.toLowerCase(Locale.ROOT)).ifPresent(rule -> {
      add(fields, Field.NAME, rule.name());
      add(fields, Field.PRICE, rule.price());
      add(fields, Field.CURRENCY, rule.currency());
      add(fields, Field.SKU, rule.sku());
      add(fields, Field.AVAILABILITY, rule.availability());
      add(fields, Field.IMAGE, rule.image());
    });
    return fields;
  }

  private static void add(List<FieldSelector> fields, Field field, @Nullable String selector) {
    if (selector != null) {
      fields.add(new FieldSelector(field, RuleSelector.parse(selector)));
    }
  }

  private static @Nullable String text(Element element, RuleSelector rule) {
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

  private static @Nullable String imageUrl(Element element, RuleSelector rule) {
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

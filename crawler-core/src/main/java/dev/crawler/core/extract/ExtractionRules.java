package dev.crawler.core.extract;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Per-site extraction configuration.
 *
 * @param siteRules CSS-selector rules, at most one per host pattern; when several patterns match a
 *     host, the exact host beats a wildcard and a longer wildcard beats a shorter one
 * @throws IllegalArgumentException when the list or an element is null, or two rules share a host
 *     pattern
 */
public record ExtractionRules(List<SiteRule> siteRules) {

  private static final ExtractionRules NONE = new ExtractionRules(List.of());

  public ExtractionRules {
    if (siteRules == null) {
      throw new IllegalArgumentException("siteRules must not be null; use ExtractionRules.none()");
    }
    Set<String> patterns = new HashSet<>();
    for (SiteRule rule : siteRules) {
      if (rule == null) {
        throw new IllegalArgumentException("siteRules must not contain null");
      }
      if (!patterns.add(rule.hostPattern())) {
        throw new IllegalArgumentException("two site rules for hostPattern " + rule.hostPattern());
      }
    }
    siteRules = List.copyOf(siteRules);
  }

  /** No site rules: structured data only. */
  public static ExtractionRules none() {
    return NONE;
  }

  /** The most specific rule for {@code host}, if any. */
  public Optional<SiteRule> ruleFor(String host) {
    return siteRules.stream()
        .filter(rule -> rule.matches(host))
        .max(Comparator.comparingInt(SiteRule::specificity));
  }
}

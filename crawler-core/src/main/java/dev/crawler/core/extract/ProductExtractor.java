package dev.crawler.core.extract;

import dev.crawler.core.extract.choose.PageEvidence;
import dev.crawler.core.extract.choose.PriceChooser;
import dev.crawler.core.extract.choose.ProductMerger;
import dev.crawler.core.extract.choose.VisiblePageExtractor;
import dev.crawler.core.extract.normalise.PageContext;
import dev.crawler.core.extract.scan.PageCues;
import dev.crawler.core.extract.scan.PageScan;
import dev.crawler.core.extract.source.Extractor;
import dev.crawler.core.extract.source.JsonLdExtractor;
import dev.crawler.core.extract.source.MicrodataExtractor;
import dev.crawler.core.extract.source.OpenGraphExtractor;
import dev.crawler.core.extract.source.ProductCandidate;
import dev.crawler.core.extract.source.RdfaExtractor;
import dev.crawler.core.extract.source.SiteRuleExtractor;
import dev.crawler.core.extract.source.Source;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts the products on a parsed page.
 *
 * <h2>How</h2>
 * One {@link PageScan} walks the page once and gathers what every extractor reads. Five extractors
 * then read that scan independently, each into normalised candidates: site rules
 * ({@link SiteRule}), JSON-LD, microdata, RDFa Lite and meta tags (OpenGraph, product:*, Twitter
 * Card). Then the general page extractor ({@link VisiblePageExtractor}) reads what a shopper sees:
 * heading, price, labelled identifiers, buy button, stock phrases and the page's script state.
 * {@link ProductMerger} groups candidates that describe the same product and, per field, keeps the
 * value of the highest-precedence extractor: site rules, JSON-LD, microdata, RDFa, OpenGraph, page,
 * except that a structured price that is implausible (zero, or never shown on the page while a
 * confident price sits beside the name) gives way to the price the page shows.
 * The page's primary product comes first in the result.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Pure: no I/O, no clock; the result depends only on the document, the URL and the rules.
 *   <li>Immutable and thread-safe: one instance serves every parse thread.
 *   <li>Never throws because of page content. Malformed JSON, absurd numbers, deep nesting and huge
 *       scripts are bounded or skipped; an unexpected failure inside one extractor (a bug) costs
 *       only that extractor's candidates and is logged at WARN with the page URL, at most
 *       {@link #MAX_FAILURE_LOGS} times per instance, then at DEBUG.
 *   <li>Caller mistakes (null arguments, a relative page URL) throw {@link IllegalArgumentException}.
 * </ul>
 */
public final class ProductExtractor {

  static final int MAX_FAILURE_LOGS = 20;
  private static final Logger LOG = LoggerFactory.getLogger(ProductExtractor.class);

  private final SiteRuleExtractor siteRules;
  private final List<Extractor> extractors;
  private final @Nullable VisiblePageExtractor general;
  private final PageCues cues;
  // Only caps log volume; it does not influence results.
  private final AtomicInteger failuresLogged = new AtomicInteger();

  /**
   * @param rules per-site rules; {@link ExtractionRules#none()} for structured data only
   * @throws IllegalArgumentException when {@code rules} is null
   */
  public ProductExtractor(ExtractionRules rules) {
    this(siteRules(rules), true);
  }

  private ProductExtractor(SiteRuleExtractor siteRules, boolean general) {
    this(siteRules, List.of(siteRules, new JsonLdExtractor(), new MicrodataExtractor(), new RdfaExtractor(),
        new OpenGraphExtractor()), general);
  }

  private ProductExtractor(SiteRuleExtractor siteRules, List<Extractor> extractors, boolean general) {
    this.siteRules = siteRules;
    this.extractors = List.copyOf(extractors);
    this.cues = PageCues.standard();
    this.general = general ? new VisiblePageExtractor(cues) : null;
  }

  /** For tests: an extractor running a chosen set of extractors, without the general one. */
  static ProductExtractor of(List<Extractor> extractors) {
    return new ProductExtractor(siteRules(ExtractionRules.none()), extractors, false);
  }

  private static SiteRuleExtractor siteRules(ExtractionRules rules) {
    if (rules == null) {
      throw new IllegalArgumentException("rules must not be null; use ExtractionRules.none()");
    }
    return new SiteRuleExtractor(rules);
  }

  /** The page's one walk; the site rule for its host, if any, is matched on the way. */
  private PageScan scan(Document doc, URI pageUrl) {
    String host = pageUrl.getHost() == null ? "" : pageUrl.getHost();
    return PageScan.of(doc, pageUrl, cues, siteRules.wanted(host));
  }

  /**
   * The products on {@code doc}, the page's primary product first; empty when there is none.
   *
   * @param doc the parsed page
   * @param pageUrl the absolute URL the page was fetched from (after redirects)
   * @throws IllegalArgumentException when an argument is null or {@code pageUrl} is not absolute
   */
  public List<ExtractedProduct> extract(Document doc, URI pageUrl) {
    if (doc == null) {
      throw new IllegalArgumentException("doc must not be null");
    }
    if (pageUrl == null || !pageUrl.isAbsolute()) {
      throw new IllegalArgumentException("pageUrl must be an absolute URI, got: " + pageUrl);
    }
    try {
      PageScan scan = scan(doc, pageUrl);
      PageContext page = scan.context();
      Map<Source, List<ProductCandidate>> bySource = new EnumMap<>(Source.class);
      for (Extractor extractor : extractors) {
        bySource.put(extractor.source(), run(extractor, scan));
      }
      PageEvidence shown = PageEvidence.NONE;
      if (general != null) {
        VisiblePageExtractor.Reading reading = readPage(scan, bySource);
        bySource.put(Source.PAGE, reading.candidate().map(List::of).orElse(List.of()));
        shown = reading.evidence();
      }
      return ProductMerger.merge(bySource, page, shown);
    } catch (RuntimeException bug) {
      // The scan and merging are meant to be total; if they are not, the page yields nothing.
      report("page scan or merge", pageUrl, bug);
      return List.of();
    }
  }

  private List<ProductCandidate> run(Extractor extractor, PageScan scan) {
    try {
      return extractor.extract(scan);
    } catch (RuntimeException bug) {
      // A defect in one extractor must not cost the page the others' products.
      report(extractor.source().label() + " extractor", scan.context().pageUrl(), bug);
      return List.of();
    }
  }

  /**
   * How the general page extractor read {@code doc}: its price candidates with their scores and
   * reasons, best first, the identifier it chose and the availability it decided, one line each.
   * For people writing or debugging extraction ({@code crawler extract --explain}); not a stable format.
   *
   * @throws IllegalArgumentException when an argument is null or {@code pageUrl} is not absolute
   */
  public List<String> explain(Document doc, URI pageUrl) {
    if (doc == null || pageUrl == null || !pageUrl.isAbsolute()) {
      throw new IllegalArgumentException("doc and an absolute pageUrl are required, got: " + pageUrl);
    }
    if (general == null) {
      return List.of("the general page extractor is off");
    }
    PageScan scan = scan(doc, pageUrl);
    List<List<ProductCandidate>> others = extractors.stream().map(e -> run(e, scan)).toList();
    return general.read(scan, VisiblePageExtractor.Known.of(others)).explanation();
  }

  private VisiblePageExtractor.Reading readPage(PageScan scan, Map<Source, List<ProductCandidate>> others) {
    try {
      return general.read(scan, VisiblePageExtractor.Known.of(others.values()));
    } catch (RuntimeException bug) {
      report(Source.PAGE.label() + " extractor", scan.context().pageUrl(), bug);
      return VisiblePageExtractor.Reading.NOTHING;
    }
  }

  private void report(String what, URI pageUrl, RuntimeException bug) {
    if (failuresLogged.getAndIncrement() < MAX_FAILURE_LOGS) {
      LOG.warn("{} failed on {}", what, pageUrl, bug);
    } else {
      LOG.debug("{} failed on {}", what, pageUrl, bug);
    }
  }
}

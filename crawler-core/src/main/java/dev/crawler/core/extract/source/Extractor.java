package dev.crawler.core.extract.source;

import dev.crawler.core.extract.ProductExtractor;
import dev.crawler.core.extract.scan.PageScan;
import java.util.List;

/**
 * One way of reading products from a page. Implementations are stateless and thread-safe, and
 * must bound their own work; {@link ProductExtractor} isolates them from each other so that a bug
 * in one cannot lose the others' results.
 */
public interface Extractor {

  Source source();

  /** The products this extractor sees in the page's one scan, the page's main product first when it can tell. */
  List<ProductCandidate> extract(PageScan scan);
}

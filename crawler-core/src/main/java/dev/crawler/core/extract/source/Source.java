package dev.crawler.core.extract.source;

import dev.crawler.core.extract.ExtractedProduct;

/**
 * The extractors, in precedence order: for every field, a value from an earlier constant beats one
 * from a later constant. Site rules come first because someone wrote them for this very site;
 * JSON-LD next because it is the markup shops maintain for search engines; microdata and RDFa are
 * often decorations scattered over the visible page; OpenGraph is written for link previews; the
 * general page extractor reads what a shopper sees and only fills what all the others left empty.
 */
public enum Source {
  SITE_RULE("site-rule", true),
  JSON_LD("json-ld", false),
  MICRODATA("microdata", false),
  RDFA("rdfa", false),
  OPENGRAPH("opengraph", true),
  PAGE("page", true);

  private final String label;
  private final boolean pageLevel;

  Source(String label, boolean pageLevel) {
    this.label = label;
    this.pageLevel = pageLevel;
  }

  /** The name recorded in {@link ExtractedProduct#sources()}. */
  public String label() {
    return label;
  }

  /**
   * True for extractors that describe the page rather than items on it (meta tags, one set of site
   * selectors): their single candidate belongs to the page's primary product.
   */
  public boolean pageLevel() {
    return pageLevel;
  }
}

package dev.crawler.core.extract.source;

import dev.crawler.core.extract.scan.PageScan;
import java.util.List;

/** Products from RDFa Lite markup using the schema.org vocabulary. */
public final class RdfaExtractor implements Extractor {

  @Override
  public Source source() {
    return Source.RDFA;
  }

  @Override
  public List<ProductCandidate> extract(PageScan scan) {
    if (scan.markup().rdfa().isEmpty()) {
      return List.of();
    }
    return new SchemaProductMapper(Source.RDFA, scan.context()).map(RdfaItems.read(scan.markup().rdfa()));
  }
}

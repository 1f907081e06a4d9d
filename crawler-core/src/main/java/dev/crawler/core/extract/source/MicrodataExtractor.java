package dev.crawler.core.extract.source;

import dev.crawler.core.extract.scan.PageScan;
import java.util.List;

/** Products from HTML microdata, schema.org or data-vocabulary.org. */
public final class MicrodataExtractor implements Extractor {

  @Override
  public Source source() {
    return Source.MICRODATA;
  }

  @Override
  public List<ProductCandidate> extract(PageScan scan) {
    if (scan.markup().microdata().isEmpty()) {
      return List.of();
    }
    return new SchemaProductMapper(Source.MICRODATA, scan.context()).map(MicrodataItems.read(scan.markup().microdata()));
  }
}

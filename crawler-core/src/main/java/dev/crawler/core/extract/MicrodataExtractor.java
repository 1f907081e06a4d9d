package dev.crawler.core.extract;

import java.util.List;
import org.jsoup.nodes.Document;

/** Products from HTML microdata, schema.org or data-vocabulary.org. */
final class MicrodataExtractor implements Extractor {

  @Override
  public Source source() {
    return Source.MICRODATA;
  }

  @Override
  public List<ProductCandidate> extract(Document doc, PageContext page) {
    if (doc.selectFirst("[itemscope]") == null) {
      return List.of();
    }
    return new SchemaProductMapper(Source.MICRODATA, page).map(MicrodataItems.read(doc));
  }
}

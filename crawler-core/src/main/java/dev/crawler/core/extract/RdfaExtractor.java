package dev.crawler.core.extract;

import java.util.List;
import org.jsoup.nodes.Document;

/** Products from RDFa Lite markup using the schema.org vocabulary. */
final class RdfaExtractor implements Extractor {

  @Override
  public Source source() {
    return Source.RDFA;
  }

  @Override
  public List<ProductCandidate> extract(Document doc, PageContext page) {
    if (doc.selectFirst("[typeof]") == null) {
      return List.of();
    }
    return new SchemaProductMapper(Source.RDFA, page).map(RdfaItems.read(doc));
  }
}

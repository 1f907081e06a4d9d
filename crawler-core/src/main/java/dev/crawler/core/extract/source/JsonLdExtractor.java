package dev.crawler.core.extract.source;

import dev.crawler.core.extract.scan.PageMarkup;
import dev.crawler.core.extract.scan.PageScan;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Products from {@code <script type="application/ld+json">} blocks. All blocks on the page are read
 * together so that {@code @id} references resolve across them. Parsing is {@link LenientJson},
 * translation {@link JsonLdItems}, vocabulary {@link SchemaProductMapper}.
 */
public final class JsonLdExtractor implements Extractor {

  /** Pages with more JSON-LD blocks than this are rare and pathological; the rest are ignored. */
  public static final int MAX_SCRIPTS = PageMarkup.MAX_JSON_LD;

  @Override
  public Source source() {
    return Source.JSON_LD;
  }

  @Override
  public List<ProductCandidate> extract(PageScan scan) {
    List<JsonNode> values = new ArrayList<>();
    for (String script : scan.markup().jsonLd()) {
      values.addAll(LenientJson.parse(script));
    }
    if (values.isEmpty()) {
      return List.of();
    }
    return new SchemaProductMapper(Source.JSON_LD, scan.context()).map(JsonLdItems.read(values));
  }
}

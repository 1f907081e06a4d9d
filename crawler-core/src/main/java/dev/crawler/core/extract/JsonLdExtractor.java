package dev.crawler.core.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Products from {@code <script type="application/ld+json">} blocks. All blocks on the page are read
 * together so that {@code @id} references resolve across them. Parsing is {@link LenientJson},
 * translation {@link JsonLdItems}, vocabulary {@link SchemaProductMapper}.
 */
final class JsonLdExtractor implements Extractor {

  /** Pages with more JSON-LD blocks than this are rare and pathological; the rest are ignored. */
  static final int MAX_SCRIPTS = 100;

  @Override
  public Source source() {
    return Source.JSON_LD;
  }

  @Override
  public List<ProductCandidate> extract(Document doc, PageContext page) {
    List<JsonNode> values = new ArrayList<>();
    int scripts = 0;
    for (Element script : doc.getElementsByTag("script")) {
      if (isJsonLd(script.attr("type")) && scripts++ < MAX_SCRIPTS) {
        values.addAll(LenientJson.parse(script.data()));
      }
    }
    if (values.isEmpty()) {
      return List.of();
    }
    return new SchemaProductMapper(Source.JSON_LD, page).map(JsonLdItems.read(values));
  }

  /** {@code application/ld+json}, in any case, with or without parameters such as charset. */
  private static boolean isJsonLd(String type) {
    int semicolon = type.indexOf(';');
    String mediaType = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
    return mediaType.toLowerCase(Locale.ROOT).equals("application/ld+json");
  }
}

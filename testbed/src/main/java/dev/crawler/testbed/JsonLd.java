package dev.crawler.testbed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crawler.testbed.ShopModel.CategoryModel;
import dev.crawler.testbed.ShopModel.ProductModel;

/**
 * The schema.org JSON-LD block of a product page, in the shape the shop uses (plain object,
 * {@code @graph}, or top-level array), with the price as a JSON string or number.
 */
final class JsonLd {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String CONTEXT = "https://schema.org";

  private JsonLd() {}

  /** The script element's content, safe to embed in HTML (no {@code </}). */
  static String product(ShopModel shop, ProductModel product, String origin) {
    String canonical = origin + ShopModel.productPath(product);
    JsonNode root = switch (shop.jsonLdShape()) {
      case OBJECT -> productNode(shop, product, origin, canonical, true);
      case GRAPH -> graph(productNode(shop, product, origin, canonical, false), product, canonical);
      case ARRAY -> NODES.arrayNode().add(breadcrumbs(shop, product, origin))
          .add(productNode(shop, product, origin, canonical, true));
    };
    try {
      return MAPPER.writeValueAsString(root).replace("</", "<\\/");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON-LD for " + canonical, e);
    }
  }

  private static ObjectNode productNode(ShopModel shop, ProductModel product, String origin, String canonical,
      boolean withContext) {
    ObjectNode node = NODES.objectNode();
    if (withContext) {
      node.put("@context", CONTEXT);
    }
    node.put("@type", "Product");
    node.put("@id", canonical + "#product");
    node.put("name", product.name());
    node.put("sku", product.sku());
    node.put("gtin13", product.gtin13());
    node.putObject("brand").put("@type", "Brand").put("name", product.brand());
    node.put("image", origin + "/img/" + product.sku() + ".png");
    node.put("description", product.description());
    node.put("url", canonical);
    if (product.reviewCount() > 0) {
      node.putObject("aggregateRating").put("@type", "AggregateRating")
          .put("ratingValue", product.ratingValue()).put("reviewCount", product.reviewCount());
    }
    ObjectNode offer = node.putObject("offers");
    offer.put("@type", "Offer");
    if (shop.priceAsText()) {
      offer.put("price", product.price().toPlainString());
    } else {
      offer.put("price", product.price());
    }
    offer.put("priceCurrency", shop.currency());
    offer.put("availability", "https://schema.org/" + product.availability());
    offer.put("itemCondition", "https://schema.org/NewCondition");
    offer.put("url", canonical);
    return node;
  }

  private static ObjectNode graph(ObjectNode item, ProductModel product, String canonical) {
    ObjectNode root = NODES.objectNode().put("@context", CONTEXT);
    ArrayNode graph = root.putArray("@graph");
    graph.addObject().put("@type", "WebPage").put("@id", canonical + "#webpage").put("url", canonical)
        .put("name", product.name());
    graph.add(item);
    return root;
  }

  private static ObjectNode breadcrumbs(ShopModel shop, ProductModel product, String origin) {
    CategoryModel category = shop.categories().get(product.categoryIndex());
    ObjectNode list = NODES.objectNode().put("@context", CONTEXT).put("@type", "BreadcrumbList");
    ArrayNode items = list.putArray("itemListElement");
    items.addObject().put("@type", "ListItem").put("position", 1).put("name", "Home").put("item", origin + "/");
    items.addObject().put("@type", "ListItem").put("position", 2).put("name", category.name())
        .put("item", origin + ShopModel.categoryPath(category, 1));
    items.addObject().put("@type", "ListItem").put("position", 3).put("name", product.name());
    return list;
  }
}

package dev.crawler.core.extract.source;

import dev.crawler.core.extract.normalise.Availability;
import dev.crawler.core.extract.normalise.Gtin;
import dev.crawler.core.extract.normalise.PriceParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Product objects in a page's own scripts: application state ({@code __NEXT_DATA__},
 * {@code window.__INITIAL_STATE__}), analytics ({@code dataLayer} ecommerce items), and the product
 * JSON that shop platforms print for their themes.
 *
 * <p>Such state holds many objects with a name and a price (related products, menus, the cart), so
 * only an object whose name shares most of its words with the page's heading counts, and of those
 * the one that carries the most product fields. Its price is used only where the page shows none,
 * and only when written with decimals: platforms write prices in minor units often enough that a
 * whole number cannot be trusted.
 */
public final class EmbeddedProducts {

  static final int MAX_OBJECTS_PER_SCRIPT = 16;
  static final int MAX_NODES = 50_000;
  private static final int MAX_DEPTH = 16;
  /** How much of a script is looked into before parsing it. */
  private static final int PEEK = 200_000;
  private static final Set<String> NAME_KEYS = Set.of("name", "title", "productname", "product_name", "item_name");
  private static final Set<String> SKU_KEYS =
      Set.of("sku", "productsku", "product_sku", "skuid", "sku_id", "item_sku", "articlenumber", "article_number");
  private static final Set<String> GTIN_KEYS = Set.of("gtin", "gtin13", "gtin12", "gtin8", "ean", "ean13", "upc", "barcode");
  /** Price keys, the price charged now first. */
  private static final List<String> PRICE_KEYS = List.of("special_price", "specialprice", "sale_price", "saleprice",
      "final_price", "finalprice", "current_price", "currentprice", "price");
  /** Keys whose value says whether the product can be bought: a term, a phrase or true for yes. */
  private static final Set<String> STOCK_KEYS = Set.of("availability", "available", "instock", "in_stock", "is_in_stock",
      "isinstock", "stockstatus", "stock_status", "availabilitystatus", "is_available", "isavailable",
      "availabletoorder", "available_to_order", "orderable", "isorderable", "is_orderable", "purchasable",
      "ispurchasable", "is_purchasable", "buyable", "isbuyable", "is_buyable", "salable", "issalable", "is_salable",
      "saleable", "issaleable", "is_saleable");
  /** Keys whose true says the opposite: sold out. */
  private static final Set<String> SOLD_OUT_KEYS = Set.of("soldout", "sold_out", "issoldout", "is_sold_out",
      "outofstock", "out_of_stock", "isoutofstock", "is_out_of_stock");

  /**
   * What one matching object says; any field may be missing.
   *
   * @param price a price written with decimals; whole numbers are left out, since platforms write
   *     prices in cents as often as in units
   */
  public record Found(@Nullable String sku, @Nullable String gtin, @Nullable String availability, @Nullable BigDecimal price) {}

  private final List<String> nameWords;
  private @Nullable Found best;
  private int bestFields;
  private int nodes;

  private EmbeddedProducts(List<String> nameWords) {
    this.nameWords = nameWords;
  }

  /** The product object for the product named {@code name}, if some script carries one. */
  public static @Nullable Found find(List<String> scripts, @Nullable String name) {
    List<String> words = words(name);
    if (words.isEmpty()) {
      return null;
    }
    EmbeddedProducts search = new EmbeddedProducts(words);
    List<String> asciiWords = words.stream().filter(w -> w.length() >= 3 && w.chars().allMatch(c -> c < 128)).toList();
    for (String script : scripts) {
      String lower = script.length() > PEEK ? script.substring(0, PEEK).toLowerCase(Locale.ROOT)
          : script.toLowerCase(Locale.ROOT);
      if (!mayHoldProduct(lower) || !mentionsEnough(lower, asciiWords, words.size())) {
        continue;
      }
      String text = LenientJson.stripWrappers(script);
      List<JsonNode> roots = text.startsWith("{") || text.startsWith("[")
          ? LenientJson.parse(text) : LenientJson.assignedObjects(text, MAX_OBJECTS_PER_SCRIPT);
      for (JsonNode root : roots) {
        search.walk(root, 0);
      }
    }
    return search.best;
  }

  /** Parsing a script costs far more than looking into it: only scripts with product keys are parsed. */
  private static boolean mayHoldProduct(String lower) {
    return lower.contains("sku") || lower.contains("ean") || lower.contains("gtin") || lower.contains("stock")
        || lower.contains("sold") || lower.contains("availab") || lower.contains("orderable")
        || lower.contains("purchasable") || lower.contains("buyable") || lower.contains("salable");
  }

  /**
   * An object matches only if its name shares more than half of the heading's words, and at least
   * two of a longer heading ({@link #sameProduct}), so a script that holds too few of
   * them is not parsed. Only ASCII words are asked for, because scripts often escape other
   * characters ({@code \\u00e9}); a heading without such words lets every script through.
   */
  private static boolean mentionsEnough(String lowerScript, List<String> asciiWords, int headingWords) {
    // Words too short or not ASCII are not looked for, but may still be among the shared ones.
    int needed = (headingWords >= 2 ? 2 : 1) - (headingWords - asciiWords.size());
    int found = 0;
    for (int i = 0; i < asciiWords.size() && found < needed; i++) {
      if (lowerScript.contains(asciiWords.get(i))) {
        found++;
      }
    }
    return found >= needed;
  }

  private void walk(JsonNode node, int depth) {
    if (depth > MAX_DEPTH || ++nodes > MAX_NODES) {
      return;
    }
    if (node.isObject()) {
      consider(node);
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        JsonNode child = it.next();
        if (child.isContainerNode()) {
          walk(child, depth + 1);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        walk(child, depth + 1);
      }
    }
  }

  private void consider(JsonNode object) {
    String name = null;
    String sku = null;
    String gtin = null;
    String availability = null;
    BigDecimal[] prices = new BigDecimal[PRICE_KEYS.size()];
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey().toLowerCase(Locale.ROOT);
      JsonNode value = field.getValue();
      if (!value.isValueNode()) {
        continue;
      }
      if (name == null && NAME_KEYS.contains(key)) {
        name = value.asText();
      } else if (sku == null && SKU_KEYS.contains(key)) {
        sku = scalar(value);
      } else if (gtin == null && GTIN_KEYS.contains(key)) {
        gtin = Gtin.normalize(scalar(value));
      } else if (availability == null && STOCK_KEYS.contains(key)) {
        availability = stock(value);
      } else if (availability == null && SOLD_OUT_KEYS.contains(key)) {
        availability = soldOut(value);
      } else if (PRICE_KEYS.contains(key)) {
        prices[PRICE_KEYS.indexOf(key)] = decimalPrice(value);
      }
    }
    BigDecimal price = null;
    for (BigDecimal candidate : prices) {
      if (candidate != null && price == null) {
        price = candidate;
      }
    }
    int fields = (sku == null ? 0 : 2) + (gtin == null ? 0 : 1) + (availability == null ? 0 : 1);
    if (fields > bestFields && name != null && sameProduct(name)) {
      best = new Found(sku, gtin, availability, price);
      bestFields = fields;
    }
  }

  private static @Nullable String scalar(JsonNode value) {
    if (value.isNumber()) {
      BigDecimal number = value.decimalValue();
      return number.scale() <= 0 ? number.toBigInteger().toString() : null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  private static @Nullable BigDecimal decimalPrice(JsonNode value) {
    String text = value.isNumber() ? value.decimalValue().toPlainString() : value.asText().strip();
    if (!text.matches("\\d{1,9}[.,]\\d{1,2}")) {
      return null;
    }
    BigDecimal amount = PriceParser.sane(new BigDecimal(text.replace(',', '.')));
    return amount == null || amount.signum() <= 0 ? null : amount;
  }

  private static @Nullable String stock(JsonNode value) {
    if (value.isBoolean()) {
      return value.booleanValue() ? "InStock" : "OutOfStock";
    }
    return Availability.normalize(value.asText());
  }

  /** A sold-out flag: true or "true" is OutOfStock, false or "false" InStock, anything else nothing. */
  private static @Nullable String soldOut(JsonNode value) {
    String flag = value.asText().strip();
    if (value.isBoolean() || flag.equals("true") || flag.equals("false")) {
      return Boolean.parseBoolean(flag) ? "OutOfStock" : "InStock";
    }
    return null;
  }

  /** Most of the heading's words appear in the object's name. */
  private boolean sameProduct(String name) {
    List<String> words = words(name);
    if (words.isEmpty()) {
      return false;
    }
    int shared = 0;
    for (String word : nameWords) {
      if (words.contains(word)) {
        shared++;
      }
    }
    return shared * 2 > nameWords.size() || shared * 2 > words.size() && shared >= 2;
  }

  static List<String> words(@Nullable String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty() && words.size() < 40) {
        words.add(word);
      }
    }
    return words;
  }
}

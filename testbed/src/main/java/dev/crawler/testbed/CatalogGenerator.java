package dev.crawler.testbed;

import dev.crawler.testbed.ShopModel.CategoryModel;
import dev.crawler.testbed.ShopModel.JsonLdShape;
import dev.crawler.testbed.ShopModel.ProductModel;
import dev.crawler.testbed.ShopModel.RelatedLink;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Builds the shops from a {@link TestbedConfig}. Pure and deterministic: each shop draws from its own
 * {@link Random} seeded from the config seed and the shop index ({@code java.util.Random} because its
 * sequence is fixed by the Java specification, so a seed means the same shops on every JDK).
 */
final class CatalogGenerator {

  private static final int CATEGORIES_PER_SHOP = 5;
  private static final int FEATURED_ON_HOME = 12;
  private static final int MAX_WHOLE_PRICE = 900;
  /** Plain shops reach past a thousand so that thousands separators show. */
  private static final int PLAIN_MAX_WHOLE_PRICE = 2_500;
  private static final List<Integer> SALE_MARKUPS = List.of(10, 15, 20, 25, 30, 40);
  private static final BigDecimal CENT = new BigDecimal("0.01");
  private static final long SALES_SALT = 0x5A1E5A1E5A1E5A1EL;

  private final TestbedConfig config;

  CatalogGenerator(TestbedConfig config) {
    this.config = config;
  }

  List<ShopModel> shops() {
    return IntStream.range(0, config.shops()).mapToObj(this::shop).toList();
  }

  ShopModel shop(int index) {
    Random random = new Random(mix(config.seed(), index));
    int categoryCount = Math.min(CATEGORIES_PER_SHOP, config.productsPerShop());
    List<Words.CategoryTheme> themes = shuffled(Words.CATEGORY_THEMES, random).subList(0, categoryCount);
    List<String> brands = shuffled(Words.BRANDS, random).subList(0, 4);
    Optional<PlainLook> plain = PlainLook.of(config, index);
    String currency = plain.map(look -> look.language().currency)
        .orElseGet(() -> Words.CURRENCIES.get(index % Words.CURRENCIES.size()));
    String skuCode = letters(random, 3);
    // Sales draw from their own sequence so that the catalogue draws stay as they are.
    Random sales = new Random(mix(config.seed(), index) ^ SALES_SALT);

    List<List<Integer>> members = new ArrayList<>();
    themes.forEach(t -> members.add(new ArrayList<>()));
    List<ProductModel> products = new ArrayList<>();
    for (int i = 0; i < config.productsPerShop(); i++) {
      // The first products go round-robin so that no category is empty.
      int category = i < categoryCount ? i : random.nextInt(categoryCount);
      members.get(category).add(i);
      int self = i;
      ProductModel product = product(random, index, i, skuCode, category, themes.get(category), brands, currency,
          plain.isPresent(), r -> related(r, self));
      products.add(plain.isPresent() ? onSaleMaybe(sales, product) : product);
    }
    List<CategoryModel> categories = new ArrayList<>();
    for (int c = 0; c < categoryCount; c++) {
      String name = themes.get(c).name();
      categories.add(new CategoryModel(c, slug(name), name, members.get(c)));
    }
    List<Integer> featured = distinctIndexes(random, config.productsPerShop(), FEATURED_ON_HOME, -1);
    List<LinkForm> navForms = IntStream.range(0, categoryCount).mapToObj(c -> pick(random, LinkForm.values()))
        .toList();
    return new ShopModel(index, config.shopAddressPrefix() + (index + 1), shopName(index), currency,
        categories, products, featured, JsonLdShape.values()[index % JsonLdShape.values().length],
        index % 2 == 1, "/gone/spring-sale-" + (2019 + random.nextInt(5)), navForms, plain, Set.of());
  }

  /**
   * A product drawn from {@code random}. {@code related} is asked for the related links at its fixed
   * place in the sequence of draws, so that the catalogue and the products added later draw alike.
   */
  private ProductModel product(Random random, int shop, int index, String skuCode, int category,
      Words.CategoryTheme theme, List<String> brands, String currency, boolean plain,
      Function<Random, List<RelatedLink>> related) {
    String name = name(random, theme);
    String slug = slug(name) + "-" + (index + 1);
    String sku = String.format(Locale.ROOT, "%s%03d-%05d", skuCode, shop + 1, index + 1);
    String brand = brands.get(random.nextInt(brands.size()));
    BigDecimal price = price(random, currency, plain ? PLAIN_MAX_WHOLE_PRICE : MAX_WHOLE_PRICE);
    String availability = availability(random, plain);
    List<Integer> sentences = distinctIndexes(random, Words.SENTENCES.size(), 2, -1);
    String description = name + " by " + brand + ". " + Words.SENTENCES.get(sentences.get(0)) + " "
        + Words.SENTENCES.get(sentences.get(1));
    List<RelatedLink> links = related.apply(random);
    boolean wishlist = random.nextInt(10) < 3;
    Optional<String> gone = random.nextInt(20) == 0 ? Optional.of("/gone/" + slug + "-old") : Optional.empty();
    int pageBytes = config.minPageBytes() + random.nextInt(config.maxPageBytes() - config.minPageBytes() + 1);
    boolean rated = random.nextInt(10) < 6;
    BigDecimal rating = rated ? BigDecimal.valueOf(25 + random.nextInt(26), 1) : BigDecimal.ZERO;
    int reviews = rated ? 1 + random.nextInt(400) : 0;
    return new ProductModel(index, slug, name, sku, gtin13(shop, index), brand, price, availability, description,
        category, links, wishlist, gone, pageBytes, rating, reviews, Optional.empty());
  }

  /**
   * A product that appears at a later epoch, drawn from {@code random} the way the catalogue's own
   * products are: same SKU scheme, brands, price range and page sizes. Its related links go only to
   * {@code live} products.
   *
   * @param index the new product's index: the number of products the shop has ever had
   */
  ProductModel addedProduct(Random random, ShopModel shop, int index, int category, List<Integer> live) {
    String skuCode = shop.products().get(0).sku().substring(0, 3);
    Words.CategoryTheme theme = Words.CATEGORY_THEMES.stream()
        .filter(t -> t.name().equals(shop.categories().get(category).name())).findFirst().orElseThrow();
    List<String> brands = shop.products().stream().map(ProductModel::brand).distinct().toList();
    ProductModel product = product(random, shop.index(), index, skuCode, category, theme, brands, shop.currency(),
        shop.isPlain(), r -> relatedAmong(r, live));
    return shop.isPlain() ? onSaleMaybe(random, product) : product;
  }

  /** About one product in four is on sale: its price stays, a higher struck price appears beside it. */
  private static ProductModel onSaleMaybe(Random sales, ProductModel p) {
    if (sales.nextInt(4) != 0) {
      return p;
    }
    int percent = SALE_MARKUPS.get(sales.nextInt(SALE_MARKUPS.size()));
    BigDecimal raw = p.price().multiply(BigDecimal.valueOf(100 + percent)).movePointLeft(2);
    // Round up to a price a shop would print: whole tens of yen, else whole units ending in .00 or .99.
    BigDecimal was = p.price().scale() == 0
        ? raw.setScale(-1, RoundingMode.CEILING).setScale(0)
        : raw.setScale(0, RoundingMode.CEILING).subtract(sales.nextBoolean() ? BigDecimal.ZERO : CENT)
            .setScale(2);
    if (was.compareTo(p.price()) <= 0) {
      return p;
    }
    return new ProductModel(p.index(), p.slug(), p.name(), p.sku(), p.gtin13(), p.brand(), p.price(),
        p.availability(), p.description(), p.categoryIndex(), p.related(), p.wishlistLink(), p.gonePath(),
        p.pageBytes(), p.ratingValue(), p.reviewCount(), Optional.of(was));
  }

  private List<RelatedLink> related(Random random, int self) {
    int count = Math.min(3 + random.nextInt(4), config.productsPerShop() - 1);
    return relatedLinks(random, distinctIndexes(random, config.productsPerShop(), count, self));
  }

  private static List<RelatedLink> relatedAmong(Random random, List<Integer> live) {
    int count = Math.min(3 + random.nextInt(4), live.size());
    return relatedLinks(random, distinctIndexes(random, live.size(), count, -1).stream().map(live::get).toList());
  }

  private static List<RelatedLink> relatedLinks(Random random, List<Integer> targets) {
    List<RelatedLink> links = new ArrayList<>();
    for (int target : targets) {
      String tracking = switch (random.nextInt(9)) {
        case 0 -> Words.TRACKING_SUFFIXES.get(0);
        case 1 -> Words.TRACKING_SUFFIXES.get(1);
        case 2 -> "?gclid=" + letters(random, 6) + random.nextInt(1_000_000);
        default -> "";
      };
      links.add(new RelatedLink(target, tracking, pick(random, LinkForm.values())));
    }
    return links;
  }

  private static String name(Random random, Words.CategoryTheme theme) {
    StringBuilder name = new StringBuilder();
    name.append(pick(random, Words.ADJECTIVES)).append(' ')
        .append(pick(random, Words.MATERIALS)).append(' ')
        .append(pick(random, theme.nouns()));
    if (random.nextInt(5) == 0) {
      name.append(pick(random, Words.SUFFIXES));
    }
    return name.toString();
  }

  private static BigDecimal price(Random random, String currency, int maxWhole) {
    if ("JPY".equals(currency)) {
      return BigDecimal.valueOf((30L + random.nextInt(9_000)) * 10L);
    }
    long whole = 1 + random.nextInt(maxWhole);
    int cents = switch (random.nextInt(4)) {
      case 0 -> 99;
      case 1 -> 0;
      case 2 -> 50;
      default -> random.nextInt(100);
    };
    return BigDecimal.valueOf(whole * 100 + cents, 2);
  }

  /** Plain layouts show only "in stock" or "sold out", as most themes without structured data do. */
  private static String availability(Random random, boolean plain) {
    int roll = random.nextInt(20);
    return roll < 17 ? "InStock" : roll < 19 ? "OutOfStock" : plain ? "InStock" : "PreOrder";
  }

  private String shopName(int index) {
    int pool = Words.SHOP_NAMES.size();
    String base = Words.SHOP_NAMES.get((index + Math.floorMod(config.seed(), pool)) % pool);
    return index < pool ? base : base + " " + (index / pool + 1);
  }

  /** A valid EAN-13 with a check digit, unique per (shop, product). */
  static String gtin13(int shop, int product) {
    String body = String.format(Locale.ROOT, "40%03d%07d", shop + 1, product + 1);
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      int digit = body.charAt(i) - '0';
      sum += i % 2 == 0 ? digit : 3 * digit;
    }
    return body + (10 - sum % 10) % 10;
  }

  /** Lower-case ASCII words joined by hyphens: {@code "Café Oak Mug, Set of 2"} → {@code "cafe-oak-mug-set-of-2"}. */
  static String slug(String text) {
    String folded = Normalizer.normalize(text.replace("ø", "o").replace("Ø", "O").replace("&", " and "),
        Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  private static List<Integer> distinctIndexes(Random random, int bound, int count, int excluded) {
    Set<Integer> chosen = new LinkedHashSet<>();
    int available = excluded >= 0 && excluded < bound ? bound - 1 : bound;
    int wanted = Math.min(count, available);
    while (chosen.size() < wanted) {
      int candidate = random.nextInt(bound);
      if (candidate != excluded) {
        chosen.add(candidate);
      }
    }
    return List.copyOf(chosen);
  }

  private static <T> List<T> shuffled(List<T> values, Random random) {
    List<T> copy = new ArrayList<>(values);
    Collections.shuffle(copy, random);
    return copy;
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String letters(Random random, int count) {
    StringBuilder text = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      text.append((char) ('A' + random.nextInt(26)));
    }
    return text.toString();
  }

  /** SplitMix64 finaliser over seed and shop index: neighbouring shops get unrelated sequences. */
  static long mix(long seed, int index) {
    long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

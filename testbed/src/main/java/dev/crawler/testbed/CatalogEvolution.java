package dev.crawler.testbed;

import dev.crawler.testbed.ShopModel.CategoryModel;
import dev.crawler.testbed.ShopModel.ProductModel;
import dev.crawler.testbed.ShopModel.RelatedLink;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the shops change from one epoch to the next. Pure and deterministic: epoch {@code e} of shop
 * {@code i} is epoch {@code e - 1} changed by draws from a {@link Random} seeded from the config seed,
 * the shop index and {@code e}, so any epoch can be rebuilt by replaying from the catalogue, and epoch
 * 0 is the catalogue itself.
 *
 * <p>One step, in this order of draws: remove some live products (never a category's last one),
 * change the price, availability and name of some of the others, then add new products at the end
 * of random categories. Links to removed products are dropped from featured lists, categories and
 * related links, so no page links a removed product. Slugs never change, so a product keeps its URL
 * for as long as it lives. Currency never changes.
 */
final class CatalogEvolution {

  private static final long EPOCH_SALT = 0xE90C_E90C_E90C_E90CL;
  private static final int MAX_PRICE_STEP_PERCENT = 30;
  private static final List<String> AVAILABILITIES = List.of("InStock", "OutOfStock", "PreOrder");
  private static final List<String> PLAIN_AVAILABILITIES = List.of("InStock", "OutOfStock");

  private final TestbedConfig config;
  private final EpochConfig rates;
  private final CatalogGenerator generator;

  CatalogEvolution(TestbedConfig config) {
    this.config = config;
    this.rates = config.epochs();
    this.generator = new CatalogGenerator(config);
  }

  /** Every shop at {@code epoch}, replayed from the catalogue. */
  List<ShopModel> at(int epoch) {
    EpochConfig.checkEpoch("epoch", epoch);
    List<ShopModel> shops = generator.shops();
    for (int e = 1; e <= epoch; e++) {
      shops = next(shops, e);
    }
    return shops;
  }

  /** Every shop at {@code epoch}, given every shop at {@code epoch - 1}. */
  List<ShopModel> next(List<ShopModel> previous, int epoch) {
    return previous.stream().map(shop -> next(shop, epoch)).toList();
  }

  /** One shop at {@code epoch}, given the shop at {@code epoch - 1}. */
  ShopModel next(ShopModel shop, int epoch) {
    EpochConfig.checkEpoch("epoch", epoch);
    if (epoch == 0) {
      throw new IllegalArgumentException("epoch 0 is the catalogue; there is no step to it");
    }
    Random random = new Random(CatalogGenerator.mix(CatalogGenerator.mix(config.seed() ^ EPOCH_SALT, shop.index()),
        epoch));
    List<ProductModel> products = new ArrayList<>(shop.products());
    List<Integer> live = shop.liveProducts().stream().map(ProductModel::index).toList();

    Set<Integer> leaving = leaving(random, shop, live);
    List<Integer> staying = live.stream().filter(i -> !leaving.contains(i)).toList();
    for (int i : sample(random, staying, count(random, rates.priceShare(), live.size()))) {
      products.set(i, products.get(i).withPrice(newPrice(random, products.get(i).price())));
    }
    for (int i : sample(random, staying, count(random, rates.availabilityShare(), live.size()))) {
      products.set(i, products.get(i).withAvailability(newAvailability(random, shop, products.get(i))));
    }
    for (int i : sample(random, staying, count(random, rates.nameShare(), live.size()))) {
      products.set(i, products.get(i).withName(renamed(products.get(i).name(), epoch)));
    }
    if (!leaving.isEmpty()) {
      for (int i : staying) {
        products.set(i, withoutLinksTo(products.get(i), leaving));
      }
    }

    Map<Integer, List<Integer>> added = new HashMap<>();
    int adding = count(random, rates.newShare(), live.size());
    for (int n = 0; n < adding; n++) {
      int category = random.nextInt(shop.categories().size());
      int index = products.size();
      products.add(generator.addedProduct(random, shop, index, category, staying));
      added.computeIfAbsent(category, c -> new ArrayList<>()).add(index);
    }

    Set<Integer> removed = new TreeSet<>(shop.removed());
    removed.addAll(leaving);
    List<CategoryModel> categories = shop.categories().stream().map(c -> {
      List<Integer> members = new ArrayList<>(c.productIndexes());
      members.removeAll(leaving);
      members.addAll(added.getOrDefault(c.index(), List.of()));
      return new CategoryModel(c.index(), c.slug(), c.name(), members);
    }).toList();
    List<Integer> featured = shop.featured().stream().filter(i -> !leaving.contains(i)).toList();
    return new ShopModel(shop.index(), shop.host(), shop.name(), shop.currency(), categories, products, featured,
        shop.jsonLdShape(), shop.priceAsText(), shop.homeGonePath(), shop.navForms(), shop.plain(), removed);
  }

  /** Products to remove, sparing the last live product of each category so that no listing empties. */
  private Set<Integer> leaving(Random random, ShopModel shop, List<Integer> live) {
    Map<Integer, Integer> left = new HashMap<>();
    shop.categories().forEach(c -> left.put(c.index(), c.productIndexes().size()));
    Set<Integer> leaving = new HashSet<>();
    for (int i : sample(random, live, count(random, rates.goneShare(), live.size()))) {
      int category = shop.products().get(i).categoryIndex();
      if (left.get(category) > 1) {
        left.merge(category, -1, Integer::sum);
        leaving.add(i);
      }
    }
    return leaving;
  }

  private static ProductModel withoutLinksTo(ProductModel product, Set<Integer> leaving) {
    List<RelatedLink> kept = product.related().stream().filter(l -> !leaving.contains(l.productIndex())).toList();
    return kept.size() == product.related().size() ? product : product.withRelated(kept);
  }

  /**
   * {@code share * of}, rounded down or up by one draw so that the expected count is exact: 5 % of 30
   * products is 1 or 2, 2 more often than not.
   */
  static int count(Random random, double share, int of) {
    double exact = share * of;
    int whole = (int) Math.floor(exact);
    return whole + (random.nextDouble() < exact - whole ? 1 : 0);
  }

  /** {@code count} distinct members of {@code from} (all of them if fewer), by a partial shuffle. */
  static List<Integer> sample(Random random, List<Integer> from, int count) {
    List<Integer> pool = new ArrayList<>(from);
    int wanted = Math.min(count, pool.size());
    for (int i = 0; i < wanted; i++) {
      int j = i + random.nextInt(pool.size() - i);
      Integer swap = pool.get(i);
      pool.set(i, pool.get(j));
      pool.set(j, swap);
    }
    return List.copyOf(pool.subList(0, wanted));
  }

  /**
   * Up or down by 1..30 %, rounded the way the shop prints prices (tens of yen; else cents ending in
   * .99 or .49), and never the old price or below the smallest price.
   */
  static BigDecimal newPrice(Random random, BigDecimal old) {
    int percent = (1 + random.nextInt(MAX_PRICE_STEP_PERCENT)) * (random.nextBoolean() ? 1 : -1);
    BigDecimal raw = old.multiply(BigDecimal.valueOf(100 + percent)).movePointLeft(2);
    BigDecimal step = old.scale() == 0 ? BigDecimal.TEN : BigDecimal.ONE;
    BigDecimal rounded = old.scale() == 0
        ? raw.setScale(-1, RoundingMode.HALF_UP).setScale(0)
        : raw.setScale(0, RoundingMode.HALF_UP).subtract(random.nextBoolean() ? new BigDecimal("0.01")
            : new BigDecimal("0.51")).setScale(2);
    if (rounded.signum() <= 0) {
      rounded = old.add(step);
    }
    return rounded.compareTo(old) == 0 ? old.add(step) : rounded;
  }

  private static String newAvailability(Random random, ShopModel shop, ProductModel product) {
    List<String> others = new ArrayList<>(shop.isPlain() ? PLAIN_AVAILABILITIES : AVAILABILITIES);
    others.remove(product.availability());
    return others.get(random.nextInt(others.size()));
  }

  /** {@code "Oak Mug"} becomes {@code "Oak Mug Mk 4"} at epoch 3; a later rename replaces the mark. */
  static String renamed(String name, int epoch) {
    return name.replaceFirst(" Mk \\d+$", "") + " Mk " + (epoch + 1);
  }
}

package dev.crawler.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.testbed.ShopModel.CategoryModel;
import dev.crawler.testbed.ShopModel.ProductModel;
import dev.crawler.testbed.ShopModel.RelatedLink;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** How the shops change from epoch to epoch: pure data, no server. */
class CatalogEvolutionTest {

  private static final TestbedConfig CONFIG = TestbedConfig.defaults().withShops(3).withProductsPerShop(400)
      .withPlainShops(1);

  private static List<ShopModel> at(TestbedConfig config, int epoch) {
    return new CatalogEvolution(config).at(epoch);
  }

  @Test
  void epochZeroIsTheGeneratedCatalogue() {
    assertThat(at(CONFIG, 0)).isEqualTo(new CatalogGenerator(CONFIG).shops());
  }

  @Test
  void everyEpochIsTheSameForTheSameSeedAndDiffersForAnother() {
    assertThat(at(CONFIG, 4)).isEqualTo(at(CONFIG, 4));
    assertThat(at(CONFIG, 4)).isNotEqualTo(at(CONFIG, 3));
    assertThat(at(CONFIG.withSeed(7), 4).get(0).products().stream().map(ProductModel::price).toList())
        .isNotEqualTo(at(CONFIG, 4).get(0).products().stream().map(ProductModel::price).toList());
  }

  @Test
  void aFrozenWorldNeverChanges() {
    TestbedConfig frozen = CONFIG.withEpochs(EpochConfig.frozen());
    assertThat(at(frozen, 5)).isEqualTo(at(frozen, 0));
  }

  @Test
  void theConfiguredShareOfLiveProductsChangesPriceEachEpoch() {
    // 400 products, 5 %: exactly 20 a shop, since 20 is whole.
    List<ShopModel> before = at(CONFIG, 0);
    List<ShopModel> after = at(CONFIG, 1);
    for (int s = 0; s < before.size(); s++) {
      List<ProductModel> then = before.get(s).products();
      long changed = after.get(s).products().stream().limit(then.size())
          .filter(p -> p.price().compareTo(then.get(p.index()).price()) != 0).count();
      assertThat(changed).as("shop %d", s).isEqualTo(20);
    }
  }

  @Test
  void newPricesKeepTheCurrencysScaleAndStayPositive() {
    for (ShopModel shop : at(CONFIG, 6)) {
      int scale = shop.currency().equals("JPY") ? 0 : 2;
      assertThat(shop.products()).allSatisfy(p -> {
        assertThat(p.price().scale()).isEqualTo(scale);
        assertThat(p.price().signum()).isPositive();
        p.wasPrice().ifPresent(was -> assertThat(was).isGreaterThan(p.price()));
      });
    }
    Random random = new Random(1);
    for (int i = 0; i < 1_000; i++) {
      assertThat(CatalogEvolution.newPrice(random, new BigDecimal("1.00"))).isNotEqualByComparingTo("1.00")
          .isPositive();
      assertThat(CatalogEvolution.newPrice(random, new BigDecimal("300"))).isNotEqualByComparingTo("300")
          .isPositive();
    }
  }

  @Test
  void removedProductsAreLinkedFromNowhereAndNoCategoryEmpties() {
    for (ShopModel shop : at(CONFIG.withEpochs(EpochConfig.defaults().withShares(0, 0, 0, 0.2, 0)), 8)) {
      assertThat(shop.removed()).isNotEmpty();
      assertThat(shop.featured()).doesNotContainAnyElementsOf(shop.removed());
      for (CategoryModel category : shop.categories()) {
        assertThat(category.productIndexes()).isNotEmpty().doesNotContainAnyElementsOf(shop.removed());
      }
      for (ProductModel product : shop.liveProducts()) {
        assertThat(product.related()).extracting(RelatedLink::productIndex)
            .doesNotContainAnyElementsOf(shop.removed());
      }
      assertThat(shop.liveProducts()).noneMatch(shop::isRemoved);
    }
  }

  @Test
  void addedProductsJoinTheEndOfACategoryWithFreshSlugsAndSkus() {
    List<ShopModel> before = at(CONFIG, 0);
    List<ShopModel> after = at(CONFIG, 3);
    for (int s = 0; s < after.size(); s++) {
      ShopModel shop = after.get(s);
      List<ProductModel> added = shop.products().subList(before.get(s).products().size(), shop.products().size());
      assertThat(added).isNotEmpty();
      for (ProductModel product : added) {
        CategoryModel category = shop.categories().get(product.categoryIndex());
        assertThat(category.productIndexes()).contains(product.index());
        assertThat(product.related()).extracting(RelatedLink::productIndex).doesNotContainAnyElementsOf(shop.removed());
      }
      assertThat(shop.products()).extracting(ProductModel::slug).doesNotHaveDuplicates();
      assertThat(shop.products()).extracting(ProductModel::index)
          .isEqualTo(java.util.stream.IntStream.range(0, shop.products().size()).boxed().toList());
    }
    List<String> skus = after.stream().flatMap(s -> s.products().stream()).map(ProductModel::sku).toList();
    assertThat(skus).doesNotHaveDuplicates();
  }

  @Test
  void slugsNeverChangeSoAProductKeepsItsUrl() {
    List<ShopModel> before = at(CONFIG, 0);
    List<ShopModel> after = at(CONFIG, 10);
    for (int s = 0; s < before.size(); s++) {
      for (ProductModel then : before.get(s).products()) {
        assertThat(after.get(s).products().get(then.index()).slug()).isEqualTo(then.slug());
      }
    }
  }

  @Test
  void plainShopsOnlyEverShowInStockOrSoldOut() {
    TestbedConfig busy = CONFIG.withEpochs(EpochConfig.defaults().withShares(0, 0.3, 0, 0, 0.05));
    ShopModel plain = at(busy, 6).get(2);
    assertThat(plain.isPlain()).isTrue();
    assertThat(plain.products()).extracting(ProductModel::availability).containsOnly("InStock", "OutOfStock");
    Set<String> structured = at(busy, 6).get(0).products().stream().map(ProductModel::availability)
        .collect(Collectors.toSet());
    assertThat(structured).contains("PreOrder");
  }

  @Test
  void aRenameKeepsOneEditionMarkAndTheDescriptionFollows() {
    assertThat(CatalogEvolution.renamed("Oak Mug", 3)).isEqualTo("Oak Mug Mk 4");
    assertThat(CatalogEvolution.renamed("Oak Mug Mk 4", 7)).isEqualTo("Oak Mug Mk 8");
    ProductModel mug = new CatalogGenerator(CONFIG).shop(0).products().get(0);
    ProductModel renamed = mug.withName(mug.name() + " Mk 2");
    assertThat(renamed.description()).startsWith(mug.name() + " Mk 2 by ");
    assertThat(renamed.slug()).isEqualTo(mug.slug());
  }

  @Test
  void aShareThatIsNotWholeRoundsEitherWayAndIsExactOnAverage() {
    Random random = new Random(3);
    int total = 0;
    for (int i = 0; i < 10_000; i++) {
      int count = CatalogEvolution.count(random, 0.005, 60);
      assertThat(count).isBetween(0, 1);
      total += count;
    }
    assertThat(total).isBetween(2_700, 3_300);
  }

  @Test
  void rejectsEpochsOutOfRange() {
    CatalogEvolution evolution = new CatalogEvolution(CONFIG);
    assertThatThrownBy(() -> evolution.at(-1)).hasMessageStartingWith("epoch must be in [0, 1000]");
    assertThatThrownBy(() -> evolution.at(EpochConfig.MAX_EPOCH + 1)).hasMessageStartingWith("epoch ");
  }
}

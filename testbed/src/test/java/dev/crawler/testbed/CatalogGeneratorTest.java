package dev.crawler.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.testbed.ShopModel.CategoryModel;
import dev.crawler.testbed.ShopModel.ProductModel;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shop model is pure data: these tests need no server. */
class CatalogGeneratorTest {

  private static final TestbedConfig CONFIG = TestbedConfig.defaults();

  private static List<ShopModel> shops(TestbedConfig config) {
    return new CatalogGenerator(config).shops();
  }

  @Test
  void sameSeedGivesSameShops() {
    assertThat(shops(CONFIG)).isEqualTo(shops(CONFIG));
    assertThat(shops(CONFIG.withPort(1234).withLatency(java.time.Duration.ofMillis(3)))).isEqualTo(shops(CONFIG));
  }

  @Test
  void differentSeedsGiveDifferentShops() {
    List<String> names = shops(CONFIG).get(0).products().stream().map(ProductModel::name).toList();
    List<String> others = shops(CONFIG.withSeed(43)).get(0).products().stream().map(ProductModel::name).toList();
    assertThat(others).isNotEqualTo(names);
  }

  @Test
  void everyShopIsDifferent() {
    List<ShopModel> shops = shops(CONFIG);
    assertThat(shops).extracting(ShopModel::name).doesNotHaveDuplicates();
    assertThat(shops).extracting(s -> s.products().get(0).name()).doesNotHaveDuplicates();
  }

  @Test
  void skusAreUniqueAcrossShops() {
    List<String> skus = shops(CONFIG.withShops(16).withProductsPerShop(2_000)).stream()
        .flatMap(s -> s.products().stream()).map(ProductModel::sku).toList();
    assertThat(skus).hasSize(32_000).doesNotHaveDuplicates();
  }

  @Test
  void currenciesVaryPerShopWithTheirUsualScale() {
    List<ShopModel> shops = shops(CONFIG);
    assertThat(shops).extracting(ShopModel::currency).containsExactly("USD", "EUR", "GBP", "JPY");
    for (ShopModel shop : shops) {
      int scale = shop.currency().equals("JPY") ? 0 : 2;
      assertThat(shop.products()).allSatisfy(p -> {
        assertThat(p.price().scale()).isEqualTo(scale);
        assertThat(p.price().signum()).isPositive();
      });
    }
  }

  @Test
  void namesExerciseHtmlJsonAndCsvEscaping() {
    List<String> names = shops(CONFIG).stream().flatMap(s -> s.products().stream()).map(ProductModel::name).toList();
    assertThat(names).anyMatch(n -> n.contains("&")).anyMatch(n -> n.contains("\""))
        .anyMatch(n -> n.contains(",")).anyMatch(n -> n.contains("'"))
        .anyMatch(n -> n.contains("Café")).anyMatch(n -> n.chars().anyMatch(c -> c > 127));
  }

  @Test
  void slugsAreUniqueLowerCaseAscii() {
    for (ShopModel shop : shops(CONFIG)) {
      List<String> slugs = shop.products().stream().map(ProductModel::slug).toList();
      assertThat(slugs).doesNotHaveDuplicates().allMatch(s -> s.matches("[a-z0-9]+(-[a-z0-9]+)*"));
      assertThat(shop.categories()).extracting(CategoryModel::slug).allMatch(s -> s.matches("[a-z0-9-]+"));
    }
    assertThat(CatalogGenerator.slug("Café Papier-mâché Mug, Set of 2")).isEqualTo("cafe-papier-mache-mug-set-of-2");
  }

  @Test
  void everyProductBelongsToExactlyOneNonEmptyCategory() {
    for (ShopModel shop : shops(CONFIG.withProductsPerShop(37))) {
      assertThat(shop.categories()).hasSize(5).allSatisfy(c -> assertThat(c.productIndexes()).isNotEmpty());
      List<Integer> listed = shop.categories().stream().flatMap(c -> c.productIndexes().stream()).sorted().toList();
      assertThat(listed).isEqualTo(java.util.stream.IntStream.range(0, 37).boxed().toList());
    }
    assertThat(shops(CONFIG.withProductsPerShop(2)).get(0).categories()).hasSize(2);
  }

  @Test
  void relatedProductsAreThreeToSixOthers() {
    for (ProductModel product : shops(CONFIG).get(1).products()) {
      Set<Integer> targets = product.related().stream().map(ShopModel.RelatedLink::productIndex)
          .collect(Collectors.toSet());
      assertThat(targets).hasSize(product.related().size()).doesNotContain(product.index());
      assertThat(targets.size()).isBetween(3, 6);
    }
    assertThat(shops(CONFIG.withProductsPerShop(1)).get(0).products().get(0).related()).isEmpty();
  }

  @Test
  void pageSizesStayInTheConfiguredRange() {
    assertThat(shops(CONFIG).stream().flatMap(s -> s.products().stream()).map(ProductModel::pageBytes))
        .allSatisfy(size -> assertThat(size).isBetween(30_000, 80_000));
  }

  @Test
  void gtinsCarryAValidCheckDigit() {
    String gtin = CatalogGenerator.gtin13(0, 0);
    assertThat(gtin).hasSize(13);
    int sum = 0;
    for (int i = 0; i < 13; i++) {
      sum += (gtin.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    assertThat(sum % 10).isZero();
  }
}

package dev.crawler.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Page assembly without a server: exact sizes, shared chunks, reference counts. */
class ShopPagesTest {

  private static final ByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;

  @Test
  void productPagesHaveExactlyTheirTargetSizeEvenAtTheSmallestAllowed() {
    int floor = TestbedConfig.MIN_PAGE_BYTES_FLOOR;
    TestbedConfig config = TestbedConfig.defaults().withShops(8).withProductsPerShop(300).withPageBytes(floor, floor);
    for (ShopModel shop : new CatalogGenerator(config).shops()) {
      ShopPages pages = pages(shop, config);
      try {
        for (ShopModel.ProductModel product : shop.products()) {
          ByteBuf page = pages.product(ALLOC, product);
          assertThat(page.readableBytes()).isEqualTo(floor);
          page.release();
        }
      } finally {
        pages.close();
      }
    }
  }

  @Test
  void pagesShareTheBoilerplateAndReleaseCleanly() {
    TestbedConfig config = TestbedConfig.defaults().withProductsPerShop(20);
    ShopModel shop = new CatalogGenerator(config).shop(0);
    ShopPages pages = pages(shop, config);
    ByteBuf first = pages.product(ALLOC, shop.products().get(0));
    ByteBuf second = pages.product(ALLOC, shop.products().get(1));
    pages.close(); // pages in flight keep the shared chunks alive
    String a = first.toString(StandardCharsets.UTF_8);
    String b = second.toString(StandardCharsets.UTF_8);
    assertThat(a.substring(a.indexOf("<meta name=\"viewport\""), a.indexOf("<main id=\"content\">")))
        .isEqualTo(b.substring(b.indexOf("<meta name=\"viewport\""), b.indexOf("<main id=\"content\">")));
    assertThat(first.release()).isTrue();
    assertThat(second.release()).isTrue();
  }

  @Test
  void sameModelRendersSameBytes() {
    TestbedConfig config = TestbedConfig.defaults().withProductsPerShop(30);
    ShopModel shop = new CatalogGenerator(config).shop(2);
    ShopPages one = pages(shop, config);
    ShopPages two = pages(new CatalogGenerator(config).shop(2), config);
    try {
      for (int i = 0; i < 30; i += 7) {
        ByteBuf a = one.product(ALLOC, shop.products().get(i));
        ByteBuf b = two.product(ALLOC, shop.products().get(i));
        assertThat(a.equals(b)).isTrue();
        a.release();
        b.release();
      }
      ByteBuf home = one.home(ALLOC);
      assertThat(home.toString(StandardCharsets.UTF_8)).contains("/gone/spring-sale-");
      home.release();
    } finally {
      one.close();
      two.close();
    }
  }

  private static ShopPages pages(ShopModel shop, TestbedConfig config) {
    return new ShopPages(shop, "http://" + shop.host() + ":8080", List.of("http://127.0.2.1:8080"),
        config.productsPerCategoryPage(), config.maxPageBytes());
  }
}

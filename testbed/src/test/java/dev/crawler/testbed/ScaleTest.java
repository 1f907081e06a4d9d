package dev.crawler.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The benchmark size: 16 shops of 2,000 products start quickly and serve concurrent clients correctly. */
class ScaleTest {

  @Test
  void servesSixteenShopsOfTwoThousandProductsToConcurrentClients() throws Exception {
    TestbedConfig config = TestbedConfig.defaults().withShops(16).withProductsPerShop(2_000);
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try (Testbed testbed = Testbed.start(config)) {
      List<ProductTruth> products = testbed.groundTruth().products();
      assertThat(products).hasSize(32_000);
      assertThat(testbed.groundTruth().expectedUrls().size()).isGreaterThan(32_000 + 16 * 2);
      WebClient client = new WebClient();
      List<Future<Integer>> sizes = new ArrayList<>();
      for (int i = 0; i < 800; i++) {
        ProductTruth product = products.get((i * 7919) % products.size());
        sizes.add(clients.submit(() -> {
          HttpResponse<byte[]> response = client.get(product.url());
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(WebClient.jsonLdProduct(WebClient.text(response)).path("sku").asText()).isEqualTo(product.sku());
          return response.body().length;
        }));
      }
      for (Future<Integer> size : sizes) {
        assertThat(size.get(30, TimeUnit.SECONDS)).isBetween(30_000, 80_000);
      }
    } finally {
      clients.shutdownNow();
      assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void startingTheBenchmarkSizeTakesLittleMemoryPerProduct() throws IOException {
    // The pages are assembled per request from a few shared chunks per shop, so a big catalogue costs
    // only its model: a rough ceiling on heap growth catches accidental per-page caching.
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long before = runtime.totalMemory() - runtime.freeMemory();
    try (Testbed testbed = Testbed.start(TestbedConfig.defaults().withShops(16).withProductsPerShop(2_000))) {
      System.gc();
      long used = runtime.totalMemory() - runtime.freeMemory() - before;
      assertThat(used).isLessThan(200L << 20);
      assertThat(testbed.shopHosts()).hasSize(16);
    }
  }
}

package dev.crawler.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TestbedConfigTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertThat(TestbedConfig.defaults()).isEqualTo(new TestbedConfig(4, 200, 42L, "127.0.1.", "127.0.2.", 2, 0,
        30_000, 80_000, Duration.ZERO, 24, 0));
  }

  @Test
  void withMethodsChangeOneField() {
    TestbedConfig config = TestbedConfig.defaults().withShops(16).withProductsPerShop(2_000).withPort(8080)
        .withLatency(Duration.ofMillis(5)).withPageBytes(20_000, 30_000).withSeed(7).withOutsideHosts(0)
        .withProductsPerCategoryPage(50).withShopAddressPrefix("127.0.9.").withOutsideAddressPrefix("127.1.2.")
        .withPlainShops(5);
    assertThat(config).isEqualTo(new TestbedConfig(16, 2_000, 7, "127.0.9.", "127.1.2.", 0, 8080, 20_000, 30_000,
        Duration.ofMillis(5), 50, 5));
  }

  @Test
  void rejectsNonLoopbackAddressesNamingTheField() {
    assertThatThrownBy(() -> TestbedConfig.defaults().withShopAddressPrefix("10.0.0."))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("shopAddressPrefix ");
    assertThatThrownBy(() -> TestbedConfig.defaults().withOutsideAddressPrefix("127.0.2"))
        .hasMessageStartingWith("outsideAddressPrefix ");
    assertThatThrownBy(() -> TestbedConfig.defaults().withShopAddressPrefix("127.0.256."))
        .hasMessageStartingWith("shopAddressPrefix ");
    assertThatThrownBy(() -> TestbedConfig.defaults().withOutsideAddressPrefix("127.0.1."))
        .hasMessageStartingWith("outsideAddressPrefix must differ");
  }

  @Test
  void rejectsOutOfRangeValuesNamingTheField() {
    TestbedConfig defaults = TestbedConfig.defaults();
    assertThatThrownBy(() -> defaults.withShops(0)).hasMessageStartingWith("shops ");
    assertThatThrownBy(() -> defaults.withShops(255)).hasMessageStartingWith("shops ");
    assertThatThrownBy(() -> defaults.withProductsPerShop(0)).hasMessageStartingWith("productsPerShop ");
    assertThatThrownBy(() -> defaults.withPort(70_000)).hasMessageStartingWith("port ");
    assertThatThrownBy(() -> defaults.withPageBytes(1_000, 2_000)).hasMessageStartingWith("minPageBytes ");
    assertThatThrownBy(() -> defaults.withPageBytes(40_000, 30_000)).hasMessageStartingWith("maxPageBytes ");
    assertThatThrownBy(() -> defaults.withLatency(Duration.ofMillis(-1))).hasMessageStartingWith("latency ");
    assertThatThrownBy(() -> defaults.withProductsPerCategoryPage(0))
        .hasMessageStartingWith("productsPerCategoryPage ");
    assertThatThrownBy(() -> defaults.withOutsideHosts(-1)).hasMessageStartingWith("outsideHosts ");
    assertThatThrownBy(() -> defaults.withPlainShops(-1)).hasMessageStartingWith("plainShops ");
    assertThatThrownBy(() -> defaults.withPlainShops(5)).hasMessageStartingWith("plainShops ");
  }

  @Test
  void thePlainShopsAreTheLastOnes() {
    TestbedConfig config = TestbedConfig.defaults().withShops(6).withPlainShops(2);
    assertThat(java.util.stream.IntStream.range(0, 6).filter(config::isPlain)).containsExactly(4, 5);
    assertThat(TestbedConfig.defaults().isPlain(3)).isFalse();
  }

  @Test
  void faultConfigRejectsBadValuesNamingTheField() {
    FaultConfig defaults = FaultConfig.defaults();
    assertThatThrownBy(() -> defaults.withAddressPrefix("192.168.0.")).hasMessageStartingWith("addressPrefix ");
    assertThatThrownBy(() -> defaults.withDrip(Duration.ZERO, 1, 1)).hasMessageStartingWith("dripInterval ");
    assertThatThrownBy(() -> defaults.withDrip(Duration.ofMillis(5), 0, 1)).hasMessageStartingWith("dripChunkBytes ");
    assertThatThrownBy(() -> defaults.withGzipBombBytes(10)).hasMessageStartingWith("gzipBombBytes ");
    assertThatThrownBy(() -> defaults.withCrawlDelaySeconds(0)).hasMessageStartingWith("crawlDelaySeconds ");
    assertThatThrownBy(() -> defaults.withFirstByteDelay(Duration.ofHours(1))).hasMessageStartingWith("firstByteDelay ");
  }
}

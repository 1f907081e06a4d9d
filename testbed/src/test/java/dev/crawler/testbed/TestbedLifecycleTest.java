package dev.crawler.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starting, binding, latency, determinism across runs, and stopping. */
class TestbedLifecycleTest {

  private static final TestbedConfig SMALL = TestbedConfig.defaults().withShops(2).withProductsPerShop(20);
  private static final WebClient CLIENT = new WebClient();

  @Test
  void sameSeedGivesSameShops() throws IOException {
    String homeA;
    String productA;
    GroundTruth truthA;
    int portA;
    try (Testbed a = Testbed.start(SMALL)) {
      portA = a.port();
      truthA = a.groundTruth();
      homeA = WebClient.text(CLIENT.get(a.homePages().get(1)));
      productA = WebClient.text(CLIENT.get(truthA.products().get(25).url()));
    }
    try (Testbed b = Testbed.start(SMALL)) {
      String portless = ":" + portA + "/";
      String home = WebClient.text(CLIENT.get(b.homePages().get(1))).replace(":" + b.port() + "/", portless);
      String product = WebClient.text(CLIENT.get(b.groundTruth().products().get(25).url()))
          .replace(":" + b.port() + "/", portless);
      assertThat(home).isEqualTo(homeA);
      assertThat(product).isEqualTo(productA);
      assertThat(b.groundTruth().products()).extracting(ProductTruth::name, ProductTruth::sku, ProductTruth::price)
          .isEqualTo(truthA.products().stream()
              .map(p -> org.assertj.core.groups.Tuple.tuple(p.name(), p.sku(), p.price())).toList());
    }
  }

  @Test
  void differentSeedsGiveDifferentShops() throws IOException {
    try (Testbed a = Testbed.start(SMALL); Testbed b = Testbed.start(SMALL.withSeed(7))) {
      assertThat(b.groundTruth().products()).extracting(ProductTruth::name)
          .isNotEqualTo(a.groundTruth().products().stream().map(ProductTruth::name).toList());
    }
  }

  @Test
  void latencyDelaysResponses() throws Exception {
    try (Testbed testbed = Testbed.start(SMALL.withLatency(Duration.ofMillis(120)))) {
      long before = System.nanoTime();
      CLIENT.get(testbed.homePages().get(0));
      CLIENT.get(testbed.homePages().get(0).resolve("/robots.txt"));
      CLIENT.get(testbed.homePages().get(1).resolve("/nope"));
      List<RequestRecord> records = Logs.awaitSince(testbed.requestLog(), before, 3);
      assertThat(records).hasSize(3).allSatisfy(r ->
          assertThat(r.durationNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(120)));
      RequestRecord first = records.get(0);
      RequestRecord second = records.get(1);
      assertThat(second.startNanos()).isGreaterThan(first.endNanos());
    }
  }

  @Test
  void explicitPortIsUsedForEveryAddress() throws IOException {
    int port;
    try (Testbed probe = Testbed.start(SMALL)) {
      port = probe.port();
    }
    try (Testbed testbed = Testbed.start(SMALL.withPort(port))) {
      assertThat(testbed.port()).isEqualTo(port);
      assertThat(testbed.homePages()).extracting(URI::getPort).containsOnly(port);
      for (URI home : testbed.homePages()) {
        assertThat(CLIENT.get(home).statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void aTakenPortFailsNamingTheAddress() throws IOException {
    try (Testbed first = Testbed.start(SMALL)) {
      assertThatThrownBy(() -> Testbed.start(SMALL.withPort(first.port())))
          .isInstanceOf(IOException.class).hasMessageContaining("127.0.1.1:" + first.port());
      assertThat(CLIENT.get(first.homePages().get(0)).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void closeStopsListeningOnEveryAddress() throws IOException {
    Testbed testbed = Testbed.start(SMALL);
    int port = testbed.port();
    HttpResponse<byte[]> response = CLIENT.get(testbed.homePages().get(0));
    assertThat(response.statusCode()).isEqualTo(200);
    testbed.close();
    testbed.close(); // idempotent
    for (String host : List.of("127.0.1.1", "127.0.1.2", "127.0.2.1", "127.0.2.2")) {
      assertThatThrownBy(() -> new Socket(InetAddress.getByName(host), port).close())
          .isInstanceOf(ConnectException.class);
    }
  }
}

package dev.crawler.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shops as a crawler sees them, over real loopback sockets. */
class TestbedTest {

  private static final TestbedConfig CONFIG = TestbedConfig.defaults().withShops(3).withProductsPerShop(60)
      .withProductsPerCategoryPage(7).withPageBytes(20_000, 40_000);

  private static final WebClient CLIENT = new WebClient();
  private static Testbed testbed;

  @BeforeAll
  static void start() throws IOException {
    testbed = Testbed.start(CONFIG);
  }

  @AfterAll
  static void stop() {
    testbed.close();
    testbed = null; // let the leak detector see the pages' buffers as garbage
  }

  @BeforeEach
  void clearLog() {
    testbed.requestLog().clear();
  }

  @Test
  void bindsEveryShopAndOutsideHostOnOnePort() {
    assertThat(testbed.port()).isPositive();
    assertThat(testbed.shopHosts()).containsExactly("127.0.1.1", "127.0.1.2", "127.0.1.3");
    assertThat(testbed.homePages()).extracting(URI::toString).containsExactly(
        "http://127.0.1.1:" + testbed.port() + "/", "http://127.0.1.2:" + testbed.port() + "/",
        "http://127.0.1.3:" + testbed.port() + "/");
    assertThat(testbed.groundTruth().outsideHosts()).containsExactly("127.0.2.1", "127.0.2.2");
    for (String host : testbed.groundTruth().outsideHosts()) {
      HttpResponse<byte[]> response = CLIENT.get("http://" + host + ":" + testbed.port() + "/partner/x");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(WebClient.text(response)).contains("Partner site");
    }
  }

  @Test
  void servesEveryProductInGroundTruthWithMatchingJsonLd() {
    List<ProductTruth> products = testbed.groundTruth().products();
    assertThat(products).hasSize(3 * 60);
    for (ProductTruth truth : products) {
      HttpResponse<byte[]> response = CLIENT.get(truth.url());
      assertThat(response.statusCode()).as(truth.url()).isEqualTo(200);
      String html = WebClient.text(response);
      JsonNode product = WebClient.jsonLdProduct(html);
      assertThat(product.path("name").asText()).isEqualTo(truth.name());
      assertThat(product.path("sku").asText()).isEqualTo(truth.sku());
      assertThat(product.path("brand").path("name").asText()).isNotBlank();
      assertThat(product.path("image").asText()).startsWith("http://");
      assertThat(product.path("description").asText()).isNotBlank();
      JsonNode offer = product.path("offers");
      assertThat(offer.path("@type").asText()).isEqualTo("Offer");
      assertThat(new BigDecimal(offer.path("price").asText())).isEqualByComparingTo(truth.price());
      assertThat(offer.path("priceCurrency").asText()).isEqualTo(truth.currency());
      assertThat(offer.path("availability").asText()).startsWith("https://schema.org/");
      assertThat(WebClient.canonical(html)).contains(truth.url());
    }
  }

  @Test
  void productPagesAreWithinConfiguredSize() {
    for (ProductTruth truth : testbed.groundTruth().products().subList(0, 40)) {
      HttpResponse<byte[]> response = CLIENT.get(truth.url());
      assertThat(response.body().length).as(truth.url())
          .isBetween(CONFIG.minPageBytes(), CONFIG.maxPageBytes());
      assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(WebClient.text(response)).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    }
  }

  @Test
  void productPagesOfOneShopDifferInSize() {
    List<Integer> sizes = testbed.groundTruth().products().subList(0, 10).stream()
        .map(p -> CLIENT.get(p.url()).body().length).toList();
    assertThat(sizes).doesNotHaveDuplicates();
  }

  @Test
  void robotsTxtDisallowsPrivatePaths() {
    for (URI home : testbed.homePages()) {
      HttpResponse<byte[]> response = CLIENT.get(home.resolve("/robots.txt"));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
      assertThat(WebClient.text(response)).contains("User-agent: *\nDisallow: /private/\nDisallow: /cart\n")
          .doesNotContain("Crawl-delay");
    }
    assertThat(testbed.groundTruth().disallowedUrls()).isNotEmpty()
        .allSatisfy(url -> assertThat(URI.create(url).getPath()).matches("/private/.*|/cart"));
  }

  @Test
  void disallowedPagesStillAnswerWithHtml() {
    for (String url : testbed.groundTruth().disallowedUrls().stream().limit(5).toList()) {
      HttpResponse<byte[]> response = CLIENT.get(url);
      assertThat(response.statusCode()).as(url).isEqualTo(200);
      assertThat(WebClient.text(response)).contains("Please sign in");
    }
  }

  @Test
  void everyProductReachableFromHomePage() {
    LinkFollower follower = new LinkFollower(CLIENT);
    follower.crawl(testbed.homePages());
    GroundTruth truth = testbed.groundTruth();
    assertThat(follower.fetched).containsExactlyInAnyOrderElementsOf(truth.expectedUrls());
    assertThat(follower.notFound).containsExactlyInAnyOrderElementsOf(truth.notFoundUrls());
    assertThat(follower.disallowed).containsExactlyInAnyOrderElementsOf(truth.disallowedUrls());
    assertThat(follower.outsideHosts).containsExactlyInAnyOrderElementsOf(truth.outsideHosts());
    assertThat(follower.fetched).containsAll(truth.products().stream().map(ProductTruth::url).toList());
  }

  @Test
  void trackingLinksPointToCanonicalProducts() {
    Map<String, ProductTruth> byUrl = testbed.groundTruth().products().stream()
        .collect(Collectors.toMap(ProductTruth::url, Function.identity()));
    LinkFollower follower = new LinkFollower(CLIENT);
    follower.crawl(testbed.homePages().subList(0, 1));
    assertThat(follower.trackingLinks).hasSizeGreaterThan(5)
        .anySatisfy(link -> assertThat(link).contains("utm_source=newsletter&utm_medium=email"))
        .anySatisfy(link -> assertThat(link).contains("?ref=related"))
        .anySatisfy(link -> assertThat(link).contains("?gclid="));
    for (String link : follower.trackingLinks) {
      String canonical = link.substring(0, link.indexOf('?'));
      assertThat(testbed.groundTruth().expectedUrls()).doesNotContain(link).contains(canonical);
      String html = WebClient.text(CLIENT.get(link));
      assertThat(WebClient.canonical(html)).contains(canonical);
      assertThat(WebClient.jsonLdProduct(html).path("sku").asText()).isEqualTo(byUrl.get(canonical).sku());
    }
  }

  @Test
  void unknownPathsAnswer404() {
    String origin = "http://127.0.1.1:" + testbed.port();
    String category = testbed.groundTruth().expectedUrls().stream()
        .filter(u -> u.startsWith(origin + "/c/") && !u.contains("?")).findFirst().orElseThrow();
    List<String> urls = List.of(origin + "/nope", origin + "/p/no-such-product", origin + "/c/no-such-category",
        category + "?page=999", category + "?page=0", category + "?page=two", origin + "/gone/anything");
    for (String url : urls) {
      HttpResponse<byte[]> response = CLIENT.get(url);
      assertThat(response.statusCode()).as(url).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    }
    assertThat(CLIENT.get(category + "?page=1").statusCode()).isEqualTo(200);
  }

  @Test
  void requestLogRecordsArrivalAddressAndTimes() throws InterruptedException {
    long before = System.nanoTime();
    CLIENT.get("http://127.0.1.2:" + testbed.port() + "/robots.txt");
    CLIENT.get("http://127.0.1.3:" + testbed.port() + "/nope?x=1");
    CLIENT.get("http://127.0.1.2:" + testbed.port() + "/");
    // The previous test's last exchange may be logged just after the clear: keep only ours.
    List<RequestRecord> entries = Logs.awaitSince(testbed.requestLog(), before, 3);
    long after = System.nanoTime();
    assertThat(entries).extracting(RequestRecord::host, RequestRecord::pathAndQuery, RequestRecord::method,
            RequestRecord::status, RequestRecord::userAgent)
        .containsExactly(
            tuple("127.0.1.2", "/robots.txt", "GET", 200, WebClient.USER_AGENT),
            tuple("127.0.1.3", "/nope?x=1", "GET", 404, WebClient.USER_AGENT),
            tuple("127.0.1.2", "/", "GET", 200, WebClient.USER_AGENT));
    assertThat(entries).allSatisfy(r -> {
      assertThat(r.startNanos()).isBetween(before, after);
      assertThat(r.endNanos()).isBetween(r.startNanos(), after);
    });
    List<RequestRecord> host2 = testbed.requestLog().forHost("127.0.1.2").stream()
        .filter(r -> r.startNanos() >= before).toList();
    assertThat(host2).hasSize(2);
    assertThat(host2.get(0).endNanos()).isLessThan(host2.get(1).startNanos());
    testbed.requestLog().clear();
    assertThat(testbed.requestLog().entries()).isEmpty();
  }

  @Test
  void sequentialRequestsToOneHostNeverOverlapInTheLogEvenOnFreshConnections() throws Exception {
    long before = System.nanoTime();
    for (int i = 0; i < 30; i++) {
      try (RawHttp raw = new RawHttp("127.0.1.3", testbed.port())) {
        raw.get(i % 2 == 0 ? "/robots.txt" : "/").head();
        raw.read(Integer.MAX_VALUE);
      }
    }
    List<RequestRecord> records = Logs.awaitSince(testbed.requestLog(), before, 30);
    assertThat(records).hasSize(30);
    for (int i = 1; i < records.size(); i++) {
      assertThat(records.get(i).startNanos()).isGreaterThan(records.get(i - 1).endNanos());
    }
  }

  @Test
  void requestLogKeepsTheArrivalAddressWhateverTheHostHeader() throws IOException, InterruptedException {
    long before = System.nanoTime();
    String response = rawExchange("127.0.1.2", "GET /robots.txt HTTP/1.1\r\nHost: 127.0.1.1\r\n"
        + "Connection: close\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 200");
    assertThat(Logs.awaitSince(testbed.requestLog(), before, 1)).singleElement()
        .satisfies(r -> assertThat(r.host()).isEqualTo("127.0.1.2"))
        .satisfies(r -> assertThat(r.userAgent()).isEmpty());
  }

  @Test
  void keepAliveServesSeveralRequestsOnOneConnection() throws IOException {
    String response = rawExchange("127.0.1.1", "GET /robots.txt HTTP/1.1\r\nHost: a\r\n\r\n"
        + "GET /robots.txt HTTP/1.1\r\nHost: a\r\n\r\nGET /nope HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
    assertThat(response.split("HTTP/1.1 ", -1)).hasSize(4);
    assertThat(response).contains("HTTP/1.1 404");
  }

  @Test
  void headRequestsGetHeadersOnly() {
    String url = testbed.groundTruth().products().get(0).url();
    HttpResponse<byte[]> head = CLIENT.head(url);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(CLIENT.get(url).body().length);
  }

  @Test
  void groundTruthRoundTripsThroughJson(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sub/truth.json");
    testbed.groundTruth().writeJson(file);
    GroundTruth read = GroundTruth.readJson(file);
    assertThat(read.expectedUrls()).isEqualTo(testbed.groundTruth().expectedUrls());
    assertThat(read.products()).isEqualTo(testbed.groundTruth().products());
    assertThat(read).isEqualTo(testbed.groundTruth());
  }

  @Test
  void groundTruthListsNotFoundLinksAsExpected() {
    GroundTruth truth = testbed.groundTruth();
    assertThat(truth.notFoundUrls()).isNotEmpty().allSatisfy(url -> assertThat(url).contains("/gone/"));
    assertThat(truth.expectedUrls()).containsAll(truth.notFoundUrls());
    assertThat(truth.expectedUrls()).noneMatch(url -> url.contains("utm_") || url.contains("gclid"));
    assertThat(truth.expectedUrls()).doesNotContainAnyElementsOf(truth.disallowedUrls());
  }

  /** Sends raw bytes to a shop address and reads until the server closes. */
  private String rawExchange(String host, String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getByName(host), testbed.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

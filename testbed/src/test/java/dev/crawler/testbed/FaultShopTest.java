package dev.crawler.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One test per fault mode, over real loopback sockets. */
class FaultShopTest {

  private static final Instant NOW = Instant.parse("2030-05-17T10:15:30Z");
  private static final FaultConfig CONFIG = FaultConfig.defaults()
      .withFirstByteDelay(Duration.ofMillis(300))
      .withDrip(Duration.ofMillis(20), 100, 1_000)
      .withRetryAfterSeconds(7)
      .withCrawlDelaySeconds(3)
      .withGzipBombBytes(64L << 20)
      // The rate-limited host minds no hurry here; its own tests start a shop that does.
      .withMinRequestGap(Duration.ZERO);
  private static final WebClient CLIENT = new WebClient();

  private static FaultShop faults;

  @BeforeAll
  static void start() throws IOException {
    faults = FaultShop.start(CONFIG, InstantSource.fixed(NOW));
  }

  @AfterAll
  static void stop() {
    faults.close();
    faults = null;
  }

  @Test
  void slowFirstByteWithholdsEvenTheStatusLine() throws Exception {
    long before = System.nanoTime();
    try (RawHttp raw = new RawHttp(faults.host(), faults.port())) {
      long firstByte = raw.get(Fault.SLOW_FIRST_BYTE.path()).firstByteNanos();
      assertThat(firstByte).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
      assertThat(raw.head()).startsWith("TTP/1.1 200");
    }
    RequestRecord record = Logs.awaitSince(faults.requestLog(), before, 1).get(0);
    assertThat(record.durationNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
  }

  @Test
  void slowFirstByteTripsAClientTimeout() {
    HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    HttpRequest request = HttpRequest.newBuilder(faults.uri(FaultHost.MAIN, Fault.SLOW_FIRST_BYTE.path() + "?ms=5000"))
        .timeout(Duration.ofMillis(100)).build();
    assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.discarding()))
        .isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void aClientThatHangsUpOnASlowFaultEndsTheExchangeThenNotWhenTheAnswerWouldHaveGone() throws Exception {
    for (String path : List.of(Fault.SLOW_FIRST_BYTE.path() + "?ms=5000", Fault.DRIP.path() + "?ms=5000")) {
      long before = System.nanoTime();
      try (RawHttp raw = new RawHttp(faults.host(), faults.port())) {
        raw.get(path);
      }
      RequestRecord record = Logs.awaitSince(faults.requestLog(), before, 1).get(0);
      assertThat(record.pathAndQuery()).isEqualTo(path);
      assertThat(record.durationNanos()).as(path).isLessThan(TimeUnit.SECONDS.toNanos(4));
    }
  }

  @Test
  void dripSendsTheHeadAtOnceAndTheBodyInTimedPieces() throws Exception {
    long before = System.nanoTime();
    try (RawHttp raw = new RawHttp(faults.host(), faults.port())) {
      long firstByte = raw.get(Fault.DRIP.path()).firstByteNanos();
      String head = raw.head();
      byte[] body = raw.read(10_000);
      long whole = System.nanoTime() - before;
      assertThat(head).containsIgnoringCase("Content-Length: 1000");
      assertThat(body).hasSize(1_000);
      assertThat(new String(body, StandardCharsets.US_ASCII)).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
      assertThat(firstByte).isLessThan(whole);
      // Ten pieces, nine pauses of 20 ms between them.
      assertThat(whole).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(180));
    }
    RequestRecord record = Logs.awaitSince(faults.requestLog(), before, 1).get(0);
    assertThat(record.durationNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(180));
  }

  @Test
  void resetCutsTheBodyShort() throws Exception {
    long before = System.nanoTime();
    try (RawHttp raw = new RawHttp(faults.host(), faults.port())) {
      raw.get(Fault.RESET_MID_BODY.path());
      String head = raw.head();
      assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("Content-Length: 65536");
      int received;
      try {
        received = raw.read(65_536).length;
      } catch (SocketException reset) {
        received = -1; // The RST overtook the data: also a body cut short.
      }
      assertThat(received).isLessThan(65_536);
    }
    assertThat(Logs.awaitSince(faults.requestLog(), before, 1)).singleElement()
        .satisfies(r -> assertThat(r.pathAndQuery()).isEqualTo("/fault/reset"));
  }

  @Test
  void oversizedHeaderSendsAHeadOfMoreThan100KiB() throws Exception {
    try (RawHttp raw = new RawHttp(faults.host(), faults.port())) {
      raw.get(Fault.OVERSIZED_HEADER.path());
      String head = raw.head();
      assertThat(head).startsWith("HTTP/1.1 200").contains("X-Padding: xxxx");
      assertThat(head.length()).isGreaterThan(100 * 1024);
    }
  }

  @Test
  void malformedStatusLineIsNotHttp() throws Exception {
    try (RawHttp raw = new RawHttp(faults.host(), faults.port())) {
      raw.get(Fault.MALFORMED_STATUS_LINE.path());
      assertThat(raw.head()).startsWith("HTTP/1.1 two-hundred OK\r\n");
    }
  }

  @Test
  void serverErrorAnswers500() {
    HttpResponse<byte[]> response = CLIENT.get(faults.uri(Fault.SERVER_ERROR));
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(WebClient.text(response)).contains("Something went wrong");
  }

  @Test
  void serviceUnavailableCarriesRetryAfterSeconds() {
    HttpResponse<byte[]> response = CLIENT.get(faults.uri(Fault.SERVICE_UNAVAILABLE));
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
  }

  @Test
  void flakyFailsTwiceThenSucceedsPerUrl() {
    URI url = faults.uri(FaultHost.MAIN, Fault.FLAKY.path() + "?id=a");
    assertThat(List.of(CLIENT.get(url), CLIENT.get(url), CLIENT.get(url), CLIENT.get(url)))
        .extracting(HttpResponse::statusCode).containsExactly(503, 503, 200, 200);
    URI once = faults.uri(FaultHost.MAIN, Fault.FLAKY.path() + "?fail=1");
    assertThat(List.of(CLIENT.get(once), CLIENT.get(once))).extracting(HttpResponse::statusCode)
        .containsExactly(503, 200);
  }

  @Test
  void tooManyRequestsCarriesRetryAfterSeconds() {
    HttpResponse<byte[]> response = CLIENT.get(faults.uri(Fault.TOO_MANY_REQUESTS));
    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
  }

  @Test
  void tooManyRequestsCarriesRetryAfterAsHttpDate() {
    HttpResponse<byte[]> response = CLIENT.get(faults.uri(Fault.TOO_MANY_REQUESTS_DATE));
    assertThat(response.statusCode()).isEqualTo(429);
    String retryAfter = response.headers().firstValue("Retry-After").orElseThrow();
    assertThat(retryAfter).isEqualTo("Fri, 17 May 2030 10:15:37 GMT");
    assertThat(ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
        .isEqualTo(NOW.plusSeconds(7));
  }

  @Test
  void endlessBodyNeverEnds() throws Exception {
    long before = System.nanoTime();
    try (RawHttp raw = new RawHttp(faults.host(), faults.port())) {
      String head = raw.get(Fault.ENDLESS_BODY.path()).head();
      assertThat(head).containsIgnoringCase("Transfer-Encoding: chunked").doesNotContainIgnoringCase("Content-Length");
      assertThat(raw.read(3 << 20)).hasSize(3 << 20);
    }
    // Hanging up ends the exchange, which is then logged.
    assertThat(Logs.awaitSince(faults.requestLog(), before, 1)).singleElement()
        .satisfies(r -> assertThat(r.pathAndQuery()).isEqualTo("/fault/endless"));
  }

  @Test
  void largeBodyIsTenMebibytes() {
    HttpResponse<byte[]> response = CLIENT.get(faults.uri(Fault.LARGE_BODY));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(10L << 20);
    assertThat(response.body()).hasSize(10 << 20);
  }

  @Test
  void gzipBombInflatesFarBeyondItsSize() throws IOException {
    HttpResponse<byte[]> response = CLIENT.get(faults.uri(Fault.GZIP_BOMB));
    assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(response.body().length).isLessThan(200_000);
    long inflated = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        inflated += n;
      }
    }
    assertThat(inflated).isEqualTo(64L << 20);
  }

  @Test
  void redirectLoopComesBackToItself() {
    HttpResponse<byte[]> first = CLIENT.get(faults.uri(Fault.REDIRECT_LOOP));
    assertThat(first.statusCode()).isEqualTo(302);
    assertThat(first.headers().firstValue("Location")).hasValue("/fault/redirect-loop-b");
    HttpResponse<byte[]> second = CLIENT.get(faults.uri(Fault.REDIRECT_LOOP).resolve("/fault/redirect-loop-b"));
    assertThat(second.statusCode()).isEqualTo(302);
    assertThat(second.headers().firstValue("Location")).hasValue(faults.uri(Fault.REDIRECT_LOOP).toString());
  }

  @Test
  void redirectChainNeverRepeatsAUrl() {
    HttpResponse<byte[]> first = CLIENT.get(faults.uri(Fault.REDIRECT_CHAIN));
    assertThat(first.statusCode()).isEqualTo(301);
    assertThat(first.headers().firstValue("Location")).hasValue("/fault/redirect-chain/1");
    HttpResponse<byte[]> later = CLIENT.get(faults.uri(FaultHost.MAIN, "/fault/redirect-chain/41"));
    assertThat(later.headers().firstValue("Location")).hasValue("/fault/redirect-chain/42");
  }

  @Test
  void redirectToOtherHostLandsOnTheRedirectTarget() {
    HttpResponse<byte[]> response = CLIENT.get(faults.uri(Fault.REDIRECT_OTHER_HOST));
    assertThat(response.statusCode()).isEqualTo(301);
    String location = response.headers().firstValue("Location").orElseThrow();
    assertThat(location).isEqualTo(faults.uri(FaultHost.REDIRECT_TARGET, "/landing").toString())
        .startsWith("http://127.0.3.6:");
    assertThat(CLIENT.get(location).statusCode()).isEqualTo(200);
  }

  @Test
  void wrongContentTypeLabelsHtmlAsJpeg() {
    HttpResponse<byte[]> response = CLIENT.get(faults.uri(Fault.WRONG_CONTENT_TYPE));
    assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(WebClient.text(response)).startsWith("<!DOCTYPE html>");
  }

  @Test
  void missingContentTypeSendsNoHeader() {
    HttpResponse<byte[]> response = CLIENT.get(faults.uri(Fault.MISSING_CONTENT_TYPE));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).isEmpty();
    assertThat(WebClient.text(response)).startsWith("<!DOCTYPE html>");
  }

  @Test
  void lyingCharsetLabelsUtf8AsLatin1() {
    HttpResponse<byte[]> response = CLIENT.get(faults.uri(Fault.LYING_CHARSET));
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=ISO-8859-1");
    assertThat(WebClient.text(response)).contains("Café Crème from Zürich", "<meta charset=\"utf-8\">");
  }

  @Test
  void lyingCyrillicCharsetLabelsWindows1251AsUtf8() {
    HttpResponse<byte[]> response = CLIENT.get(faults.uri(Fault.LYING_CHARSET_CYRILLIC));
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    String text = new String(response.body(), java.nio.charset.Charset.forName("windows-1251"));
    assertThat(text).contains("<meta charset=\"windows-1251\">", "<h1>" + Fault.CYRILLIC_PRODUCT + "</h1>");
  }

  @Test
  void pdfIsServedWhereHtmlWasExpected() {
    HttpResponse<byte[]> labelled = CLIENT.get(faults.uri(Fault.PDF_AT_HTML_URL));
    assertThat(faults.uri(Fault.PDF_AT_HTML_URL).getPath()).endsWith(".html");
    assertThat(labelled.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(WebClient.text(labelled)).startsWith("%PDF-");
    HttpResponse<byte[]> disguised = CLIENT.get(faults.uri(Fault.PDF_LABELLED_HTML));
    assertThat(disguised.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(WebClient.text(disguised)).startsWith("%PDF-");
  }

  @Test
  void robotsTxtAnswers500OnItsHost() {
    assertThat(CLIENT.get(faults.uri(FaultHost.ROBOTS_500, "/robots.txt")).statusCode()).isEqualTo(500);
  }

  @Test
  void robotsTxtAnswers404OnItsHost() {
    assertThat(CLIENT.get(faults.uri(FaultHost.ROBOTS_404, "/robots.txt")).statusCode()).isEqualTo(404);
  }

  @Test
  void robotsTxtRedirectsOnItsHost() {
    HttpResponse<byte[]> response = CLIENT.get(faults.uri(FaultHost.ROBOTS_REDIRECT, "/robots.txt"));
    assertThat(response.statusCode()).isEqualTo(301);
    assertThat(response.headers().firstValue("Location")).hasValue("/robots-moved.txt");
    HttpResponse<byte[]> moved = CLIENT.get(faults.uri(FaultHost.ROBOTS_REDIRECT, "/robots-moved.txt"));
    assertThat(WebClient.text(moved)).contains("Disallow: /private/");
  }

  @Test
  void robotsTxtCarriesCrawlDelayOnItsHost() {
    HttpResponse<byte[]> response = CLIENT.get(faults.uri(FaultHost.ROBOTS_CRAWL_DELAY, "/robots.txt"));
    assertThat(WebClient.text(response)).contains("User-agent: *\nCrawl-delay: 3\n");
    assertThat(WebClient.text(CLIENT.get(faults.uri(FaultHost.MAIN, "/robots.txt")))).doesNotContain("Crawl-delay");
  }

  @Test
  void everyHostServesTheLandingSiteAndTheIndex() {
    for (FaultHost host : FaultHost.values()) {
      String landing = WebClient.text(CLIENT.get(faults.uri(host, "/landing")));
      assertThat(landing).contains("href=\"/landing/more\"", "href=\"/private/secret\"");
      String index = WebClient.text(CLIENT.get(faults.uri(host, "/")));
      for (Fault fault : Fault.values()) {
        assertThat(index).contains("href=\"" + fault.path() + "\"");
      }
    }
  }

  @Test
  void everyHostServesACatalogueOfProductPagesWithStructuredData() {
    String catalogue = WebClient.text(CLIENT.get(faults.uri(FaultHost.MAIN, "/catalogue")));
    for (int n = 1; n <= FaultShop.CATALOGUE_PRODUCTS; n++) {
      assertThat(catalogue).contains("href=\"/product/" + n + "\"");
    }
    String product = WebClient.text(CLIENT.get(faults.uri(FaultHost.MAIN, "/product/7")));
    assertThat(product).contains("\"@type\":\"Product\"", "\"name\":\"Catalogue item 7\"", "\"sku\":\"CAT-7\"",
        "\"price\":\"7.99\"");
    assertThat(CLIENT.get(faults.uri(FaultHost.MAIN, "/product/" + (FaultShop.CATALOGUE_PRODUCTS + 1))).statusCode())
        .isEqualTo(404);
  }

  @Test
  void theRateLimitedHostAnswers429ToARequestThatComesTooSoonAfterTheLastOne() throws Exception {
    try (FaultShop own = FaultShop.start(CONFIG.withAddressPrefix("127.0.5.").withMinRequestGap(Duration.ofMinutes(1)),
        InstantSource.fixed(NOW))) {
      URI product = own.uri(FaultHost.RATE_LIMITED, "/product/1");

      assertThat(CLIENT.get(product).statusCode()).as("the first request").isEqualTo(200);
      HttpResponse<byte[]> hurried = CLIENT.get(product);

      assertThat(hurried.statusCode()).isEqualTo(429);
      assertThat(hurried.headers().firstValue("Retry-After")).hasValue("7");
      assertThat(CLIENT.get(own.uri(FaultHost.MAIN, "/product/1")).statusCode()).as("other hosts do not mind").isEqualTo(200);
      assertThat(CLIENT.get(own.uri(FaultHost.MAIN, "/product/1")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theHostThatDropsConnectionsResetsARequestThatComesTooSoonAfterTheLastOne() throws Exception {
    try (FaultShop own = FaultShop.start(CONFIG.withAddressPrefix("127.0.5.").withMinRequestGap(Duration.ofMinutes(1)),
        InstantSource.fixed(NOW))) {
      assertThat(CLIENT.get(own.uri(FaultHost.DROPS_CONNECTIONS, "/product/1")).statusCode()).as("the first request")
          .isEqualTo(200);
      try (RawHttp raw = new RawHttp(own.host(FaultHost.DROPS_CONNECTIONS), own.port())) {
        raw.get("/product/1");
        assertThat(raw.head()).startsWith("HTTP/1.1 200").containsIgnoringCase("Content-Length: 65536");
        int received;
        try {
          received = raw.read(65_536).length;
        } catch (SocketException reset) {
          received = -1; // The RST overtook the data: also a body cut short.
        }
        assertThat(received).isLessThan(65_536);
      }
    }
  }

  @Test
  void theRateLimitedHostAnswersRequestsThatKeepTheirDistance() throws Exception {
    try (FaultShop own = FaultShop.start(CONFIG.withAddressPrefix("127.0.5.").withMinRequestGap(Duration.ZERO),
        InstantSource.fixed(NOW))) {
      for (int n = 1; n <= 3; n++) {
        assertThat(CLIENT.get(own.uri(FaultHost.RATE_LIMITED, "/product/" + n)).statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void unknownPathsAnswer404() {
    assertThat(CLIENT.get(faults.uri(FaultHost.MAIN, "/fault/nope")).statusCode()).isEqualTo(404);
    assertThat(CLIENT.get(faults.uri(FaultHost.MAIN, "/fault/redirect-chain/x")).statusCode()).isEqualTo(404);
  }

  @Test
  void closingEndsStreamsInProgress() throws Exception {
    FaultShop own = FaultShop.start(CONFIG.withAddressPrefix("127.0.4."), InstantSource.system());
    try (RawHttp raw = new RawHttp(own.host(), own.port())) {
      raw.get(Fault.ENDLESS_BODY.path() + "?ms=5").head();
      assertThat(raw.read(1024)).hasSize(1024);
      own.close();
      // The server closed the connection: reading reaches the end (or a reset), it does not hang.
      try {
        while (raw.read(1 << 16).length > 0) {
          continue;
        }
      } catch (SocketException reset) {
        assertThat(reset).hasMessageContaining("reset");
      }
    } finally {
      own.close();
    }
    assertThatThrownBy(() -> new RawHttp(own.host(), own.port())).isInstanceOf(ConnectException.class);
  }
}

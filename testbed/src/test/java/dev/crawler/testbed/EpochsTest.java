package dev.crawler.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crawler.testbed.ChangeTruth.Field;
import dev.crawler.testbed.ChangeTruth.GoneProduct;
import dev.crawler.testbed.ChangeTruth.ProductChange;
import dev.crawler.testbed.ShopModel.CategoryModel;
import dev.crawler.testbed.ShopModel.ProductModel;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The world in epochs, as a recrawling crawler sees it over loopback. */
class EpochsTest {

  /** Busier than the defaults, so that 60 products a shop show every kind of change in one epoch. */
  private static final EpochConfig BUSY = EpochConfig.defaults().withShares(0.1, 0.05, 0.05, 0.05, 0.05)
      .withNoValidatorsEvery(3);
  private static final TestbedConfig CONFIG = TestbedConfig.defaults().withShops(3).withProductsPerShop(60)
      .withProductsPerCategoryPage(7).withPageBytes(20_000, 40_000).withEpochs(BUSY);
  private static final WebClient CLIENT = new WebClient();

  /**
   * SHA-256 of pages rendered by the testbed before epochs existed (commit b4587d7), for the world
   * below at origin {@code http://127.0.1.N:8080}: per shop its home page, page 2 of its second
   * category, and its products 0 and 17.
   */
  private static final List<String> PAGES_BEFORE_EPOCHS = List.of(
      "0d16930a6ac910fade7ca266674671359e1c05708099fb2a2ececf0f68ad4cfd",
      "5a216fa5b9a709cbcbef91c1129e3736fafed1565bf1bb6eb7afe2a2f88c4b70",
      "6e7bc97d91c6e558bed060c3b5a8670b9a1bf646b2bd3f4a3e1554356fb4d334",
      "3df8bc857492d33701579d9a9b05b1ac03bf79989ea3067046878b5654d413f5",
      "03284d060510deb0d66dbf5c097eb8616b0f47971eccb2606d70a741b2d196ee",
      "a41e0445d56bbe203cdf52e6a01b612e00d33696e095e063e2e8f273ec53f424",
      "b6c0745e4ab38d4b1c838520600e337624ed39587799c5859eed0df26f8c593f",
      "046836e08f8b126ff7af2f5c6e06d2f0a44eafc29879a26bf77d3b925b7ffd2c",
      "bca56585a12b772102ed092d4d863dfebc4b5ac780a2f541ffb9217e8b26934f",
      "8a784a68ff144ff3531efb4c7cbf3447a02d41e840eac222d1848c2fb2cfad53",
      "49ca81fb4108c50e9fcc43004e30c0f890c82568345d3e9cbfceace29aa96fcc",
      "1eddbfae94dcf9f881f042664bf89bd0eb3b0a0729a1a1bde2ea1074a50977a3");

  @Test
  void epochZeroRendersTheSameBytesAsBeforeEpochsExisted() {
    TestbedConfig config = TestbedConfig.defaults().withShops(3).withProductsPerShop(60).withPlainShops(1)
        .withProductsPerCategoryPage(7).withPageBytes(20_000, 40_000).withEpochs(BUSY);
    List<String> digests = new ArrayList<>();
    for (ShopModel shop : new CatalogGenerator(config).shops()) {
      String origin = "http://" + shop.host() + ":8080";
      ShopPages pages = new ShopPages(shop, origin, List.of("http://127.0.2.1:8080", "http://127.0.2.2:8080"),
          config.productsPerCategoryPage(), config.maxPageBytes());
      PageText served = ShopEpoch.first(shop, origin, config.productsPerCategoryPage()).text();
      digests.add(sha256(pages.assemble(PooledByteBufAllocator.DEFAULT, served.home(), -1)));
      digests.add(sha256(pages.assemble(PooledByteBufAllocator.DEFAULT, served.category(shop.categories().get(1), 2),
          -1)));
      for (int index : List.of(0, 17)) {
        ProductModel product = shop.products().get(index);
        digests.add(sha256(pages.assemble(PooledByteBufAllocator.DEFAULT, served.product(product),
            product.pageBytes())));
      }
      pages.close();
    }
    assertThat(digests).isEqualTo(PAGES_BEFORE_EPOCHS);
  }

  @Test
  void epochZeroServesWhatTheCatalogueRendersAndItsGroundTruth() throws IOException {
    try (Testbed testbed = Testbed.start(CONFIG)) {
      assertThat(testbed.epoch()).isZero();
      ShopModel shop = new CatalogGenerator(CONFIG).shop(0);
      String origin = testbed.homePages().get(0).toString().replaceAll("/$", "");
      ShopPages pages = new ShopPages(shop, origin, List.of("http://127.0.2.1:" + testbed.port(),
          "http://127.0.2.2:" + testbed.port()), CONFIG.productsPerCategoryPage(), CONFIG.maxPageBytes());
      try {
        assertThat(sha256(CLIENT.get(origin + "/").body()))
            .isEqualTo(sha256(pages.home(PooledByteBufAllocator.DEFAULT)));
        for (CategoryModel category : shop.categories()) {
          int last = shop.pageCount(category, CONFIG.productsPerCategoryPage());
          assertThat(sha256(CLIENT.get(origin + ShopModel.categoryPath(category, last)).body()))
              .isEqualTo(sha256(pages.category(PooledByteBufAllocator.DEFAULT, category, last)));
        }
        for (ProductModel product : shop.products().subList(0, 5)) {
          assertThat(sha256(CLIENT.get(origin + ShopModel.productPath(product)).body()))
              .isEqualTo(sha256(pages.product(PooledByteBufAllocator.DEFAULT, product)));
        }
      } finally {
        pages.close();
      }
      assertThat(testbed.groundTruth()).isEqualTo(testbed.groundTruth(0)).isEqualTo(GroundTruthBuilder.build(
          new CatalogGenerator(CONFIG).shops(), testbed.port(), CONFIG.productsPerCategoryPage(),
          List.of("127.0.2.1", "127.0.2.2")));
    }
  }

  @Test
  void afterAnAdvanceEveryPageShowsTheNewValuesOfTheChanges() throws IOException {
    try (Testbed testbed = Testbed.start(CONFIG)) {
      assertThat(testbed.advanceEpoch()).isEqualTo(1);
      ChangeTruth changes = testbed.changes(0, 1);
      assertThat(changes.changes(Field.PRICE)).isNotEmpty();
      assertThat(changes.changes(Field.AVAILABILITY)).isNotEmpty();
      assertThat(changes.changes(Field.NAME)).isNotEmpty();
      for (ProductChange change : changes.changes()) {
        JsonNode product = WebClient.jsonLdProduct(WebClient.text(CLIENT.get(change.url())));
        String served = switch (change.field()) {
          case PRICE -> new BigDecimal(product.path("offers").path("price").asText()).toPlainString();
          case AVAILABILITY -> product.path("offers").path("availability").asText()
              .substring("https://schema.org/".length());
          case NAME -> product.path("name").asText();
        };
        assertThat(served).as(change.toString()).isEqualTo(change.newValue()).isNotEqualTo(change.oldValue());
      }
      Map<String, ProductTruth> now = byUrl(testbed.groundTruth());
      assertThat(changes.changes()).allSatisfy(c -> assertThat(now).containsKey(c.url()));
    }
  }

  @Test
  void removedProductsAnswer404Or410AndOnlyLiveOnesAreLinked() throws IOException {
    try (Testbed testbed = Testbed.start(CONFIG)) {
      testbed.advanceTo(2);
      ChangeTruth changes = testbed.changes(0, 2);
      assertThat(changes.gone()).isNotEmpty().extracting(GoneProduct::status).contains(404, 410);
      for (GoneProduct gone : changes.gone()) {
        assertThat(CLIENT.get(gone.url()).statusCode()).as(gone.url()).isEqualTo(gone.status());
      }
      assertThat(changes.added()).isNotEmpty();
      for (ProductTruth added : changes.added()) {
        JsonNode product = WebClient.jsonLdProduct(WebClient.text(CLIENT.get(added.url())));
        assertThat(product.path("sku").asText()).isEqualTo(added.sku());
        assertThat(new BigDecimal(product.path("offers").path("price").asText())).isEqualByComparingTo(added.price());
      }

      LinkFollower follower = new LinkFollower(CLIENT);
      follower.crawl(testbed.homePages());
      GroundTruth truth = testbed.groundTruth();
      assertThat(follower.fetched).containsExactlyInAnyOrderElementsOf(truth.expectedUrls())
          .containsAll(changes.added().stream().map(ProductTruth::url).toList())
          .doesNotContainAnyElementsOf(changes.gone().stream().map(GoneProduct::url).toList());
      assertThat(follower.notFound).containsExactlyInAnyOrderElementsOf(truth.notFoundUrls());
      assertThat(truth).isEqualTo(testbed.groundTruth(2));
    }
  }

  @Test
  void aPageIsAnswered304ExactlyWhenItHasNotChangedSinceTheClientsCopy() throws IOException {
    try (Testbed testbed = Testbed.start(CONFIG)) {
      List<String> urls = pageUrls(testbed.groundTruth(), "127.0.1.1");
      Map<String, HttpResponse<byte[]>> before = new java.util.LinkedHashMap<>();
      for (String url : urls) {
        HttpResponse<byte[]> response = CLIENT.get(url);
        assertThat(response.headers().firstValue("Last-Modified")).as(url).hasValue(httpDate(testbed, 0));
        assertThat(CLIENT.get(url, "If-None-Match", etag(response)).statusCode()).as(url).isEqualTo(304);
        before.put(url, response);
      }

      testbed.advanceEpoch();
      ChangeTruth changes = testbed.changes(0, 1);
      int notModified = 0;
      for (String url : urls) {
        HttpResponse<byte[]> old = before.get(url);
        HttpResponse<byte[]> byTag = CLIENT.get(url, "If-None-Match", etag(old));
        HttpResponse<byte[]> byDate = CLIENT.get(url, "If-Modified-Since", old.headers().firstValue("Last-Modified")
            .orElseThrow());
        HttpResponse<byte[]> current = CLIENT.get(url);
        if (current.statusCode() != 200) {
          continue; // a removed product or a listing page that no longer exists
        }
        boolean unchanged = java.util.Arrays.equals(current.body(), old.body());
        assertThat(byTag.statusCode()).as(url).isEqualTo(unchanged ? 304 : 200);
        assertThat(byDate.statusCode()).as(url).isEqualTo(unchanged ? 304 : 200);
        assertThat(etag(current).equals(etag(old))).as(url).isEqualTo(unchanged);
        assertThat(current.headers().firstValue("Last-Modified")).as(url)
            .hasValue(httpDate(testbed, unchanged ? 0 : 1));
        if (unchanged) {
          notModified++;
          assertThat(byTag.body()).isEmpty();
          assertThat(byTag.headers().firstValue("ETag")).hasValue(etag(old));
        } else {
          assertThat(byTag.body()).isEqualTo(current.body());
        }
        if (changes.changedUrls().contains(url)) {
          assertThat(unchanged).as(url).isFalse();
        }
      }
      assertThat(notModified).isPositive().isLessThan(urls.size());
    }
  }

  @Test
  void lastModifiedIsWhenThePageLastChangedAcrossSeveralEpochs() throws IOException {
    try (Testbed testbed = Testbed.start(CONFIG)) {
      List<Map<String, byte[]>> bodies = new ArrayList<>();
      for (int epoch = 0; epoch <= 3; epoch++) {
        testbed.advanceTo(epoch);
        Map<String, byte[]> now = new java.util.HashMap<>();
        pageUrls(testbed.groundTruth(), "127.0.1.2").forEach(url -> now.put(url, CLIENT.get(url).body()));
        bodies.add(now);
      }
      for (String url : bodies.get(3).keySet()) {
        int changed = 0;
        for (int epoch = 1; epoch <= 3; epoch++) {
          byte[] before = bodies.get(epoch - 1).get(url);
          if (before == null || !java.util.Arrays.equals(before, bodies.get(epoch).get(url))) {
            changed = epoch;
          }
        }
        assertThat(CLIENT.get(url).headers().firstValue("Last-Modified")).as(url).hasValue(httpDate(testbed, changed));
      }
    }
  }

  @Test
  void listingPagesCarryValidatorsToo() throws IOException {
    try (Testbed testbed = Testbed.start(CONFIG)) {
      for (String url : pageUrls(testbed.groundTruth(), "127.0.1.2")) {
        if (!url.contains("/p/")) {
          HttpResponse<byte[]> response = CLIENT.get(url);
          assertThat(response.headers().firstValue("ETag")).as(url).hasValueSatisfying(
              tag -> assertThat(tag).matches("\"[0-9a-f]{32}\""));
          assertThat(CLIENT.get(url, "If-None-Match", etag(response)).statusCode()).as(url).isEqualTo(304);
        }
      }
    }
  }

  @Test
  void shopsWithoutValidatorsNeverSendThemAndIgnoreConditionalHeaders() throws IOException {
    try (Testbed testbed = Testbed.start(CONFIG)) {
      testbed.advanceEpoch();
      for (String url : pageUrls(testbed.groundTruth(), "127.0.1.3")) {
        for (HttpResponse<byte[]> response : List.of(CLIENT.get(url), CLIENT.get(url, "If-None-Match", "*"),
            CLIENT.get(url, "If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT"))) {
          assertThat(response.statusCode()).as(url).isEqualTo(200);
          assertThat(response.headers().firstValue("ETag")).as(url).isEmpty();
          assertThat(response.headers().firstValue("Last-Modified")).as(url).isEmpty();
          assertThat(response.body()).isNotEmpty();
        }
      }
    }
  }

  @Test
  void theRequestLogTellsConditionalRequestsAndNotModifiedAnswers() throws Exception {
    try (Testbed testbed = Testbed.start(CONFIG)) {
      String url = testbed.groundTruth().products().get(0).url();
      long before = System.nanoTime();
      String tag = etag(CLIENT.get(url));
      CLIENT.get(url, "If-None-Match", tag);
      CLIENT.get(url, "If-None-Match", "\"something-else\"");
      List<RequestRecord> records = Logs.awaitSince(testbed.requestLog(), before, 3);
      assertThat(records).extracting(RequestRecord::conditional).containsExactly(false, true, true);
      assertThat(records).extracting(RequestRecord::notModified).containsExactly(false, true, false);
      assertThat(records).extracting(RequestRecord::status).containsExactly(200, 304, 200);
    }
  }

  @Test
  void changesBetweenTwoEpochsAreTheNetDifferenceOfTheirGroundTruths() throws IOException {
    try (Testbed testbed = Testbed.start(CONFIG)) {
      Map<String, ProductTruth> then = byUrl(testbed.groundTruth(1));
      Map<String, ProductTruth> now = byUrl(testbed.groundTruth(3));
      ChangeTruth changes = testbed.changes(1, 3);
      List<ProductChange> expected = new ArrayList<>();
      for (ProductTruth after : testbed.groundTruth(3).products()) {
        ProductTruth before = then.get(after.url());
        if (before == null) {
          continue;
        }
        if (before.price().compareTo(after.price()) != 0) {
          expected.add(new ProductChange(after.url(), Field.PRICE, before.price().toPlainString(),
              after.price().toPlainString()));
        }
        if (!before.availability().equals(after.availability())) {
          expected.add(new ProductChange(after.url(), Field.AVAILABILITY, before.availability(), after.availability()));
        }
        if (!before.name().equals(after.name())) {
          expected.add(new ProductChange(after.url(), Field.NAME, before.name(), after.name()));
        }
      }
      assertThat(changes.changes()).containsExactlyElementsOf(expected);
      assertThat(changes.gone()).extracting(GoneProduct::url).containsExactlyInAnyOrderElementsOf(
          then.keySet().stream().filter(url -> !now.containsKey(url)).toList());
      assertThat(changes.added()).containsExactlyInAnyOrderElementsOf(
          now.values().stream().filter(p -> !then.containsKey(p.url())).toList());
      assertThat(testbed.changes(2, 2).changes()).isEmpty();
      assertThat(testbed.epoch()).as("asking about epochs does not advance the world").isZero();
    }
  }

  @Test
  void theSameSeedGivesTheSameChangesOnAnyPort() throws IOException {
    try (Testbed one = Testbed.start(CONFIG); Testbed two = Testbed.start(CONFIG)) {
      two.advanceTo(3);
      assertThat(withoutPort(one.changes(0, 3), one.port())).isEqualTo(withoutPort(two.changes(0, 3), two.port()));
      assertThat(one.groundTruth(3).products()).extracting(ProductTruth::sku, ProductTruth::price)
          .isEqualTo(two.groundTruth().products().stream()
              .map(p -> org.assertj.core.groups.Tuple.tuple(p.sku(), p.price())).toList());
    }
  }

  @Test
  void theWorldOnlyMovesForward() throws IOException {
    try (Testbed testbed = Testbed.start(CONFIG)) {
      testbed.advanceTo(2);
      testbed.advanceTo(2);
      assertThat(testbed.epoch()).isEqualTo(2);
      assertThatThrownBy(() -> testbed.advanceTo(1)).hasMessage("epoch must not go back from 2 but was 1");
      assertThatThrownBy(() -> testbed.advanceTo(EpochConfig.MAX_EPOCH + 1)).hasMessageStartingWith("epoch must be in");
      assertThatThrownBy(() -> testbed.changes(3, 2)).hasMessageStartingWith("toEpoch must be in [3, ");
      assertThat(testbed.epochStart(2)).isEqualTo(BUSY.epochZero().plus(BUSY.epochLength().multipliedBy(2)));
    }
  }

  @Test
  void changesRoundTripThroughJson(@TempDir Path dir) throws IOException {
    try (Testbed testbed = Testbed.start(CONFIG)) {
      ChangeTruth changes = testbed.changes(0, 2);
      Path file = dir.resolve("sub/changes.json");
      changes.writeJson(file);
      assertThat(ChangeTruth.readJson(file)).isEqualTo(changes);
      assertThat(java.nio.file.Files.readString(file)).contains("\"fromEpoch\" : 0", "\"field\" : \"PRICE\"");
    }
  }

  @Test
  void productPagesKeepTheirExactSizeThroughRenamesEvenAtTheSmallestSize() {
    int floor = TestbedConfig.MIN_PAGE_BYTES_FLOOR;
    TestbedConfig config = TestbedConfig.defaults().withShops(8).withPlainShops(4).withProductsPerShop(100)
        .withPageBytes(floor, floor).withEpochs(EpochConfig.defaults().withShares(0.3, 0.1, 0.3, 0.05, 0.1));
    for (ShopModel shop : new CatalogEvolution(config).at(6)) {
      String origin = "http://" + shop.host() + ":65535";
      ShopPages pages = new ShopPages(shop, origin, List.of(), config.productsPerCategoryPage(), config.maxPageBytes());
      PageText text = new PageText(shop, origin, config.productsPerCategoryPage());
      try {
        for (ProductModel product : shop.liveProducts()) {
          ByteBuf page = pages.assemble(PooledByteBufAllocator.DEFAULT, text.product(product), product.pageBytes());
          assertThat(page.readableBytes()).isEqualTo(floor);
          page.release();
        }
      } finally {
        pages.close();
      }
    }
  }

  private static List<String> pageUrls(GroundTruth truth, String host) {
    return truth.expectedUrls().stream().filter(u -> URI.create(u).getHost().equals(host))
        .filter(u -> !u.endsWith("/robots.txt") && !truth.notFoundUrls().contains(u)).toList();
  }

  private static String etag(HttpResponse<byte[]> response) {
    return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + response));
  }

  private static String httpDate(Testbed testbed, int epoch) {
    return java.time.format.DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ROOT)
        .withZone(java.time.ZoneOffset.UTC).format(testbed.epochStart(epoch));
  }

  private static Map<String, ProductTruth> byUrl(GroundTruth truth) {
    return truth.products().stream().collect(Collectors.toMap(ProductTruth::url, Function.identity()));
  }

  private static ChangeTruth withoutPort(ChangeTruth changes, int port) {
    Function<String, String> strip = url -> url.replace(":" + port + "/", ":PORT/");
    return new ChangeTruth(changes.fromEpoch(), changes.toEpoch(),
        changes.changes().stream().map(c -> new ProductChange(strip.apply(c.url()), c.field(), c.oldValue(),
            c.newValue())).toList(),
        changes.gone().stream().map(g -> new GoneProduct(strip.apply(g.url()), g.sku(), g.status())).toList(),
        changes.added().stream().map(p -> new ProductTruth(strip.apply(p.url()), p.name(), p.price(), p.currency(),
            p.sku(), p.availability(), p.plainShop())).toList());
  }

  private static byte[] bytes(ByteBuf page) {
    try {
      return ByteBufUtil.getBytes(page);
    } finally {
      page.release();
    }
  }

  private static String sha256(ByteBuf page) {
    return sha256(bytes(page));
  }

  private static String sha256(byte[] page) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(page));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.crawler.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.testbed.ShopModel.ProductModel;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The product pages of plain shops: no structured data, the shop's language and price format, exact sizes. */
class PlainShopPagesTest {

  private static final ByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;
  /** Eleven plain shops: every layout and every language at least once. */
  private static final TestbedConfig CONFIG = TestbedConfig.defaults().withShops(12).withPlainShops(11)
      .withProductsPerShop(60);
  private static final List<ShopModel> SHOPS = new CatalogGenerator(CONFIG).shops();

  @Test
  void onlyTheLastShopsArePlainAndTheyCoverEveryLayoutAndLanguage() {
    assertThat(SHOPS.get(0).isPlain()).isFalse();
    List<ShopModel> plain = SHOPS.subList(1, SHOPS.size());
    assertThat(plain).allMatch(ShopModel::isPlain);
    assertThat(plain.stream().map(s -> s.plain().orElseThrow().layout()).collect(Collectors.toSet()))
        .isEqualTo(EnumSet.allOf(PlainLayout.class));
    assertThat(plain.stream().map(s -> s.plain().orElseThrow().language()).collect(Collectors.toSet()))
        .isEqualTo(EnumSet.allOf(ShopLanguage.class));
    assertThat(plain).allMatch(s -> s.currency().equals(s.plain().orElseThrow().language().currency));
  }

  @Test
  void plainPagesCarryNoStructuredDataAndNoPriceMeta() {
    forEachPlainPage((shop, product, html) -> {
      assertThat(html).as(product.slug()).doesNotContain("application/ld+json", "itemprop", "itemscope",
          "itemtype", "typeof=", "property=\"product:", "og:price", "og:type", "schema.org");
    });
  }

  @Test
  void theHeadingHoldsTheNameAndThePriceIsInTheShopsLocaleFormat() {
    forEachPlainPage((shop, product, html) -> {
      String name = Html.escape(product.name());
      assertThat(html).as(product.slug()).containsPattern("<h1[^>]*>" + java.util.regex.Pattern.quote(name) + "</h1>");
      assertThat(html).contains("<html lang=\"" + shop.plain().orElseThrow().language().tag + "\">");
      assertThat(html).contains(Html.escape(shop.plain().orElseThrow().language().price.format(product.price())));
    });
  }

  @Test
  void localeFormatsAreTheOnesShoppersKnow() {
    java.math.BigDecimal amount = new java.math.BigDecimal("1234.56");
    assertThat(ShopLanguage.GERMAN.price.format(amount)).isEqualTo("1.234,56\u00a0€");
    assertThat(ShopLanguage.FRENCH.price.format(amount)).isEqualTo("1\u202f234,56\u00a0€");
    assertThat(ShopLanguage.AMERICAN_ENGLISH.price.format(amount)).isEqualTo("$1,234.56");
    assertThat(ShopLanguage.POLISH.price.format(amount)).isEqualTo("1\u00a0234,56\u00a0zł");
    assertThat(ShopLanguage.BRAZILIAN_PORTUGUESE.price.format(amount)).isEqualTo("R$\u00a01.234,56");
    assertThat(ShopLanguage.SWISS_GERMAN.price.format(new java.math.BigDecimal("1234.50"))).isEqualTo("CHF\u00a01'234.50");
    assertThat(ShopLanguage.JAPANESE.price.format(new java.math.BigDecimal("12340"))).isEqualTo("12,340円");
  }

  @Test
  void aSaleShowsTheOldPriceStruckAndLabelled() {
    Set<PlainLayout> seen = EnumSet.noneOf(PlainLayout.class);
    forEachPlainPage((shop, product, html) -> {
      if (product.wasPrice().isEmpty()) {
        return;
      }
      PlainLook look = shop.plain().orElseThrow();
      seen.add(look.layout());
      String was = Html.escape(look.language().price.format(product.wasPrice().get()));
      String main = html.substring(html.indexOf("<h1"), html.indexOf("</h1>") + 2_000);
      assertThat(product.wasPrice().get()).isGreaterThan(product.price());
      assertThat(main).as(product.slug()).containsPattern("(<del[^>]*>|<s>|line-through\">)"
          + java.util.regex.Pattern.quote(was) + "</");
      assertThat(main).contains(look.language().phrases.wasLabel());
    });
    assertThat(seen).isEqualTo(EnumSet.allOf(PlainLayout.class));
  }

  @Test
  void inStockPagesHaveAnEnabledBuyControlAndSoldOutPagesNone() {
    forEachPlainPage((shop, product, html) -> {
      Phrases words = shop.phrases();
      if (shop.plain().orElseThrow().layout() == PlainLayout.CLASSIFIED) {
        return; // no cart at all: see the next test
      }
      String main = html.substring(html.indexOf("<h1"), html.indexOf("<h2"));
      if (product.availability().equals("InStock")) {
        assertThat(main).as(product.slug()).contains(words.addToCart()).doesNotContain(" disabled")
            .doesNotContain(words.soldOut());
      } else {
        assertThat(product.availability()).isEqualTo("OutOfStock");
        assertThat(main).as(product.slug()).contains(words.soldOut());
        boolean disabledButton = main.contains(" disabled>");
        boolean noButton = !main.contains("<button") && !main.contains("add-to-cart");
        assertThat(disabledButton || noButton).as(product.slug() + " has no usable buy button").isTrue();
      }
    });
  }

  @Test
  void aClassifiedAdHasNoCartAndSaysOnlyWhenItsItemIsGone() {
    Set<String> seen = new java.util.HashSet<>();
    forEachPlainPage((shop, product, html) -> {
      if (shop.plain().orElseThrow().layout() != PlainLayout.CLASSIFIED) {
        return;
      }
      Phrases words = shop.phrases();
      seen.add(product.availability());
      String aside = html.substring(html.indexOf("<aside"), html.indexOf("</aside>"));
      assertThat(aside).as(product.slug()).contains("<button", words.contactSeller());
      String ad = html.substring(html.indexOf("<h1"), html.indexOf("</aside>"));
      assertThat(ad).as(product.slug()).doesNotContain(words.addToCart(), "/cart", words.inStock(), words.delivery());
      if (product.availability().equals("InStock")) {
        assertThat(ad).as(product.slug()).doesNotContain(words.adClosed(), words.soldOut());
      } else {
        assertThat(html.substring(html.indexOf("<h1"), html.indexOf("<h2"))).as(product.slug()).contains(words.adClosed());
      }
    });
    assertThat(seen).containsExactlyInAnyOrder("InStock", "OutOfStock");
  }

  @Test
  void everyPageShowsItsSkuSomewhereAndTheCarouselShowsOtherPrices() {
    forEachPlainPage((shop, product, html) -> {
      assertThat(html).as(product.slug()).contains(product.sku());
      ProductModel other = shop.products().get(product.related().get(0).productIndex());
      String carousel = html.substring(html.lastIndexOf(shop.phrases().related()));
      assertThat(carousel).contains(Html.escape(other.name()), Html.escape(shop.displayPrice(other.price())));
    });
  }

  @Test
  void theCartLinkIsInTheGroundTruthExactlyWhenThePageHasIt() {
    GroundTruth truth = GroundTruthBuilder.build(SHOPS, 8080, CONFIG.productsPerCategoryPage(), List.of());
    forEachPlainPage((shop, product, html) -> {
      boolean linked = html.contains("href=\"" + Html.escape(LinkForm.values()[product.index() % 3]
          .href("http://" + shop.host() + ":8080", ShopModel.productPath(product), ShopModel.cartPath(product))) + "\"");
      assertThat(linked).as(product.slug()).isEqualTo(shop.linksCart(product));
      assertThat(truth.disallowedUrls().contains("http://" + shop.host() + ":8080" + ShopModel.cartPath(product)))
          .isEqualTo(linked);
    });
    assertThat(truth.products().stream().filter(ProductTruth::plainShop)).hasSize(11 * 60);
  }

  @Test
  void plainPagesHaveExactlyTheirTargetSizeEvenAtTheSmallestAllowed() {
    int floor = TestbedConfig.MIN_PAGE_BYTES_FLOOR;
    TestbedConfig config = CONFIG.withPageBytes(floor, floor);
    for (ShopModel shop : new CatalogGenerator(config).shops()) {
      ShopPages pages = pages(shop, config);
      try {
        for (ProductModel product : shop.products()) {
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
  void theHeaderAndFooterSpeakTheShopsLanguage() {
    ShopModel german = plainShop(s -> s.plain().orElseThrow().language() == ShopLanguage.GERMAN);
    String html = render(german, german.products().get(0));
    assertThat(html).contains("Mein Konto", "Warenkorb (0)", "Newsletter abonnieren", "Kostenloser Versand ab 50\u00a0€")
        .doesNotContain("My account", "Join our newsletter");
  }

  private interface PageCheck {
    void check(ShopModel shop, ProductModel product, String html);
  }

  private static void forEachPlainPage(PageCheck check) {
    for (ShopModel shop : SHOPS) {
      if (!shop.isPlain()) {
        continue;
      }
      ShopPages pages = pages(shop, CONFIG);
      try {
        for (ProductModel product : shop.products()) {
          ByteBuf page = pages.product(ALLOC, product);
          try {
            check.check(shop, product, page.toString(StandardCharsets.UTF_8));
          } finally {
            page.release();
          }
        }
      } finally {
        pages.close();
      }
    }
  }

  private static ShopModel plainShop(Predicate<ShopModel> which) {
    return SHOPS.stream().filter(ShopModel::isPlain).filter(which).findFirst().orElseThrow();
  }

  private static String render(ShopModel shop, ProductModel product) {
    ShopPages pages = pages(shop, CONFIG);
    try {
      ByteBuf page = pages.product(ALLOC, product);
      try {
        return page.toString(StandardCharsets.UTF_8);
      } finally {
        page.release();
      }
    } finally {
      pages.close();
    }
  }

  private static ShopPages pages(ShopModel shop, TestbedConfig config) {
    return new ShopPages(shop, "http://" + shop.host() + ":8080", List.of("http://127.0.2.1:8080"),
        config.productsPerCategoryPage(), config.maxPageBytes());
  }
}

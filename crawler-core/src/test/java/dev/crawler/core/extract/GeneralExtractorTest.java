package dev.crawler.core.extract;

import static dev.crawler.core.extract.Pages.extract;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** What the general page extractor reads from pages that carry no structured data. */
class GeneralExtractorTest {

  private static String page(String lang, String body) {
    return "<html lang=\"" + lang + "\"><head><title>Shop</title></head><body>"
        + "<header><nav><a href=\"/\">Home</a> <a href=\"/c/all\">All</a></nav></header>"
        + "<main>" + body + "</main><footer><p>Free delivery over $50</p></footer></body></html>";
  }

  private static String related(String... namesAndPrices) {
    StringBuilder html = new StringBuilder("<section class=\"related-products\"><h2>You may also like</h2><ul>");
    for (int i = 0; i < namesAndPrices.length; i += 2) {
      html.append("<li><a href=\"/p/").append(i).append("\">").append(namesAndPrices[i])
          .append("</a> <span class=\"price\">").append(namesAndPrices[i + 1]).append("</span></li>");
    }
    return html.append("</ul></section>").toString();
  }

  @Test
  void salePriceBesideAStruckOldPriceIsThePrice() {
    List<ExtractedProduct> products = extract(page("en", """
        <h1>Trail Runner 2</h1>
        <div class="price-box"><del class="price">$129.00</del> <span class="price">$89.00</span></div>
        <button type="submit">Add to cart</button>"""));

    assertThat(products).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("Trail Runner 2");
      assertThat(p.price()).isEqualByComparingTo("89");
      assertThat(p.currency()).isEqualTo("USD");
      assertThat(p.sources()).containsEntry("price", "page").containsEntry("name", "page");
    });
  }

  @Test
  void anOldPriceMarkedByWordsRatherThanStrikingIsSkipped() {
    List<ExtractedProduct> products = extract(page("de", """
        <h1>Wanderschuh Alpin</h1>
        <p class="uvp">statt 149,95 €</p><p class="preis">119,95 €</p>
        <button>In den Warenkorb</button>"""));

    assertThat(products).singleElement().satisfies(p -> {
      assertThat(p.price()).isEqualByComparingTo("119.95");
      assertThat(p.currency()).isEqualTo("EUR");
    });
  }

  @Test
  void pricesInARelatedProductsCarouselAreNotTheProductsPrice() {
    List<ExtractedProduct> products = extract(page("en", related("Other shoe", "$19.99", "Third shoe", "$24.99")
        + """
        <h1>Road Runner</h1><div><span class="amount">$74.50</span></div>
        <button>Add to basket</button>"""
        + related("Socks", "$4.99")));

    assertThat(products).singleElement().satisfies(p -> assertThat(p.price()).isEqualByComparingTo("74.50"));
  }

  @Test
  void labelledSkusAreReadInTheShopsLanguage() {
    assertThat(skuOf("de", "<p>Art.-Nr.: 4711-B</p>")).isEqualTo("4711-B");
    assertThat(skuOf("fr", "<p>Référence : AB-778</p>")).isEqualTo("AB-778");
    assertThat(skuOf("es", "<dl><dt>Código</dt><dd>ES-5521</dd></dl>")).isEqualTo("ES-5521");
    assertThat(skuOf("ja", "<p>型番：XJ-200</p>")).isEqualTo("XJ-200");
    assertThat(skuOf("en", "<span class=\"label\">Item #</span> <span>88-1234</span>")).isEqualTo("88-1234");
    // A label of two words whose first is a label too: not "Cod." with the value "articolo".
    assertThat(skuOf("it", "<dl><dt>Cod. articolo</dt><dd>IT-3390</dd></dl>")).isEqualTo("IT-3390");
  }

  @Test
  void skusAreReadFromDataAttributesAndHiddenFormFields() {
    assertThat(skuOf("en", "<div class=\"product\" data-sku=\"DS-100\"></div>")).isEqualTo("DS-100");
    assertThat(skuOf("en", "<form action=\"/cart\"><input type=\"hidden\" name=\"sku\" value=\"HF-200\"></form>"))
        .isEqualTo("HF-200");
  }

  private static String skuOf(String lang, String idMarkup) {
    List<ExtractedProduct> products = extract(page(lang, "<h1>Lamp Nova</h1><p class=\"price\">€ 39,00</p>"
        + idMarkup + "<button>Add to cart</button>"));
    assertThat(products).as("products on a page with %s", idMarkup).hasSize(1);
    return products.get(0).sku();
  }

  @Test
  void labelledBrandsAreReadInTheShopsLanguage() {
    assertThat(brandOf("en", "<p>Brand: Acme Tools</p>")).isEqualTo("Acme Tools");
    assertThat(brandOf("fr", "<table><tr><th>Marque</th><td>Casio</td></tr></table>")).isEqualTo("Casio");
    assertThat(brandOf("de", "<dl><dt>Marke</dt><dd>Bosch</dd></dl>")).isEqualTo("Bosch");
    assertThat(brandOf("ru", "<div><div><span>Бренд:</span></div><div>SAMSUNG</div></div>")).isEqualTo("SAMSUNG");
    assertThat(brandOf("en", "<table><tr><td><span>Brand</span></td><td><span>Living Dead Dolls</span></td></tr></table>"))
        .isEqualTo("Living Dead Dolls");
  }

  @Test
  void aBrandLabelBeatsAManufacturerLabelWhichCountsOnlyAlone() {
    assertThat(brandOf("de", "<p>Hersteller: Robert Bosch GmbH</p><p>Marke: Bosch</p>")).isEqualTo("Bosch");
    assertThat(brandOf("de", "<p>Hersteller: Robert Bosch GmbH</p>")).isEqualTo("Robert Bosch GmbH");
  }

  @Test
  void aSentenceThatStartsWithTheWordIsNoBrandLabel() {
    assertThat(brandOf("en", "<p>Brand new in its box, never used.</p>")).isNull();
    assertThat(brandOf("en", "<p>Brand: yes</p>")).isNull();
    assertThat(brandOf("en", "<section class=\"related-products\"><h2>You may also like</h2><p>Brand: Lumen</p></section>"))
        .as("a brand in a block about other products").isNull();
  }

  @Test
  void aStructuredBrandKeepsItsValueAndThePageFillsAMissingOne() {
    String page = "<html><head><script type=\"application/ld+json\">"
        + "{\"@type\":\"Product\",\"name\":\"Kettle Steel\",%s\"offers\":{\"price\":\"35.00\",\"priceCurrency\":\"GBP\"}}"
        + "</script></head><body><h1>Kettle Steel</h1><p class=\"price\">£35.00</p><p>Brand: Steelworks</p>"
        + "<button>Add to basket</button></body></html>";

    assertThat(extract(page.formatted("\"brand\":{\"name\":\"Kettle Co\"},"))).singleElement().satisfies(p -> {
      assertThat(p.brand()).isEqualTo("Kettle Co");
      assertThat(p.sources()).containsEntry("brand", "json-ld");
    });
    assertThat(extract(page.formatted(""))).singleElement().satisfies(p -> {
      assertThat(p.brand()).isEqualTo("Steelworks");
      assertThat(p.sources()).containsEntry("brand", "page");
    });
  }

  private static String brandOf(String lang, String markup) {
    List<ExtractedProduct> products = extract(page(lang, "<h1>Lamp Nova</h1><p class=\"price\">€ 39,00</p>"
        + markup + "<button>Add to cart</button>"));
    assertThat(products).as("products on a page with %s", markup).hasSize(1);
    return products.get(0).brand();
  }

  @Test
  void aDisabledBuyButtonMeansOutOfStockAndAnEnabledOneInStock() {
    String body = "<h1>Desk Oak</h1><p class=\"price\">$250.00</p><button class=\"add-to-cart\"%s>Add to cart</button>";

    assertThat(extract(page("en", body.formatted(" disabled")))).singleElement()
        .satisfies(p -> assertThat(p.availability()).isEqualTo("OutOfStock"));
    assertThat(extract(page("en", body.formatted("")))).singleElement()
        .satisfies(p -> assertThat(p.availability()).isEqualTo("InStock"));
  }

  @Test
  void aSoldOutPhraseInThePagesLanguageMeansOutOfStock() {
    assertThat(extract(page("fr", "<h1>Chaise Lina</h1><p class=\"prix\">49,90 €</p><p class=\"stock\">Épuisé</p>")))
        .singleElement().satisfies(p -> assertThat(p.availability()).isEqualTo("OutOfStock"));
  }

  @Test
  void aListingPageYieldsNoProduct() {
    StringBuilder listing = new StringBuilder("<h1>All lamps</h1><ul>");
    for (int i = 1; i <= 12; i++) {
      listing.append("<li class=\"product-tile\"><a href=\"/p/").append(i).append("\">Lamp ").append(i)
          .append("</a><span class=\"price\">$").append(10 + i).append(".00</span></li>");
    }
    assertThat(extract(page("en", listing.append("</ul>").toString()))).isEmpty();
  }

  @Test
  void structuredDataKeepsItsFieldsAndThePageFillsTheEmptyOnes() {
    String html = "<html><head><script type=\"application/ld+json\">"
        + "{\"@type\":\"Product\",\"name\":\"Kettle Steel\",\"offers\":{\"price\":\"35.00\",\"priceCurrency\":\"GBP\"}}"
        + "</script></head><body><h1>Kettle Steel</h1><p class=\"price\">£35.00</p><p>SKU: KS-9</p>"
        + "<button>Add to basket</button></body></html>";

    assertThat(extract(html)).singleElement().satisfies(p -> {
      assertThat(p.price()).isEqualByComparingTo("35");
      assertThat(p.sku()).isEqualTo("KS-9");
      assertThat(p.availability()).isEqualTo("InStock");
      assertThat(p.sources()).containsEntry("price", "json-ld").containsEntry("sku", "page")
          .containsEntry("availability", "page");
    });
  }

  @Test
  void aStructuredPriceThePageNeverShowsGivesWayToThePriceBesideTheName() {
    String html = "<html><head><script type=\"application/ld+json\">"
        + "{\"@type\":\"Product\",\"name\":\"Kettle Steel\",\"offers\":{\"price\":\"49.00\",\"priceCurrency\":\"GBP\"}}"
        + "</script></head><body><h1>Kettle Steel</h1><p class=\"price\">£35.00</p>"
        + "<button>Add to basket</button></body></html>";

    assertThat(extract(html)).singleElement().satisfies(p -> {
      assertThat(p.price()).isEqualByComparingTo("35");
      assertThat(p.sources()).containsEntry("price", "page");
    });
  }

  @Test
  void aStructuredPriceThePageShowsInAnotherFormStays() {
    String html = "<html><head><script type=\"application/ld+json\">"
        + "{\"@type\":\"Product\",\"name\":\"Drum Unit\",\"offers\":{\"price\":\"173.34\",\"priceCurrency\":\"RON\"}}"
        + "</script></head><body><h1>Drum Unit</h1><p class=\"product-new-price\">173<sup>34</sup> Lei</p>"
        + "<button>Adaugă în coș</button></body></html>";

    assertThat(extract(html)).singleElement().satisfies(p -> {
      assertThat(p.price()).isEqualByComparingTo("173.34");
      assertThat(p.sources()).containsEntry("price", "json-ld");
    });
  }

  @Test
  void aZeroStructuredPriceIsAPlaceholderThatThePageReplacesOrThatIsDropped() {
    String ld = "<script type=\"application/ld+json\">"
        + "{\"@type\":\"Product\",\"name\":\"Bike Lock\",\"sku\":\"BL-1\",\"offers\":{\"price\":\"0\",\"priceCurrency\":\"EUR\"}}"
        + "</script>";

    assertThat(extract("<html><head>" + ld + "</head><body><h1>Bike Lock</h1><p class=\"price\">12,00 €</p>"
        + "<button>Add to cart</button></body></html>")).singleElement()
        .satisfies(p -> assertThat(p.price()).isEqualByComparingTo("12"));
    assertThat(extract("<html><head>" + ld + "</head><body><h1>Bike Lock</h1><p>Call us for a price.</p></body></html>"))
        .singleElement().satisfies(p -> assertThat(p.price()).isNull());
  }

  @Test
  void siteRulesAreNeverOverriddenByThePage() {
    ExtractionRules rules = new ExtractionRules(List.of(new SiteRule("shop.example.com", null, ".member", null, null, null, null)));

    assertThat(extract(page("en", "<h1>Tent Duo</h1><p class=\"price\">$199.00</p><p class=\"member\">$179.00</p>"
        + "<button>Add to cart</button>"), rules)).singleElement().satisfies(p -> {
          assertThat(p.price()).isEqualByComparingTo("179");
          assertThat(p.sources()).containsEntry("price", "site-rule");
        });
  }

  @Test
  void aProductObjectInThePagesScriptStateSuppliesTheSku() {
    String state = "<script id=\"__NEXT_DATA__\" type=\"application/json\">"
        + "{\"props\":{\"pageProps\":{\"product\":{\"name\":\"Garden Hose 25m\",\"sku\":\"GH-25\",\"price\":29.95}}}}"
        + "</script>";

    assertThat(extract(page("en", "<h1>Garden Hose 25m</h1><p class=\"price\">$29.95</p><button>Add to cart</button>")
        .replace("</body>", state + "</body>"))).singleElement()
        .satisfies(p -> assertThat(p.sku()).isEqualTo("GH-25"));
  }

  @Test
  void theExplanationListsThePriceCandidatesWithTheirReasons() {
    List<String> lines = new ProductExtractor(ExtractionRules.none()).explain(Pages.doc(page("en",
        "<h1>Trail Runner 2</h1><del class=\"price\">$129.00</del> <span class=\"price\">$89.00</span>"
        + "<button>Add to cart</button>")), Pages.URL);

    assertThat(String.join("\n", lines)).contains("89", "129", "struck", "currency").contains("candidate: name=Trail Runner 2");
  }

  @Test
  void anIdentifierOfTheUrlThatThePageAlsoShowsIsTheSku() {
    java.net.URI url = java.net.URI.create("https://shop.example.com/deal/4548094738");
    String html = page("en", "<h1>Camping Stove</h1><p class=\"price\">$45.00</p><p>Deal 4548094738</p>"
        + "<button>Add to cart</button>");

    assertThat(new ProductExtractor(ExtractionRules.none()).extract(Jsoup.parse(html, url.toString()), url))
        .singleElement().satisfies(p -> assertThat(p.sku()).isEqualTo("4548094738"));
  }

  @Test
  void anIdentifierOfTheUrlThatThePageDoesNotShowIsNotTrusted() {
    java.net.URI url = java.net.URI.create("https://shop.example.com/deal/4548094738");
    String html = page("en", "<h1>Camping Stove</h1><p class=\"price\">$45.00</p><button>Add to cart</button>");

    assertThat(new ProductExtractor(ExtractionRules.none()).extract(Jsoup.parse(html, url.toString()), url))
        .singleElement().satisfies(p -> assertThat(p.sku()).isNull());
  }

  @Test
  void aSoldOutProductWithoutAPriceStillYieldsItsNameSkuAndStock() {
    assertThat(extract(page("en", "<h1>Desk Lamp Arc</h1><p>SKU: DLA-300</p><p class=\"availability\">Currently unavailable</p>")))
        .singleElement().satisfies(p -> {
          assertThat(p.price()).isNull();
          assertThat(p.sku()).isEqualTo("DLA-300");
          assertThat(p.availability()).isEqualTo("OutOfStock");
        });
  }

  @Test
  void anOldPriceStruckByAUtilityClassIsSkipped() {
    assertThat(extract(page("pl", "<h1 class=\"tw-3xl\">Hamak Marmur</h1><div class=\"flex c37e5\">"
        + "<span class=\"tw-2xl font-bold\">1 980,50 zł</span><span class=\"text-sm\">Cena regularna "
        + "<span class=\"line-through\">2 179,00 zł</span></span></div><button>Do koszyka</button>")))
        .singleElement().satisfies(p -> assertThat(p.price()).isEqualByComparingTo("1980.50"));
  }

  @Test
  void aListingOfOneProductCardIsStillAListing() {
    assertThat(extract(page("en", "<h1>Textiles</h1><ul><li class=\"card\"><a href=\"/p/rug\">Wool rug</a>"
        + "<span class=\"price\">$520.16</span></li></ul>"))).isEmpty();
  }

  @Test
  void stockWordsAndBuyButtonsOfKoreanAndChinesePagesAreRead() {
    assertThat(extract(page("ko", "<h1>무선 이어폰</h1><p class=\"price\">39,900원</p><p class=\"stock\">품절</p>")))
        .singleElement().satisfies(p -> assertThat(p.availability()).isEqualTo("OutOfStock"));
    assertThat(extract(page("zh-TW", "<h1>招牌肉乾</h1><p class=\"price\">NT$99</p><button>加入購物車</button>")))
        .singleElement().satisfies(p -> assertThat(p.availability()).isEqualTo("InStock"));
  }

  @Test
  void theMainHeadingIsTheOneThePageTitleRepeatsNotTheFirst() {
    String html = "<html><head><title>Citrus Body Lotion 200 ml : Shop</title></head><body>"
        + "<div class=\"popover\"><h1>Add a protection plan</h1><span class=\"price\">€ 9,25</span></div>"
        + "<h1>Citrus Body Lotion 200 ml</h1><span class=\"price\">€ 8,71</span><button>In den Warenkorb</button>"
        + "</body></html>";

    assertThat(extract(html)).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("Citrus Body Lotion 200 ml");
      assertThat(p.price()).isEqualByComparingTo("8.71");
    });
  }

  @Test
  void aProductHeaderHoldingTheTitledHeadingIsReadAndItsLabelledCodeIsNotPartOfTheName() {
    String html = "<html><head><title>Phone Galaxy A01 (red) - buy online</title></head><body>"
        + "<header><h1><span>Phone Galaxy A01 (red)</span> <span class=\"article\">Код: 01245</span></h1></header>"
        + "<div class=\"price\">44 890 ₸</div><button>В корзину</button></body></html>";

    assertThat(extract(html)).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("Phone Galaxy A01 (red)");
      assertThat(p.sku()).isEqualTo("01245");
    });
  }
  @Test
  void aBuyControlMayBeABareDivWhoseWholeTextIsABuyPhrase() {
    List<ExtractedProduct> products = extract(page("ru", """
        <h1>Телефон Galaxy A01</h1><div class="price">44 890 ₸</div>
        <div class="aa_buy jq_buy">Купить</div>"""));

    assertThat(products).singleElement().satisfies(p -> assertThat(p.availability()).isEqualTo("InStock"));
  }

  @Test
  void aBuyButtonNamedOnlyByItsIdCountsWithoutAnyLabel() {
    List<ExtractedProduct> products = extract(page("en", """
        <h1>Beef jerky, 10 packs</h1><div class="deal">from $<span>99</span> a pack</div>
        <a id="buy_btn" href="javascript:;"><div class="buy_btn"></div></a>"""));

    assertThat(products).singleElement().satisfies(p -> assertThat(p.availability()).isEqualTo("InStock"));
  }

  @Test
  void anAddToBasketBoxIsTheProductsOwnNotAMiniBasket() {
    List<ExtractedProduct> products = extract(page("pl", """
        <h1>Zestaw podtynkowy WC</h1><p class="price">1 299,00 zł</p>
        <div class="add-to-basket-wrapper"><a href="#" class="add-to-basket">Dodaj do koszyka</a></div>"""));

    assertThat(products).singleElement().satisfies(p -> assertThat(p.availability()).isEqualTo("InStock"));
  }

  @Test
  void aPriceOnAnOptionButtonIsThatOptionsPriceNotTheProducts() {
    List<ExtractedProduct> products = extract(page("de", """
        <h1>Wasserkocher 1,7 l</h1>
        <button class="swatch">1,5 l <span class="price">87,63 €</span></button>
        <p class="price">99,12 €</p><button>In den Warenkorb</button>"""));

    assertThat(products).singleElement().satisfies(p -> assertThat(p.price()).isEqualByComparingTo("99.12"));
  }

  @Test
  void aDiscountBadgeInsideThePriceDoesNotHideTheAmount() {
    List<ExtractedProduct> products = extract(page("es", """
        <h1>Cama Eloisa</h1>
        <div class="item-price offer-price"> $229.990 <span class="discount">-18%</span></div>
        <button>Agregar al carro</button>"""));

    assertThat(products).singleElement().satisfies(p -> assertThat(p.price()).isEqualByComparingTo("229990"));
  }

  @Test
  void sameNamedItemsAreVariantsAndTheProductIsInStockIfAnyIs() {
    List<ExtractedProduct> products = extract(Pages.jsonLd("""
        [{"@type":"Product","name":"Boots","sku":"B-35","offers":{"price":"89","priceCurrency":"EUR","availability":"OutOfStock"}},
         {"@type":"Product","name":"Boots","sku":"B-36","offers":{"price":"89","priceCurrency":"EUR","availability":"InStock"}}]"""));

    assertThat(products.get(0).availability()).isEqualTo("InStock");
  }
}

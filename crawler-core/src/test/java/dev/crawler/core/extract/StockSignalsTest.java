package dev.crawler.core.extract;

import static dev.crawler.core.extract.Pages.extract;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The stock signals a shopper reads on any shop, as the general page extractor reads them from
 * pages without structured data.
 */
class StockSignalsTest {

  private static String page(String lang, String body) {
    return "<html lang=\"" + lang + "\"><head><title>Shop</title></head><body>"
        + "<header><nav><a href=\"/\">Home</a></nav></header>"
        + "<main>" + body + "</main><footer><p>Free delivery over 50</p></footer></body></html>";
  }

  private static String availabilityOf(String lang, String body) {
    var products = extract(page(lang, body));
    assertThat(products).as("products of %s", body).hasSize(1);
    return products.get(0).availability();
  }

  @Test
  void anOfferToBeToldWhenTheProductIsBackIsASoldOutStatement() {
    assertThat(availabilityOf("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p>"
        + "<button class=\"notify\">Notify me when back in stock</button>")).isEqualTo("OutOfStock");
    assertThat(availabilityOf("de", "<h1>Wollschal</h1><p class=\"preis\">39,00 €</p>"
        + "<button>Benachrichtigen, wenn verfügbar</button>")).isEqualTo("OutOfStock");
    assertThat(availabilityOf("fr", "<h1>Écharpe</h1><p class=\"prix\">39,00 €</p>"
        + "<a href=\"#alert\">Me prévenir quand il est disponible</a>")).isEqualTo("OutOfStock");
  }

  @Test
  void aNotifyFormInADialogIsShownOnlyOnDemandAndSaysNothing() {
    assertThat(availabilityOf("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p>"
        + "<button class=\"add-to-cart\">Add to cart</button>"
        + "<div class=\"modal fade\" role=\"dialog\"><h2>Product unavailable</h2>"
        + "<button class=\"notify-availability\">Notify me when back in stock</button></div>")).isEqualTo("InStock");
  }

  @Test
  void anAvailabilityPropertyOutsideAnyItemIsReadWithABareTermOrAPhrase() {
    assertThat(availabilityOf("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p>"
        + "<meta itemprop=\"availability\" content=\"out_of_stock\">")).isEqualTo("OutOfStock");
    // The shop's property is as telling as a schema.org term, ahead of the buy button.
    assertThat(availabilityOf("de", "<h1>Wollschal</h1><p class=\"preis\">39,00 €</p>"
        + "<button class=\"add-to-cart\">In den Warenkorb</button>"
        + "<p>Status: <span itemprop=\"availability\">Ausverkauft</span></p>")).isEqualTo("OutOfStock");
  }

  @Test
  void aCountOfWhatIsLeftIsLimitedAvailabilityButNotACountdown() {
    assertThat(availabilityOf("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p><p>Only 3 left in stock</p>"))
        .isEqualTo("LimitedAvailability");
    assertThat(availabilityOf("de", "<h1>Wollschal</h1><p class=\"preis\">39,00 €</p><p>Nur noch 2 Stück</p>"))
        .isEqualTo("LimitedAvailability");
    assertThat(availabilityOf("ja", "<h1>ウールマフラー</h1><p class=\"price\">¥3,900</p><p>残り2点</p>"))
        .isEqualTo("LimitedAvailability");
    assertThat(extract(page("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p><p>Only 3 days left!</p>")))
        .allSatisfy(p -> assertThat(p.availability()).isNull());
  }

  @Test
  void aCountOfWhatIsLeftComesBeforeTheSoldOutWordsItHolds() {
    // "About to sell out" holds the words for sold out.
    assertThat(availabilityOf("zh", "<h1>計算機</h1><p class=\"price\">NT$500</p><p>即將售完</p>"))
        .isEqualTo("LimitedAvailability");
    assertThat(availabilityOf("ko", "<h1>계산기</h1><p class=\"price\">15,000원</p><p>품절 임박</p>"))
        .isEqualTo("LimitedAvailability");
  }

  @Test
  void aNegativeThatHoldsAnInStockPhraseIsSoldOut() {
    assertThat(availabilityOf("ja", "<h1>電卓</h1><p class=\"price\">¥1,500</p><p>在庫がありません</p>"))
        .isEqualTo("OutOfStock");
    assertThat(availabilityOf("zh", "<h1>计算器</h1><p class=\"price\">¥50</p><p>暂无现货</p>")).isEqualTo("OutOfStock");
  }

  @Test
  void aQuantityFieldCappedAtOneOrMoreMeansTheShopCanSendThatMany() {
    assertThat(availabilityOf("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p>"
        + "<form><input type=\"number\" name=\"quantity\" min=\"1\" max=\"4\" value=\"1\"><input type=\"image\" src=\"/buy.png\"></form>"))
        .isEqualTo("InStock");
    // No cap, a cap of zero, or a disabled field: no evidence.
    for (String field : new String[] {"<input type=\"number\" name=\"qty\" value=\"1\">",
        "<input type=\"number\" name=\"qty\" min=\"1\" max=\"0\">",
        "<input type=\"number\" name=\"qty\" max=\"4\" disabled>"}) {
      assertThat(extract(page("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p><form>" + field + "</form>")))
          .as(field).allSatisfy(p -> assertThat(p.availability()).isNull());
    }
  }

  @Test
  void aDispatchPromiseCountsOnlyWhenNothingElseSpeaksOfStock() {
    assertThat(availabilityOf("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p><p>Usually ships within 2 days</p>"))
        .isEqualTo("InStock");
    assertThat(availabilityOf("de", "<h1>Wollschal</h1><p class=\"preis\">39,00 €</p><p>Lieferzeit: 2-4 Werktage</p>"))
        .isEqualTo("InStock");
    assertThat(availabilityOf("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p><p>Ships within 24 hours</p>"
        + "<p>Sold out</p>")).isEqualTo("OutOfStock");
    assertThat(availabilityOf("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p><p>Ships within 24 hours</p>"
        + "<button class=\"add-to-cart\" disabled>Add to cart</button>")).isEqualTo("OutOfStock");
  }

  @Test
  void aClassifiedAdWhoseSellerCanBeContactedIsForSale() {
    // The seller's box stands beside the ad, in an aside.
    assertThat(availabilityOf("de", "<h1>Fernbedienung TV</h1><p class=\"preis\">20 €</p><aside><div class=\"seller\">"
        + "<h3>Anbieter</h3><button type=\"button\"><strong>Kontaktieren</strong></button></div></aside>"))
        .isEqualTo("InStock");
    assertThat(availabilityOf("en", "<h1>Scientific calculator</h1><p class=\"price\">$15</p>"
        + "<button>Contact seller</button>")).isEqualTo("InStock");
    assertThat(availabilityOf("ru", "<h1>Калькулятор</h1><p class=\"price\">500 ₽</p>"
        + "<button>Связаться с продавцом</button>")).isEqualTo("InStock");
    assertThat(availabilityOf("ja", "<h1>電卓</h1><p class=\"price\">¥1,500</p>"
        + "<input type=\"submit\" value=\"出品者に連絡する\">")).isEqualTo("InStock");
    // Whatever else speaks of stock comes first.
    assertThat(availabilityOf("en", "<h1>Scientific calculator</h1><p class=\"price\">$15</p><p>Sold out</p>"
        + "<button>Contact seller</button>")).isEqualTo("OutOfStock");
  }

  @Test
  void anAdMarkedSoldIsSoldOutThoughItsSellerCanStillBeContacted() {
    assertThat(availabilityOf("de", "<h1>Fernbedienung TV</h1><p class=\"preis\">20 €</p><span class=\"badge\">Verkauft</span>"
        + "<aside><button>Anbieter kontaktieren</button></aside>")).isEqualTo("OutOfStock");
    assertThat(availabilityOf("en", "<h1>Scientific calculator</h1><p class=\"price\">$15</p><p>SOLD</p>"
        + "<button>Contact seller</button>")).isEqualTo("OutOfStock");
    // A ribbon over the photo, before the heading, says it as well.
    assertThat(availabilityOf("de", "<span class=\"ribbon\">Verkauft</span><h1>Fernbedienung TV</h1>"
        + "<p class=\"preis\">20 €</p><aside><button>Kontaktieren</button></aside>")).isEqualTo("OutOfStock");
    // Only a badge's whole text is the mark: a count of sales, a label before one, or a status that
    // denies it is not.
    for (String text : new String[] {"<p>1,234 sold</p>", "<p>Status: NOT SOLD</p>", "<p>Sold by Acme Tools</p>",
        "<p><span>Sold:</span> 1,234</p>", "<table><tr><th>Sold</th><td>1,234</td></tr></table>"}) {
      assertThat(availabilityOf("en", "<h1>Scientific calculator</h1><p class=\"price\">$15</p>" + text
          + "<button>Contact seller</button>")).as(text).isEqualTo("InStock");
    }
    // On a shop's page, with a cart, the word is no stock statement at all.
    assertThat(availabilityOf("en", "<h1>Scientific calculator</h1><p class=\"price\">$15</p><p>Sold</p>"
        + "<button class=\"add-to-cart\">Add to cart</button>")).isEqualTo("InStock");
  }

  @Test
  void onlyTheSellersContactButtonSpeaksForAnAd() {
    for (String control : new String[] {
        "<a href=\"/contact\">Contact</a>", // the shop's own page, linked from everywhere
        "<button>Contact us about bulk orders</button>", // a sentence, not a label
        "<aside><div class=\"related-ads\"><button>Contact seller</button></div></aside>", // another ad's
        "<div role=\"dialog\"><button>Contact seller</button></div>", // shown only on demand
        "<button>Contact</button>", // in the page's main part, as often the shop's help or chat
        "<form><textarea name=\"question\"></textarea><button>Nachricht senden</button></form>", // a question form
        "<aside><p>Sold out</p><button>Contact</button></aside>", // an aside that is a buy box
        "<aside><button class=\"add-to-cart\">Add to cart</button><button>Contact</button></aside>",
        "<aside><nav><button>Contact</button></nav></aside>"}) { // navigation beside the page
      assertThat(extract(page("en", "<h1>Scientific calculator</h1><p class=\"price\">$15</p>" + control)))
          .as(control).allSatisfy(p -> assertThat(p.availability()).isNull());
    }
  }

  @Test
  void anAsideIsReadForTheSellersButtonAlone() {
    // Its price and code are about something beside the product; its bare "Contact" is the seller's.
    var products = extract(page("en", "<h1>Scientific calculator</h1><p class=\"price\">$15</p>"
        + "<aside><p class=\"price\">$99</p><p>SKU: SIDE-1</p><button>Contact</button></aside>"));
    assertThat(products).singleElement().satisfies(p -> {
      assertThat(p.price()).isEqualByComparingTo("15");
      assertThat(p.sku()).isNull();
      assertThat(p.availability()).isEqualTo("InStock");
    });
  }

  @Test
  void aBuyFormNamedBasketIsTheBuyBoxNotAMiniBasket() {
    // British shops call the cart a basket; the header's mini basket says so ("mini-basket").
    assertThat(availabilityOf("en", "<h1>Wool Scarf</h1><p class=\"price\">£39.00</p>"
        + "<form class=\"basket\" action=\"/cart\"><button type=\"submit\">Add to basket</button></form>"))
        .isEqualTo("InStock");
    assertThat(extract(page("en", "<h1>Wool Scarf</h1><p class=\"price\">£39.00</p>"
        + "<div class=\"mini-basket\"><button>Add to basket</button></div>")))
        .allSatisfy(p -> assertThat(p.availability()).isNull());
  }

  @Test
  void aBuyButtonThatSaysSoldOutOrWearsADisablingClassCannotBuy() {
    assertThat(availabilityOf("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p>"
        + "<button class=\"product-form__cart-submit\">Sold out</button>")).isEqualTo("OutOfStock");
    assertThat(availabilityOf("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p>"
        + "<button class=\"btn add-to-cart is-disabled\">Add to cart</button>")).isEqualTo("OutOfStock");
    assertThat(availabilityOf("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p>"
        + "<a class=\"buyButtonDisable\" href=\"#\">Buy now</a>")).isEqualTo("OutOfStock");
    assertThat(availabilityOf("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p>"
        + "<button class=\"btn add-to-cart\">Add to cart</button>")).isEqualTo("InStock");
    // A label per state, of which a style sheet shows one: the words say nothing.
    assertThat(availabilityOf("pl", "<h1>Szalik</h1><p class=\"price\">39,00 zł</p><a href=\"#\" class=\"add-to-basket\">"
        + "<span class=\"can-buy\">Dodaj do koszyka</span><span class=\"cannot-buy\">Produkt niedostępny</span></a>"))
        .isEqualTo("InStock");
  }

  @Test
  void aProductObjectInThePagesScriptsSaysWhetherItCanBeOrderedUnderManyNames() {
    for (String flag : new String[] {"\"is_sold_out\":true", "\"availableToOrder\":false", "\"isPurchasable\":false"}) {
      String state = "<script type=\"application/json\">{\"product\":{\"name\":\"Wool Scarf\",\"sku\":\"WS-1\"," + flag
          + "}}</script>";
      assertThat(extract(page("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p>").replace("</body>", state + "</body>")))
          .as(flag).singleElement().satisfies(p -> assertThat(p.availability()).isEqualTo("OutOfStock"));
    }
    String state = "<script type=\"application/json\">{\"product\":{\"name\":\"Wool Scarf\",\"sold_out\":false}}</script>";
    assertThat(extract(page("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p>").replace("</body>", state + "</body>")))
        .singleElement().satisfies(p -> assertThat(p.availability()).isEqualTo("InStock"));
  }

  @Test
  void aProductComingSoonCannotBeBoughtYetThoughThePhraseHoldsAnAvailableWord() {
    assertThat(availabilityOf("fr", "<h1>Écharpe</h1><p class=\"prix\">39,00 €</p><p>Bientôt disponible</p>"))
        .isEqualTo("OutOfStock");
    assertThat(availabilityOf("de", "<h1>Wollschal</h1><p class=\"preis\">39,00 €</p><p>Demnächst wieder verfügbar</p>"))
        .isEqualTo("OutOfStock");
    assertThat(availabilityOf("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p><p>Available from 12 March</p>"))
        .isEqualTo("OutOfStock");
    // A date, not a count: "from 2 sellers" says nothing about when.
    assertThat(availabilityOf("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p><p>Available from 2 sellers</p>"))
        .isNotEqualTo("OutOfStock");
  }

  @Test
  void aBuyButtonOrAPhraseOfferingToPreOrderMeansPreOrder() {
    assertThat(availabilityOf("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p>"
        + "<button class=\"add-to-cart\">Pre-order now</button>")).isEqualTo("PreOrder");
    assertThat(availabilityOf("de", "<h1>Wollschal</h1><p class=\"preis\">39,00 €</p><p>Jetzt vorbestellen</p>"))
        .isEqualTo("PreOrder");
    // Buying now wins over pre-ordering, as with offers.
    assertThat(availabilityOf("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p>"
        + "<button class=\"add-to-cart\">Add to cart</button><button class=\"add-to-cart\">Pre-order the blue one</button>"))
        .isEqualTo("InStock");
  }

  @Test
  void aProductOrderedInForTheShopperIsOnBackorder() {
    assertThat(availabilityOf("en", "<h1>Wool Scarf</h1><p class=\"price\">$39.00</p><p>Available on backorder</p>"))
        .isEqualTo("BackOrder");
    assertThat(availabilityOf("fr", "<h1>Écharpe</h1><p class=\"prix\">39,00 €</p><p class=\"stock\">Sur commande</p>"))
        .isEqualTo("BackOrder");
    // The same words in a shipping offer mean "an order", not a stock state.
    assertThat(extract(page("fr", "<h1>Écharpe</h1><p class=\"prix\">39,00 €</p><p>Livraison offerte sur commande de 50 €</p>")))
        .allSatisfy(p -> assertThat(p.availability()).isNull());
  }
}

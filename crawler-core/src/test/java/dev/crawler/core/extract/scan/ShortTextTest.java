package dev.crawler.core.extract.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ShortTextTest {

  @Test
  void readsTheTextAsJsoupDoesWhenItIsShort() {
    Element p = Jsoup.parse("<div id=x> Price: <b>12,99</b>\n<div>€</div> <br>incl. VAT</div>").getElementById("x");

    assertThat(ShortText.of(p, 80)).isEqualTo(p.text());
  }

  @Test
  void stopsSoonAfterTheLimit() {
    Element big = Jsoup.parse("<div id=x>word <p>" + "lorem ipsum ".repeat(10_000) + "</p></div>").getElementById("x");

    String text = ShortText.of(big, 80);

    assertThat(text).hasSize(81).startsWith("word lorem ipsum");
  }
}

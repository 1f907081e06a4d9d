package dev.crawler.core.extract.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.extract.normalise.TextCleaner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ElementTextTest {

  @Test
  void answersAsReadingAgainWouldForEveryElementInAnyOrder() {
    List<Element> elements = new ArrayList<>(Jsoup.parse("<div>  Price:\u00a0<b>12,99\u200b</b> <br>€</div><p>\u3000</p><span>Add to cart</span>"
        + "<div>" + "word ".repeat(40) + "</div><p></p>").body().getAllElements());
    ElementText memo = new ElementText(20);
    // The walk asks for one element several times, then moves on; asking out of turn must not matter either.
    for (int round = 0; round < 2; round++) {
      for (Element element : elements) {
        for (int ask = 0; ask < 3; ask++) {
          assertThat(memo.of(element)).isEqualTo(ShortText.of(element, 20));
          assertThat(memo.cleaned(element)).isEqualTo(TextCleaner.clean(ShortText.of(element, 20)));
        }
      }
      Collections.reverse(elements);
    }
  }
}

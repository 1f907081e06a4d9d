package dev.crawler.core.extract.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class FirstElementTest {

  @Test
  void findsWhatSelectFirstFinds() {
    String[] pieces = {"<h1>a</h1>", "<del>1</del>", "<s>2</s>", "<strike>3</strike>", "<div>", "</div>", "<span>", "</span>",
        "<p>x", "</p>", "text", "<ul><li>", "</li></ul>", "<b><i>", "</i></b>", "<br>", "<!-- c -->"};
    Random random = new Random(7);
    for (int round = 0; round < 2_000; round++) {
      StringBuilder html = new StringBuilder();
      int parts = 1 + random.nextInt(30);
      for (int i = 0; i < parts; i++) {
        html.append(pieces[random.nextInt(pieces.length)]);
      }
      Element body = Jsoup.parse("<section>" + html + "</section><h1>after</h1><del>after</del>").body();
      for (Element root : body.getAllElements()) {
        assertThat(FirstElement.named(root, Set.of("h1"))).as("h1 in %s", html).isSameAs(root.selectFirst("h1"));
        assertThat(FirstElement.named(root, Set.of("del", "s", "strike"))).as("struck in %s", html)
            .isSameAs(root.selectFirst("del, s, strike"));
      }
    }
  }

  @Test
  void countsTheRootItself() {
    Element del = Jsoup.parse("<del class=price><span>1</span></del>").selectFirst("del");

    assertThat(FirstElement.named(del, Set.of("del", "s", "strike"))).isSameAs(del);
  }
}

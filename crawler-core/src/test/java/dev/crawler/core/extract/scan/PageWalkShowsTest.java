package dev.crawler.core.extract.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PageWalkShowsTest {

  private static PageWalk walk(String html) {
    return PageScan.of(Jsoup.parse(html, "https://shop.example/p/1"), URI.create("https://shop.example/p/1"),
        PageCues.standard(), List.of()).visible();
  }

  @Test
  void showsValuesTheShopperSeesAsTokensOfTheirOwn() {
    PageWalk walk = walk("<h1>Phone</h1><p>Code ABC-123, in stock</p><span>X1</span><span>Y2</span>"
        + "<div style='display:none'>HID-9</div>");

    assertThat(walk.shows("ABC-123")).isTrue();
    assertThat(walk.shows(" ABC-123 ")).isTrue();
    assertThat(walk.shows("BC-12")).as("inside a longer token").isFalse();
    assertThat(walk.shows("HID-9")).as("hidden").isFalse();
    assertThat(walk.shows("X1 Y2")).as("text nodes are joined by a space").isTrue();
    assertThat(walk.shows("X1Y2")).isFalse();
    assertThat(walk.shows("")).isFalse();
    assertThat(walk.shows(null)).isFalse();
  }

  @Test
  void readsNoTextBeyondTheCap() {
    String filler = "w ".repeat(PageWalk.MAX_VISIBLE_TEXT / 2);
    PageWalk walk = walk("<p>FIRST-1 " + filler + "</p><p>LAST-2</p>");

    assertThat(walk.shows("FIRST-1")).isTrue();
    assertThat(walk.shows("LAST-2")).as("after the text passed the cap").isFalse();
  }
}

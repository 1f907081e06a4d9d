package dev.crawler.core.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LenientUriTest {

  @Test
  void aValidUrlIsKeptAsWritten() {
    assertThat(LenientUri.parse("https://shop.example/p?id=1#top")).contains(URI.create("https://shop.example/p?id=1#top"));
  }

  @Test
  void charactersBrowsersAcceptAreEncodedInsteadOfRefused() {
    assertThat(LenientUri.parse(" https://shop.example/p x.html?q={a}#a=3|p=14 "))
        .contains(URI.create("https://shop.example/p%20x.html?q=%7Ba%7D#a=3%7Cp=14"));
  }

  @Test
  void textThatIsNoUrlEvenEncodedIsEmpty() {
    assertThat(LenientUri.parse("http://[broken")).isEmpty();
  }
}

package dev.crawler.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkFormTest {

  @ParameterizedTest
  @CsvSource({
      "/, /p/oak-chair-1, p/oak-chair-1",
      "/, /c/furniture, c/furniture",
      "/, /cart, cart",
      "/c/furniture, /p/oak-chair-1, ../p/oak-chair-1",
      "/c/furniture, /c/furniture?page=3, furniture?page=3",
      "/c/furniture?page=2, /c/furniture, furniture",
      "/p/oak-chair-1, /p/teak-bench-2?ref=related, teak-bench-2?ref=related",
      "/p/oak-chair-1, /cart?add=ABC001-00001, ../cart?add=ABC001-00001",
      "/p/oak-chair-1, /private/wishlist?sku=X, ../private/wishlist?sku=X",
  })
  void pathRelativeLinksResolveToTheirTarget(String from, String target, String expected) {
    String href = LinkForm.relative(from.contains("?") ? from.substring(0, from.indexOf('?')) : from, target);
    assertThat(href).isEqualTo(expected);
    URI base = URI.create("http://127.0.1.1:8080" + from);
    assertThat(base.resolve(href)).isEqualTo(URI.create("http://127.0.1.1:8080" + target));
  }

  @ParameterizedTest
  @CsvSource({"ABSOLUTE, http://h:1/p/x", "ROOT_RELATIVE, /p/x", "PATH_RELATIVE, ../p/x"})
  void everyFormPointsAtTheSameUrl(LinkForm form, String expected) {
    assertThat(form.href("http://h:1", "/c/y", "/p/x")).isEqualTo(expected);
  }
}

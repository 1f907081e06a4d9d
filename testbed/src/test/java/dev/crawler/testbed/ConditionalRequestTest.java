package dev.crawler.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a conditional GET is answered 304, per RFC 9110 section 13. */
class ConditionalRequestTest {

  private static final String ETAG = "\"abc\"";
  private static final Instant CHANGED = Instant.parse("2024-01-03T00:00:00Z");

  private static ConditionalRequest request(String ifNoneMatch, String ifModifiedSince) {
    return new ConditionalRequest(Optional.ofNullable(ifNoneMatch), Optional.ofNullable(ifModifiedSince));
  }

  @Test
  void aRequestWithoutEitherHeaderIsNeitherConditionalNorEverNotModified() {
    assertThat(request(null, null).isConditional()).isFalse();
    assertThat(request(null, null).notModified(ETAG, CHANGED)).isFalse();
    assertThat(request(ETAG, null).isConditional()).isTrue();
    assertThat(request(null, "Wed, 03 Jan 2024 00:00:00 GMT").isConditional()).isTrue();
  }

  @Test
  void ifNoneMatchMatchesTheCurrentTagAnyListedTagAWeakFormOrAStar() {
    assertThat(request("\"abc\"", null).notModified(ETAG, CHANGED)).isTrue();
    assertThat(request("\"old\", \"abc\"", null).notModified(ETAG, CHANGED)).isTrue();
    assertThat(request("W/\"abc\"", null).notModified(ETAG, CHANGED)).isTrue();
    assertThat(request("*", null).notModified(ETAG, CHANGED)).isTrue();
    assertThat(request("\"old\"", null).notModified(ETAG, CHANGED)).isFalse();
    assertThat(request("abc", null).notModified(ETAG, CHANGED)).isFalse();
  }

  @Test
  void ifModifiedSinceHoldsWhenThePageChangedAtOrBeforeTheDate() {
    assertThat(request(null, "Wed, 03 Jan 2024 00:00:00 GMT").notModified(ETAG, CHANGED)).isTrue();
    assertThat(request(null, "Thu, 04 Jan 2024 12:00:00 GMT").notModified(ETAG, CHANGED)).isTrue();
    assertThat(request(null, "Tue, 02 Jan 2024 23:59:59 GMT").notModified(ETAG, CHANGED)).isFalse();
    assertThat(request(null, "yesterday").notModified(ETAG, CHANGED)).isFalse();
  }

  @Test
  void ifNoneMatchWinsOverIfModifiedSince() {
    String later = "Thu, 04 Jan 2024 00:00:00 GMT";
    assertThat(request("\"old\"", later).notModified(ETAG, CHANGED)).isFalse();
    assertThat(request(ETAG, "Mon, 01 Jan 2024 00:00:00 GMT").notModified(ETAG, CHANGED)).isTrue();
  }
}

package dev.crawler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.storage.PageState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A URL's state in the state topic, as members of this version and of earlier ones wrote it. */
class UrlStateTest {
    private static final String PAGE = "http://127.0.1.1:8080/p/lamp";

    @Test
    void aSettledPageCarriesWhatItsRevisitsNeed() {
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        PageState page = new PageState(PAGE, "http://127.0.1.1:8080", 2, PageState.Kind.PRODUCT, "\"abc\"", null, "00ff", at, at, at,
                3_600_000, at.plusSeconds(3_600), false, null, 0);

        UrlState read = UrlState.of(UrlState.settled(PAGE, "http://127.0.1.1:8080", page).toBytes());

        assertThat(read.settled()).isTrue();
        assertThat(read.page()).isEqualTo(page);
    }

    @Test
    void aStateWrittenBeforeRevisitsExistedReadsAsSettledWithoutAPage() {
        byte[] earlier = ("{\"url\":\"" + PAGE + "\",\"origin\":\"http://127.0.1.1:8080\",\"depth\":0,\"priority\":0,"
                + "\"redirectHops\":0,\"settled\":true}").getBytes(StandardCharsets.UTF_8);

        UrlState read = UrlState.of(earlier);

        assertThat(read.settled()).isTrue();
        assertThat(read.page()).isNull();
    }
}

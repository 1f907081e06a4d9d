package dev.crawler.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.fetch.FailureClass;
import dev.crawler.core.fetch.FetchOutcome;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What one finished request tells the scheduler about its host. */
class HostSignalTest {
    private static final URI PAGE = URI.create("http://127.0.1.1:80/p");
    private static final Instant NOW = Instant.parse("2015-10-21T07:27:00Z");

    private static FetchOutcome.Response response(int status, Map<String, String> headers) {
        return new FetchOutcome.Response(PAGE, status, headers, new byte[0], 5_000_000L);
    }

    @Test
    void a429Or503WithRetryAfterIsAPushBackForAsLongAsItAsks() {
        assertThat(HostSignal.of(response(429, Map.of("retry-after", "7")), NOW))
                .isEqualTo(new HostSignal.PushedBack(Optional.of(Duration.ofSeconds(7)), "HTTP 429 (Retry-After: 7)"));
        assertThat(HostSignal.of(response(503, Map.of("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT")), NOW))
                .isEqualTo(new HostSignal.PushedBack(Optional.of(Duration.ofMinutes(1)),
                        "HTTP 503 (Retry-After: Wed, 21 Oct 2015 07:28:00 GMT)"));
    }

    @Test
    void a429WithoutARetryAfterItCanReadIsAPushBackOfNoSaidLength() {
        assertThat(HostSignal.of(response(429, Map.of()), NOW)).isEqualTo(new HostSignal.PushedBack(Optional.empty(), "HTTP 429"));
        assertThat(HostSignal.of(response(429, Map.of("retry-after", "later")), NOW))
                .isEqualTo(new HostSignal.PushedBack(Optional.empty(), "HTTP 429 (Retry-After: later)"));
    }

    @Test
    void anyOtherResponseIsAnAnswerThatTimesTheHost() {
        assertThat(HostSignal.of(response(503, Map.of()), NOW)).isEqualTo(new HostSignal.Answered(5_000_000L));
        assertThat(HostSignal.of(response(500, Map.of("retry-after", "7")), NOW)).isEqualTo(new HostSignal.Answered(5_000_000L));
        assertThat(HostSignal.of(response(404, Map.of()), NOW)).isEqualTo(new HostSignal.Answered(5_000_000L));
    }

    @Test
    void aFailedFetchSaysWhatItsRowOfTheFailureTableSays() {
        for (FailureClass failure : FailureClass.values()) {
            HostSignal signal = HostSignal.of(new FetchOutcome.Failure(PAGE, failure, "x"), NOW);
            Class<?> expected = switch (failure.hostEffect()) {
                case UNANSWERED -> HostSignal.Unanswered.class;
                case PUSH_BACK -> HostSignal.PushedBack.class;
                case NONE -> HostSignal.Neutral.class;
            };
            assertThat(signal).as(failure.label()).isInstanceOf(expected);
        }
        assertThat(FailureClass.TIMEOUT.hostEffect()).as("only failures to answer count toward parking")
                .isEqualTo(FailureClass.HostEffect.UNANSWERED);
    }
}

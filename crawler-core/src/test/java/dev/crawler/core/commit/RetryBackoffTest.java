package dev.crawler.core.commit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {
    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

    @Property
    void eachWaitLiesBetweenHalfAndAllOfTheExponentialStepAndNeverPassesTheCap(
            @ForAll @IntRange(min = 1, max = 40) int attempt, @ForAll String url) {
        long step = Math.min(2_000L << Math.min(attempt - 1, 20), 300_000L);

        assertThat(backoff.after(attempt, url).toMillis()).isBetween(step / 2, step);
    }

    @Test
    void theSameFailureAlwaysWaitsTheSameTime() {
        assertThat(backoff.after(3, "http://a/")).isEqualTo(backoff.after(3, "http://a/"));
    }

    @Test
    void urlsThatFailedTogetherDoNotAllReturnTogether() {
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> backoff.after(4, "http://shop.example/p/" + i))
                .distinct().count();

        assertThat(distinct).isGreaterThan(10);
    }
}

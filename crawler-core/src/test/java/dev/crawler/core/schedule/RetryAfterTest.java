package dev.crawler.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9110 §10.2.3: delta-seconds or an HTTP-date in any of its three forms. */
class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2015-10-21T07:27:00Z");

    @Test
    void deltaSecondsAreAWaitFromNow() {
        assertThat(RetryAfter.parse("120", NOW)).hasValue(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse(" 5 ", NOW)).as("surrounding blanks").hasValue(Duration.ofSeconds(5));
        assertThat(RetryAfter.parse("0", NOW)).hasValue(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Wed, 21 Oct 2015 07:28:00 GMT", "Wednesday, 21-Oct-15 07:28:00 GMT", "Wed Oct 21 07:28:00 2015"})
    void anHttpDateInAnyOfItsFormsIsAWaitUntilThen(String date) {
        assertThat(RetryAfter.parse(date, NOW)).hasValue(Duration.ofMinutes(1));
    }

    @Test
    void aDateInThePastMeansNoWait() {
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", NOW)).hasValue(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-5", "1.5", "5s", "9999999999999", "Wed, 32 Oct 2015 07:28:00 GMT"})
    void anythingElseIsNoRetryAfter(String value) {
        assertThat(RetryAfter.parse(value, NOW)).isEmpty();
    }
}

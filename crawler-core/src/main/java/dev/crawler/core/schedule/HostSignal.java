package dev.crawler.core.schedule;

import dev.crawler.core.fetch.FailureClass;
import dev.crawler.core.fetch.FetchOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one finished request says about its host's health, for {@link HostScheduler#requestFinished}:
 * how fast it answers (the adaptive delay), whether it pushed back (a 429, a 503 with
 * {@code Retry-After}, a dropped connection), or whether it failed to answer at all (toward parking).
 * Which failure says what is the {@link FailureClass} table's {@link FailureClass.HostEffect} column.
 */
public sealed interface HostSignal {
    /** The host answered, taking {@code responseNanos} from request to last byte. */
    record Answered(long responseNanos) implements HostSignal {
    }

    /**
     * The host pushed back: it asked, with {@code Retry-After}, not to be asked again for {@code pause}
     * (empty when it did not say how long, or dropped the connection).
     *
     * @param reason what it said, e.g. {@code HTTP 429}, {@code connection-reset: ...}
     */
    record PushedBack(Optional<Duration> pause, String reason) implements HostSignal {
    }

    /** The host did not answer: DNS, connect or timeout. */
    record Unanswered(FailureClass failureClass, String reason) implements HostSignal {
    }

    /** Nothing to learn about the host (a broken body, a blocked address, an internal refusal). */
    record Neutral() implements HostSignal {
    }

    HostSignal NEUTRAL = new Neutral();

    /**
     * The signal of a fetch outcome.
     *
     * @param wallNow the wall-clock time the outcome arrived, for a {@code Retry-After} given as a date
     */
    static HostSignal of(FetchOutcome outcome, Instant wallNow) {
        if (outcome instanceof FetchOutcome.Response response) {
            Optional<FailureClass> failure = FailureClass.of(response);
            if (failure.isPresent() && failure.get().hostEffect() == FailureClass.HostEffect.PUSH_BACK) {
                Optional<String> retryAfter = response.header("retry-after");
                return new PushedBack(retryAfter.flatMap(value -> RetryAfter.parse(value, wallNow)),
                        "HTTP " + response.status() + retryAfter.map(value -> " (Retry-After: " + value + ")").orElse(""));
            }
            return new Answered(response.elapsedNanos());
        }
        FetchOutcome.Failure failure = (FetchOutcome.Failure) outcome;
        String reason = failure.failureClass().label() + ": " + failure.message();
        return switch (failure.failureClass().hostEffect()) {
            case UNANSWERED -> new Unanswered(failure.failureClass(), reason);
            case PUSH_BACK -> new PushedBack(Optional.empty(), reason);
            case NONE -> NEUTRAL;
        };
    }
}

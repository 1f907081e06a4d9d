package dev.crawler.core.schedule;

import dev.crawler.core.fetch.FailureClass;
import dev.crawler.core.fetch.FetchOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one finished request says about its host's health, for {@link HostScheduler#requestFinished}:
 * how fast it answers (the adaptive delay), whether it asked for a pause (429/503 with
 * {@code Retry-After}), or whether it failed to answer at all (toward parking).
 */
public sealed interface HostSignal {
    /** The host answered, taking {@code responseNanos} from request to last byte. */
    record Answered(long responseNanos) implements HostSignal {
    }

    /** The host answered 429 or 503 and asked, with {@code Retry-After}, not to be asked again for {@code pause}. */
    record Throttled(long responseNanos, Duration pause) implements HostSignal {
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
            if (response.status() == 429 || response.status() == 503) {
                Optional<Duration> pause = response.header("retry-after").flatMap(value -> RetryAfter.parse(value, wallNow));
                if (pause.isPresent()) {
                    return new Throttled(response.elapsedNanos(), pause.get());
                }
            }
            return new Answered(response.elapsedNanos());
        }
        FetchOutcome.Failure failure = (FetchOutcome.Failure) outcome;
        return switch (failure.failureClass().hostEffect()) {
            case UNANSWERED -> new Unanswered(failure.failureClass(), failure.failureClass().label() + ": " + failure.message());
            case NONE -> NEUTRAL;
        };
    }
}

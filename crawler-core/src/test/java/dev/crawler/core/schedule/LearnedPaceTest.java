package dev.crawler.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.config.CrawlConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * AIMD on a host's delay: multiplied on each push-back, a step off after each run of answers, never
 * past its cap and never holding the host below its floor. The pace reads no clock; the scheduler's
 * tests drive it with a fake one.
 */
class LearnedPaceTest {
    private static final long MS = 1_000_000L;
    private static final long FLOOR = 100 * MS;

    /** Factor 2, a 250 ms step after 3 answers in a row, at most 10 s. */
    private static LearnedPace pace() {
        CrawlConfig.Politeness politeness = CrawlConfig.Politeness.defaults()
                .withLearnedPace(2.0, Duration.ofMillis(250), 3, Duration.ofSeconds(10));
        return new LearnedPace(politeness);
    }

    @Test
    void aHostNobodyHeardFromIsNotSlowed() {
        assertThat(pace().delayNanos()).isZero();
    }

    @Test
    void eachPushBackMultipliesTheDelayTheHostWasGetting() {
        LearnedPace pace = pace();

        assertThat(pace.pushedBack(FLOOR, 0)).isTrue();
        assertThat(pace.delayNanos()).as("from at least one step").isEqualTo(500 * MS);
        pace.pushedBack(500 * MS, 0);
        assertThat(pace.delayNanos()).isEqualTo(1_000 * MS);
        pace.pushedBack(3_000 * MS, 0);
        assertThat(pace.delayNanos()).as("from the delay it got, whatever made it").isEqualTo(6_000 * MS);
        assertThat(pace.pushBacks()).isEqualTo(3);
    }

    @Test
    void theDelayNeverGrowsPastMaxLearnedDelay() {
        LearnedPace pace = pace();
        for (int i = 0; i < 20; i++) {
            pace.pushedBack(Math.max(FLOOR, pace.delayNanos()), 0);
        }

        assertThat(pace.delayNanos()).isEqualTo(10_000 * MS);
    }

    @Test
    void eachRunOfAnswersTakesOneStepOff() {
        LearnedPace pace = pace();
        pace.pushedBack(1_000 * MS, 0);

        assertThat(pace.answered(FLOOR)).isFalse();
        assertThat(pace.answered(FLOOR)).isFalse();
        assertThat(pace.answered(FLOOR)).as("the third in a row").isTrue();
        assertThat(pace.delayNanos()).isEqualTo(1_750 * MS);
        pace.answered(FLOOR);
        pace.answered(FLOOR);
        assertThat(pace.delayNanos()).as("a new run starts after each step").isEqualTo(1_750 * MS);
        pace.answered(FLOOR);
        assertThat(pace.delayNanos()).isEqualTo(1_500 * MS);
    }

    @Test
    void aPushBackStartsTheRunOfAnswersAgain() {
        LearnedPace pace = pace();
        pace.pushedBack(1_000 * MS, 0);
        pace.answered(FLOOR);
        pace.answered(FLOOR);

        pace.pushedBack(2_000 * MS, 0);
        pace.answered(FLOOR);
        pace.answered(FLOOR);

        assertThat(pace.delayNanos()).isEqualTo(4_000 * MS);
    }

    @Test
    void oneStepAboveTheFloorAHostIsNoLongerSlowed() {
        LearnedPace pace = pace();
        pace.pushedBack(FLOOR, 0);
        long floor = 400 * MS;

        for (int i = 0; i < 3; i++) {
            pace.answered(floor);
        }

        assertThat(pace.delayNanos()).as("500 ms less a step is below the 400 ms floor: the floor rules again").isZero();
        assertThat(pace.answered(floor)).as("nothing left to recover").isFalse();
    }

    @Test
    void answersToRequestsSentBeforeTheSlowDownDoNotSlowItAgain() {
        LearnedPace pace = pace();
        assertThat(pace.pushedBack(1_000 * MS, 2)).isTrue();

        assertThat(pace.pushedBack(2_000 * MS, 1)).as("sent at the old pace").isFalse();
        pace.finishedUnheard();
        assertThat(pace.delayNanos()).isEqualTo(2_000 * MS);

        assertThat(pace.pushedBack(2_000 * MS, 0)).as("sent at the new pace").isTrue();
        assertThat(pace.delayNanos()).isEqualTo(4_000 * MS);
        assertThat(pace.pushBacks()).as("every push-back counts, stale or not").isEqualTo(3);
    }

    @Test
    void aPaceLearnedBeforeIsWhereItStarts() {
        LearnedPace pace = pace();

        pace.restore(3_000 * MS, 7);

        assertThat(pace.delayNanos()).isEqualTo(3_000 * MS);
        assertThat(pace.pushBacks()).isEqualTo(7);
        pace.restore(60_000 * MS, 7);
        assertThat(pace.delayNanos()).as("within the cap of this run's config").isEqualTo(10_000 * MS);
    }
}

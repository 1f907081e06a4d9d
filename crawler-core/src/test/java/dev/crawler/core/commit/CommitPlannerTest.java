package dev.crawler.core.commit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.fetch.FailureClass;
import dev.crawler.core.parse.PageOutcome;
import dev.crawler.core.parse.PageTask;
import dev.crawler.storage.FailureRecord;
import dev.crawler.storage.FrontierKey;
import dev.crawler.storage.PageCommit;
import dev.crawler.storage.QueuedUrl;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a failed page changes in the store: retried as its row of the failure table says, or recorded. */
class CommitPlannerTest {
    private static final String SHOP = "http://127.0.1.1:80";
    private static final Instant AT = Instant.parse("2030-01-01T00:00:00Z");
    private static final CommitPlanner PLANNER = new CommitPlanner(3, 2, new RetryBackoff(Duration.ofSeconds(2), Duration.ofMinutes(5)));

    private static PageCommit plan(int attempts, int pushBacks, FailureClass failure, int status) {
        QueuedUrl queued = new QueuedUrl(new FrontierKey(0, 1, 7), SHOP + "/p", 2, attempts, 0, pushBacks);
        return PLANNER.plan(PageOutcome.failed(new PageTask(0, SHOP, queued), status, failure, "HTTP " + status, AT));
    }

    @Test
    void aFailureThatMayPassSpendsAnAttemptAndWaitsInTheRetryLane() {
        PageCommit commit = plan(1, 0, FailureClass.HTTP_TRANSIENT, 500);

        assertThat(commit.requeue()).hasValueSatisfying(again -> {
            assertThat(again.attempts()).isEqualTo(2);
            assertThat(again.notBeforeEpochMillis()).isGreaterThan(AT.toEpochMilli());
        });
        assertThat(commit.counters()).containsEntry(CrawlCounters.RETRIES, 1L).doesNotContainKey(CrawlCounters.PUSH_BACKS);
    }

    @Test
    void aPushBackSpendsNoAttemptAndGoesStraightBackToItsHostsQueue() {
        PageCommit commit = plan(3, 1, FailureClass.RATE_LIMITED, 429);

        assertThat(commit.requeue()).as("even with every retry spent").hasValueSatisfying(again -> {
            assertThat(again.attempts()).isEqualTo(3);
            assertThat(again.pushBacks()).isEqualTo(2);
            assertThat(again.notBeforeEpochMillis()).as("the host's pause, not the URL, makes it wait").isZero();
        });
        assertThat(commit.failure()).isEmpty();
        assertThat(commit.counters()).containsEntry(CrawlCounters.PUSH_BACKS, 1L).doesNotContainKey(CrawlCounters.RETRIES)
                .doesNotContainKey(CrawlCounters.PAGES_FAILED);
    }

    @Test
    void aUrlPushedBackMoreThanMaxPushBacksFailsAsRateLimitedSayingWhy() {
        PageCommit commit = plan(1, 2, FailureClass.RATE_LIMITED, 429);

        assertThat(commit.requeue()).isEmpty();
        FailureRecord record = commit.failure().orElseThrow();
        assertThat(record.failureClass()).isEqualTo("rate-limited");
        assertThat(record.message()).isEqualTo("HTTP 429; pushed back 3 times (politeness.maxPushBacks is 2)");
        assertThat(record.attempts()).as("every request made for it").isEqualTo(4);
        assertThat(commit.counters()).containsEntry(CrawlCounters.PAGES_FAILED, 1L).containsEntry("failures.rate-limited", 1L);
    }

    @Test
    void aFailureThatCannotPassFailsAtItsFirstAttempt() {
        PageCommit commit = plan(0, 0, FailureClass.PROTOCOL, 0);

        assertThat(commit.requeue()).isEmpty();
        assertThat(commit.failure()).hasValueSatisfying(record -> assertThat(record.attempts()).isEqualTo(1));
    }
}

package dev.crawler.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrontierTest {
    private static final String SHOP = "http://127.0.1.1:8080";

    @TempDir
    Path temp;

    private static DiscoveredUrl url(String path) {
        return new DiscoveredUrl(SHOP + path, SHOP, 1, 1);
    }

    @Test
    void aReopenedFrontierContinuesTheSequenceAndTheBudgetWhereTheWrittenOneStopped() throws Exception {
        try (StoreDb db = PartDb.open(temp)) {
            Frontier frontier = new Frontier(db);
            StoreBatch batch = new StoreBatch();
            assertThat(frontier.enqueue(batch, 0, url("/1"))).isTrue();
            assertThat(frontier.enqueue(batch, 0, url("/2"))).isTrue();
            frontier.addCounts(batch);
            PartDb.write(db, batch);

            Frontier reopened = new Frontier(db);
            reopened.limitUrlsPerHost(3);
            StoreBatch next = new StoreBatch();
            assertThat(reopened.enqueue(next, 0, url("/3"))).isTrue();
            assertThat(reopened.enqueue(next, 0, url("/4"))).as("over the budget of 3").isFalse();
            assertThat(reopened.enqueue(next, 1, url("/5"))).as("the budget is per host").isTrue();
            assertThat(next.counterDeltas()).containsEntry(Counters.URLS_QUEUED, 2L).containsEntry(Counters.URLS_OVER_BUDGET, 1L);
            assertThat(next.queuedByHost()).containsOnly(Map.entry(0, 1), Map.entry(1, 1));
            reopened.addCounts(next);
            PartDb.write(db, next);

            assertThat(reopened.peek(0, 10, Set.of())).extracting(queued -> queued.key().sequence()).containsExactly(0L, 1L, 2L);
            assertThat(reopened.peek(1, 10, Set.of())).extracting(queued -> queued.key().sequence()).containsExactly(3L);
        }
    }

    @Test
    void aRequeueWithABackoffWaitsInTheRetryLaneAndRejoinsItsHostUnderTheKeyItWasGiven() throws Exception {
        try (StoreDb db = PartDb.open(temp)) {
            Frontier frontier = new Frontier(db);
            StoreBatch enqueue = new StoreBatch();
            frontier.enqueue(enqueue, 0, url("/a"));
            PartDb.write(db, enqueue);
            QueuedUrl first = frontier.peek(0, 1, Set.of()).get(0);

            StoreBatch settle = new StoreBatch();
            frontier.settle(settle, first.key());
            frontier.requeue(settle, 0, new PageCommit.RequeuedUrl(first.url(), 1, 1, 2, 5_000, 0, 1));
            assertThat(settle.counterDeltas()).containsEntry(Counters.URLS_QUEUED, 0L).containsEntry(Counters.URLS_RETRYING, 1L);
            assertThat(settle.queuedByHost()).as("nothing to wake the host for yet").isEmpty();
            PartDb.write(db, settle);

            assertThat(frontier.peek(0, 10, Set.of())).isEmpty();
            assertThat(frontier.nextRetryDue()).contains(5_000L);
            StoreBatch early = new StoreBatch();
            assertThat(frontier.promoteDueRetries(early, 4_999, 10)).isZero();
            early.close();

            StoreBatch due = new StoreBatch();
            assertThat(frontier.promoteDueRetries(due, 5_000, 10)).isOne();
            assertThat(due.counterDeltas()).containsEntry(Counters.URLS_RETRYING, -1L).doesNotContainKey(Counters.URLS_QUEUED);
            assertThat(due.queuedByHost()).containsOnly(Map.entry(0, 1));
            PartDb.write(db, due);

            assertThat(frontier.peek(0, 10, Set.of())).singleElement().satisfies(again -> {
                assertThat(again.key()).isEqualTo(new FrontierKey(0, 1, 1));
                assertThat(again.attempts()).isEqualTo(2);
                assertThat(again.pushBacks()).isEqualTo(1);
            });
            assertThat(frontier.nextRetryDue()).isEmpty();
        }
    }

    @Test
    void promotionTakesAtMostItsLimitEarliestFirst() throws Exception {
        try (StoreDb db = PartDb.open(temp)) {
            Frontier frontier = new Frontier(db);
            StoreBatch retries = new StoreBatch();
            frontier.requeue(retries, 0, new PageCommit.RequeuedUrl(SHOP + "/late", 1, 1, 1, 3_000));
            frontier.requeue(retries, 0, new PageCommit.RequeuedUrl(SHOP + "/early", 1, 1, 1, 1_000));
            frontier.requeue(retries, 0, new PageCommit.RequeuedUrl(SHOP + "/middle", 1, 1, 1, 2_000));
            PartDb.write(db, retries);

            StoreBatch promoted = new StoreBatch();
            assertThat(frontier.promoteDueRetries(promoted, 10_000, 2)).isEqualTo(2);
            PartDb.write(db, promoted);

            assertThat(frontier.peek(0, 10, Set.of())).extracting(QueuedUrl::url).containsExactly(SHOP + "/early", SHOP + "/middle");
            assertThat(frontier.nextRetryDue()).contains(3_000L);
        }
    }

    @Test
    void hostQueuesSpendsOneKeyLimitOnTheQueuesAndTheRetryLaneTogether() throws Exception {
        long due = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();
        try (StoreDb db = PartDb.open(temp)) {
            Frontier frontier = new Frontier(db);
            StoreBatch batch = new StoreBatch();
            frontier.enqueue(batch, 0, url("/1"));
            frontier.enqueue(batch, 0, url("/2"));
            frontier.requeue(batch, 1, new PageCommit.RequeuedUrl("http://b/1", 0, 0, 1, due));
            frontier.requeue(batch, 1, new PageCommit.RequeuedUrl("http://b/2", 0, 0, 1, due + 1));
            PartDb.write(db, batch);

            HostQueues limited = frontier.hostQueues(3, id -> "host " + id);
            HostQueues whole = frontier.hostQueues(4, id -> "host " + id);

            assertThat(limited.complete()).isFalse();
            assertThat(limited.hosts()).containsExactly(new HostQueues.Host("host 0", 2, 0, Optional.empty()),
                    new HostQueues.Host("host 1", 0, 1, Optional.of(Instant.ofEpochMilli(due))));
            assertThat(whole.complete()).isTrue();
            assertThat(whole.hosts()).extracting(HostQueues.Host::retrying).containsExactly(0L, 2L);
        }
    }

    @Test
    void hostsWithQueuedUrlsSkipsHostsWhoseUrlsAllWaitInTheRetryLane() throws Exception {
        try (StoreDb db = PartDb.open(temp)) {
            Frontier frontier = new Frontier(db);
            StoreBatch batch = new StoreBatch();
            frontier.enqueue(batch, 0, url("/1"));
            frontier.requeue(batch, 1, new PageCommit.RequeuedUrl("http://b/1", 0, 0, 1, 1_000));
            frontier.enqueue(batch, 2, url("/2"));
            PartDb.write(db, batch);

            assertThat(frontier.hostsWithQueuedUrls()).containsExactly(0, 2);
            assertThat(frontier.peek(1, 10, Set.of())).isEmpty();
        }
    }
}

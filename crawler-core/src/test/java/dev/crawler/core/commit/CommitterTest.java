package dev.crawler.core.commit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.fetch.FailureClass;
import dev.crawler.core.parse.PageOutcome;
import dev.crawler.core.parse.PageTask;
import dev.crawler.storage.CommitResult;
import dev.crawler.storage.Counters;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.FailureRecord;
import dev.crawler.storage.ParkedHost;
import dev.crawler.storage.QueuedUrl;
import dev.crawler.storage.StoreOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The committer thread against a real store: what it writes, when it wakes, and how it ends. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CommitterTest {
    private static final String SHOP = "http://127.0.1.1:80";

    @TempDir
    Path temp;

    private CrawlStore store;
    private final Heard heard = new Heard();

    @BeforeEach
    void openStore() {
        store = CrawlStore.create(temp.resolve("crawl"), "{}", StoreOptions.defaults());
        store.enqueue(List.of(new DiscoveredUrl(SHOP + "/a", SHOP, 0, 0), new DiscoveredUrl(SHOP + "/b", SHOP, 0, 0)));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void anOutcomeIsWrittenAndHeardOfWithoutWaitingForATimer() throws Exception {
        try (Committer committer = committer(RetryBackoff.defaults())) {
            committer.start();
            PageTask task = leased(SHOP + "/a");

            committer.submit(PageOutcome.failed(task, 404, FailureClass.HTTP_STATUS, "HTTP 404", Instant.now()));

            assertThat(heard.next().group()).extracting(outcome -> outcome.task().queued().url()).containsExactly(SHOP + "/a");
            assertThat(store.counter(CrawlCounters.PAGES_FAILED)).isEqualTo(1);
        }
    }

    @Test
    void aRetryReturnsToItsHostsQueueOnceItsBackoffHasPassedWithNothingElseHappening() throws Exception {
        try (Committer committer = committer(new RetryBackoff(Duration.ofMillis(50), Duration.ofMillis(50)))) {
            committer.start();
            PageTask task = leased(SHOP + "/a");

            committer.submit(PageOutcome.failed(task, 503, FailureClass.HTTP_TRANSIENT, "HTTP 503", Instant.now()));

            assertThat(heard.next().result().queuedByHost()).as("the failed page's write").isEmpty();
            assertThat(heard.next().result().queuedByHost()).as("the retry moved back").containsEntry(task.hostId(), 1);
            assertThat(store.counter(Counters.URLS_RETRYING)).isZero();
            assertThat(store.peek(task.hostId(), 10, Set.of())).extracting(QueuedUrl::url).contains(SHOP + "/a");
        }
    }

    @Test
    void aRetryLeftByAnEarlierRunIsMovedBackWhenItIsDue() throws Exception {
        PageTask task = leased(SHOP + "/a");
        try (Committer first = committer(new RetryBackoff(Duration.ofMinutes(5), Duration.ofMinutes(5)))) {
            first.start();
            first.submit(PageOutcome.failed(task, 503, FailureClass.HTTP_TRANSIENT, "HTTP 503", Instant.now()));
            heard.next();
        }
        assertThat(store.counter(Counters.URLS_RETRYING)).isOne();
        // The next run starts five minutes later (as far as its clock knows): the retry is due at once.
        InstantSource later = InstantSource.offset(InstantSource.system(), Duration.ofMinutes(6));

        try (Committer committer = new Committer(store, new CommitPlanner(3, 20, RetryBackoff.defaults())::plan, heard, 256, later)) {
            committer.start();

            assertThat(heard.next().result().queuedByHost()).containsEntry(task.hostId(), 1);
        }
    }

    @Test
    void closingWritesTheHostsParkedJustBeforeAndEndsTheThread() {
        Committer committer = committer(RetryBackoff.defaults());
        committer.start();

        committer.hostParked(new ParkedHost(SHOP, "connect: refused", 5, Instant.now()));
        committer.close();

        assertThat(store.parkedHosts()).extracting(ParkedHost::origin).containsExactly(SHOP);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).doesNotContain("crawler-committer");
    }

    @Test
    void anOutcomeWhosePlanningThrowsIsRecordedAsAnInternalFailureAndTheRestOfItsGroupIsWritten() throws Exception {
        CommitPlanner real = new CommitPlanner(3, 20, RetryBackoff.defaults());
        OutcomePlanner failsOnA = outcome -> {
            if (outcome.task().queued().url().endsWith("/a")) {
                throw new StackOverflowError("injected");
            }
            return real.plan(outcome);
        };
        PageTask a = leased(SHOP + "/a");
        PageTask b = leased(SHOP + "/b");
        try (Committer committer = new Committer(store, failsOnA, heard, 256, InstantSource.system())) {
            committer.submit(PageOutcome.failed(a, 200, FailureClass.HTTP_STATUS, "whatever", Instant.now()));
            committer.submit(PageOutcome.failed(b, 404, FailureClass.HTTP_STATUS, "HTTP 404", Instant.now()));
            committer.start();

            assertThat(heard.next().group()).as("both written, in one group").hasSize(2);
        }

        assertThat(heard.internalErrors).extracting(outcome -> outcome.task().queued().url()).containsExactly(SHOP + "/a");
        Map<String, FailureRecord> failures = new HashMap<>();
        store.records().forEachFailure(failure -> failures.put(failure.url(), failure));
        assertThat(failures.get(SHOP + "/a")).satisfies(failure -> {
            assertThat(failure.failureClass()).isEqualTo("internal");
            assertThat(failure.message()).contains("StackOverflowError", "injected");
        });
        assertThat(failures.get(SHOP + "/b").failureClass()).isEqualTo("http-status");
        assertThat(store.counter(CrawlCounters.PAGES_FAILED)).isEqualTo(2);
        assertThat(store.counter(CrawlCounters.failure(FailureClass.INTERNAL))).isOne();
        assertThat(store.counter(Counters.URLS_QUEUED)).as("both settled").isZero();
    }

    @Test
    void aFailureOutsideAnyOneOutcomeStopsTheCommitterAndSaysSoInsteadOfDyingQuietly() throws Exception {
        Heard brokenListener = new Heard() {
            @Override
            public void committed(List<PageOutcome> group, CommitResult result) {
                throw new IllegalStateException("injected");
            }
        };
        try (Committer committer = new Committer(store, new CommitPlanner(3, 20, RetryBackoff.defaults())::plan, brokenListener, 256,
                InstantSource.system())) {
            committer.start();

            committer.submit(PageOutcome.failed(leased(SHOP + "/a"), 404, FailureClass.HTTP_STATUS, "HTTP 404", Instant.now()));

            assertThat(brokenListener.awaitFailure()).hasMessageContaining("injected");
        }
    }

    private Committer committer(RetryBackoff backoff) {
        return new Committer(store, new CommitPlanner(3, 20, backoff)::plan, heard, 256, InstantSource.system());
    }

    private PageTask leased(String url) {
        int hostId = store.hostId(SHOP).orElseThrow();
        QueuedUrl queued = store.peek(hostId, 10, Set.of()).stream().filter(q -> q.url().equals(url)).findFirst().orElseThrow();
        return new PageTask(hostId, SHOP, queued);
    }

    /** What the committer told its listener, in order. */
    static class Heard implements CommitListener {
        record Committed(List<PageOutcome> group, CommitResult result) {
        }

        private final LinkedBlockingQueue<Committed> committed = new LinkedBlockingQueue<>();
        private final CompletableFuture<RuntimeException> failure = new CompletableFuture<>();
        final List<PageOutcome> internalErrors = new CopyOnWriteArrayList<>();

        Committed next() throws InterruptedException {
            Committed next = committed.poll(30, TimeUnit.SECONDS);
            assertThat(next).as("a commit within 30 s").isNotNull();
            return next;
        }

        @Override
        public void committed(List<PageOutcome> group, CommitResult result) {
            committed.add(new Committed(group, result));
        }

        @Override
        public void enqueued(CommitResult result) {
            committed.add(new Committed(List.of(), result));
        }

        RuntimeException awaitFailure() throws Exception {
            return failure.get(30, TimeUnit.SECONDS);
        }

        @Override
        public void internalError(PageOutcome outcome, Throwable error) {
            internalErrors.add(outcome);
        }

        @Override
        public void commitFailed(List<PageOutcome> group, RuntimeException error) {
            failure.complete(error);
        }
    }
}

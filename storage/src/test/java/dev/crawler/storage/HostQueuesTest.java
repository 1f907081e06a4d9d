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

class HostQueuesTest {
    private static final String A = "http://127.0.1.1:8080";
    private static final String B = "http://127.0.1.2:8080";

    @TempDir
    Path temp;

    private static DiscoveredUrl url(String origin, String path) {
        return new DiscoveredUrl(origin + path, origin, 0, 0);
    }

    @Test
    void countsEachHostsQueueAndRetryLaneWithTheNextRetryTime() {
        try (CrawlStore store = CrawlStore.create(temp.resolve("crawl"), "{}", StoreOptions.defaults())) {
            store.enqueue(List.of(url(A, "/1"), url(A, "/2"), url(A, "/3"), url(B, "/1"), url(B, "/2")));
            int b = store.hostId(B).orElseThrow();
            List<QueuedUrl> queueOfB = store.peek(b, 2, Set.of());
            long later = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();
            long sooner = Instant.parse("2029-01-01T00:00:00Z").toEpochMilli();
            store.commit(List.of(
                    retry(queueOfB.get(0), later),
                    retry(queueOfB.get(1), sooner)));

            HostQueues queues = store.hostQueues(1_000);

            assertThat(queues.complete()).isTrue();
            assertThat(queues.hosts()).containsExactly(
                    new HostQueues.Host(A, 3, 0, Optional.empty()),
                    new HostQueues.Host(B, 0, 2, Optional.of(Instant.ofEpochMilli(sooner))));
        }
    }

    @Test
    void stopsAtItsKeyLimitAndSaysTheCountsAreLowerBounds() {
        try (CrawlStore store = CrawlStore.create(temp.resolve("crawl"), "{}", StoreOptions.defaults())) {
            store.enqueue(List.of(url(A, "/1"), url(A, "/2"), url(A, "/3"), url(B, "/1")));

            HostQueues queues = store.hostQueues(2);

            assertThat(queues.complete()).isFalse();
            assertThat(queues.hosts()).containsExactly(new HostQueues.Host(A, 2, 0, Optional.empty()));
            assertThat(store.hostQueues(4).complete()).isTrue();
        }
    }

    private static PageCommit retry(QueuedUrl queued, long notBefore) {
        return new PageCommit(queued.key(), Optional.of(new PageCommit.RequeuedUrl(queued.url(), 0, 0, 1, notBefore)),
                List.of(), List.of(), Optional.empty(), Map.of());
    }
}

package dev.crawler.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** What the frontier promises, for any sequence of enqueues. */
class FrontierPropertiesTest {
    private static final int HOSTS = 4;

    /** A URL to enqueue: which host, which page, which priority. */
    record Link(int host, int page, int priority) {
        DiscoveredUrl discovered() {
            String origin = "http://h" + host + ".example:80";
            return new DiscoveredUrl(origin + "/p/" + page, origin, priority, priority);
        }
    }

    @Provide
    Arbitrary<List<Link>> links() {
        return Combinators.combine(Arbitraries.integers().between(0, HOSTS - 1), Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(0, 2)).as(Link::new).list().ofMaxSize(120);
    }

    @Property(tries = 40)
    void everyEnqueuedUrlIsLeasedExactlyOnceAndFifoPerHostWithinAPriority(@ForAll("links") List<Link> links,
            @ForAll @IntRange(min = 1, max = 7) int batchSize, @ForAll @IntRange(min = 1, max = 5) int leaseSize) throws IOException {
        Path dir = Files.createTempDirectory("frontier-prop");
        try (CrawlStore store = CrawlStore.create(dir.resolve("crawl"), "{}", StoreOptions.defaults())) {
            Map<String, Link> firstEnqueue = new LinkedHashMap<>();
            for (int i = 0; i < links.size(); i += batchSize) {
                List<Link> batch = links.subList(i, Math.min(links.size(), i + batchSize));
                batch.forEach(link -> firstEnqueue.putIfAbsent(link.discovered().url(), link));
                store.enqueue(batch.stream().map(Link::discovered).toList());
            }

            List<QueuedUrl> leasedInOrder = drain(store, leaseSize);

            assertThat(leasedInOrder).extracting(QueuedUrl::url).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(firstEnqueue.keySet());
            for (int host = 0; host < HOSTS; host++) {
                for (int priority = 0; priority <= 2; priority++) {
                    int h = host;
                    int p = priority;
                    List<String> expected = firstEnqueue.values().stream().filter(l -> l.host() == h && l.priority() == p)
                            .map(l -> l.discovered().url()).toList();
                    List<String> actual = leasedInOrder.stream().filter(q -> q.url().startsWith("http://h" + h + "."))
                            .filter(q -> q.key().priority() == p).map(QueuedUrl::url).toList();
                    assertThat(actual).as("host %d priority %d", h, p).containsExactlyElementsOf(expected);
                }
            }
        } finally {
            delete(dir);
        }
    }

    @Property(tries = 20)
    void aLeaseThatIsNeverCommittedComesBackAfterReopening(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 200) Integer> pages,
            @ForAll @IntRange(min = 0, max = 40) int committed) throws IOException {
        Path dir = Files.createTempDirectory("frontier-prop");
        try {
            Set<String> unsettled = new HashSet<>();
            try (CrawlStore store = CrawlStore.create(dir.resolve("crawl"), "{}", StoreOptions.defaults())) {
                store.enqueue(pages.stream().map(page -> new Link(0, page, 1).discovered()).toList());
                List<QueuedUrl> leased = store.peek(0, Integer.MAX_VALUE, Set.of());
                for (int i = 0; i < leased.size(); i++) {
                    if (i < committed) {
                        store.commit(List.of(new PageCommit(leased.get(i).key(), Optional.empty(), List.of(), List.of(),
                                Optional.empty(), Map.of())));
                    } else {
                        unsettled.add(leased.get(i).url());
                    }
                }
            }
            try (CrawlStore store = CrawlStore.open(dir.resolve("crawl"), StoreOptions.defaults())) {
                assertThat(store.peek(0, Integer.MAX_VALUE, Set.of())).extracting(QueuedUrl::url)
                        .containsExactlyInAnyOrderElementsOf(unsettled);
                assertThat(store.counter(Counters.URLS_QUEUED)).isEqualTo(unsettled.size());
            }
        } finally {
            delete(dir);
        }
    }

    /** Leases as a scheduler would (a few keys at a time per host, skipping those out), committing each, until empty. */
    private static List<QueuedUrl> drain(CrawlStore store, int leaseSize) {
        List<QueuedUrl> order = new ArrayList<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int hostId : store.hostsWithQueuedUrls()) {
                List<QueuedUrl> lease = store.peek(hostId, leaseSize, Set.of());
                for (QueuedUrl queued : lease) {
                    order.add(queued);
                    store.commit(List.of(new PageCommit(queued.key(), Optional.empty(), List.of(), List.of(), Optional.empty(), Map.of())));
                    progress = true;
                }
            }
        }
        return order;
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}

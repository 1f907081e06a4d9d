package dev.crawler.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.robots.RobotsCache;
import dev.crawler.core.robots.RobotsPolicy;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.StoreOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In a cluster the scheduler fetches only for the hosts this process owns, and a host it takes over waits one delay. */
class HostOwnershipTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String MINE = "http://127.0.1.1:80";
    private static final String THEIRS = "http://127.0.1.2:80";

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
    private final Set<String> owned = ConcurrentHashMap.newKeySet();
    private CrawlStore store;

    @AfterEach
    void closeStore() {
        store.close();
    }

    private HostScheduler scheduler() {
        store = CrawlStore.create(dir.resolve("crawl"), "{}", StoreOptions.defaults());
        store.enqueue(List.of(new DiscoveredUrl(MINE + "/a", MINE, 0, 0), new DiscoveredUrl(THEIRS + "/a", THEIRS, 0, 0),
                new DiscoveredUrl(THEIRS + "/b", THEIRS, 0, 0)));
        CrawlConfig defaults = CrawlConfig.defaults(Set.of(MINE, THEIRS));
        CrawlConfig config = defaults.withPoliteness(defaults.politeness().withDelay(Duration.ofSeconds(1)).withPermitsPerHost(1));
        HostScheduler scheduler = new HostScheduler(store, new RobotsCache(Duration.ofHours(1), 100, clock::get), config, 0,
                owned::contains, true);
        store.hostsWithQueuedUrls().forEach(scheduler::hostHasWork);
        return scheduler;
    }

    private long now() {
        return clock.get();
    }

    @Test
    void aHostThisProcessDoesNotOwnGetsNoRequest() {
        owned.add(MINE);
        HostScheduler scheduler = scheduler();

        assertThat(scheduler.next(now())).isEqualTo(new Decision.FetchRobots(0, MINE));
        assertThat(scheduler.next(now())).as("the other host is not this process's").isInstanceOf(Decision.Idle.class);
        assertThat(scheduler.isFinished(false)).as("nothing of its own left but the robots.txt in flight").isFalse();
    }

    @Test
    void aHostTakenOverWaitsOneDelayBeforeItsFirstRequest() {
        HostScheduler scheduler = scheduler();
        assertThat(scheduler.next(now())).isInstanceOf(Decision.Idle.class);

        owned.add(THEIRS);
        scheduler.reconsiderOwnership(now());

        assertThat(scheduler.next(now())).isEqualTo(new Decision.WaitUntil(now() + SECOND));
        clock.addAndGet(SECOND);
        assertThat(scheduler.next(now())).isEqualTo(new Decision.FetchRobots(1, THEIRS));
    }

    @Test
    void aHostLetGoGetsNoMoreRequestsAndIsSettledOnceItsRequestInFlightIs() {
        owned.add(THEIRS);
        HostScheduler scheduler = scheduler();
        scheduler.next(now());
        scheduler.robotsLoaded(1, RobotsPolicy.allowAll(), now());
        scheduler.requestFinished(1, now());
        clock.addAndGet(SECOND);
        Decision.FetchPage page = (Decision.FetchPage) scheduler.next(now());

        owned.remove(THEIRS);
        scheduler.reconsiderOwnership(now());
        scheduler.requestFinished(1, now());
        clock.addAndGet(SECOND);

        assertThat(scheduler.next(now())).as("its second URL waits for its next owner").isInstanceOf(Decision.Idle.class);
        assertThat(scheduler.releasedHostsSettled()).as("a request is still uncommitted").isFalse();
        scheduler.settled(1, page.url().key());
        assertThat(scheduler.releasedHostsSettled()).isTrue();
    }
}

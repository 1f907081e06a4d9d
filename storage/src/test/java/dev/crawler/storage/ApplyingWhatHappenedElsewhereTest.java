package dev.crawler.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a cluster member needs of its store: to ask which links a commit would queue without changing
 * anything, to restore the state of URLs handled elsewhere, and checkpoints written in the same batch
 * as what they say was applied.
 */
class ApplyingWhatHappenedElsewhereTest {
    private static final String SHOP = "http://127.0.1.1:80";

    @TempDir
    Path dir;
    private CrawlStore store;

    @BeforeEach
    void create() {
        store = CrawlStore.create(dir.resolve("crawl"), "{}", StoreOptions.defaults());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static DiscoveredUrl url(String path) {
        return new DiscoveredUrl(SHOP + path, SHOP, 1, 0);
    }

    @Test
    void askingWhichLinksAreUnseenChangesNothingAndTheCommitThatFollowsQueuesThem() {
        store.enqueue(List.of(url("/seen")));

        assertThat(store.unseenAmong(List.of(url("/seen"), url("/new"), url("/new")))).containsExactly(url("/new"));
        assertThat(store.unseenAmong(List.of(url("/new")))).as("asked again, still unseen").containsExactly(url("/new"));

        store.enqueue(List.of(url("/new")));
        assertThat(store.counter(Counters.URLS_QUEUED)).isEqualTo(2);
        assertThat(store.unseenAmong(List.of(url("/new")))).isEmpty();
    }

    @Test
    void restoringQueuesWhatWasNeverSeenHereAndKeepsWhatWasSettledElsewhereFromEverBeingQueued() {
        store.enqueue(List.of(url("/known")));

        store.restore(List.of(url("/known"), url("/queued-there")), List.of(SHOP + "/fetched-there"), Map.of("state.3", 42L));

        assertThat(store.counter(Counters.URLS_QUEUED)).as("/known once, /queued-there").isEqualTo(2);
        store.enqueue(List.of(url("/fetched-there")));
        assertThat(store.counter(Counters.URLS_QUEUED)).as("a URL settled elsewhere is never queued here").isEqualTo(2);
        assertThat(store.checkpoint("state.3")).hasValue(42L);
    }

    @Test
    void aCheckpointIsWrittenWithTheGroupItDescribesAndSurvivesAReopen() {
        FrontierKey key = store.peek(store.enqueue(List.of(url("/a"))).queuedByHost().keySet().iterator().next(), 1, Set.of())
                .get(0).key();

        store.commit(List.of(new PageCommit(key, Optional.empty(), List.of(), List.of(), Optional.empty(), Map.of())), List.of(),
                List.of(), List.of(), List.of(url("/from-a-peer")), Map.of("state.0", 7L, "state.1", 9L));
        store.close();
        store = CrawlStore.open(dir.resolve("crawl"), StoreOptions.defaults());

        assertThat(store.checkpoint("state.0")).hasValue(7L);
        assertThat(store.checkpoint("state.1")).hasValue(9L);
        assertThat(store.checkpoint("state.2")).isEmpty();
        assertThat(store.counter(Counters.URLS_QUEUED)).as("/a settled, /from-a-peer queued").isEqualTo(1);
    }

    @Test
    void aSettingKeptAtCreationIsReadBack() {
        store.recordSetting("cluster", "{\"crawlId\":\"x\"}");

        assertThat(store.setting("cluster")).hasValue("{\"crawlId\":\"x\"}");
        assertThat(store.setting("other")).isEmpty();
    }
}

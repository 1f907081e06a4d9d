package dev.crawler.cluster;

import dev.crawler.storage.ChangeEvent;
import dev.crawler.storage.ChangesInTimeOrder;
import dev.crawler.storage.StoreJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The change events of a whole cluster crawl, read from its history topic: each written once, by the
 * member that observed it, in the transaction that published the record it compares. What
 * {@code crawler export --cluster --changes-since} writes. Partitions are read one after another, so
 * the events are put in the order they were observed on disk ({@link ChangesInTimeOrder}) before they
 * are handed out. Everything written before the export began is in it ({@link WholeTopic}).
 */
public final class HistoryTopic {
    private HistoryTopic() {
    }

    /**
     * Hands every change observed at or after {@code since} to {@code sink}, oldest first.
     *
     * @param scratch where the events wait on disk while the topic is read (a temporary directory is
     *     made under it and deleted after)
     */
    public static void forEachChangeSince(String bootstrap, String crawlId, Instant since, Path scratch, Consumer<ChangeEvent> sink) {
        try (ChangesInTimeOrder changes = new ChangesInTimeOrder(scratch)) {
            WholeTopic.read(bootstrap, crawlId, CrawlTopics.of(crawlId).history(), bytes -> {
                ChangeEvent event = StoreJson.read(bytes, ChangeEvent.class);
                if (!event.observedAt().isBefore(since)) {
                    changes.put(event);
                }
            });
            changes.forEach(sink);
        }
    }
}

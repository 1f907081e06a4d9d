package dev.crawler.cluster;

import dev.crawler.storage.LatestByIdentity;
import dev.crawler.storage.ProductRecord;
import dev.crawler.storage.StoreJson;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The product records of a whole cluster crawl, read from its products topic (committed transactions
 * only) to the end as it is now: the latest record of each identity, once, whichever member wrote it
 * and however often its page was fetched. What {@code crawler export --cluster} writes. The topic
 * holds every record ever written until compaction catches up, so the latest of each identity is
 * kept on disk ({@link LatestByIdentity}), not in the heap. Everything written before the export
 * began is in it ({@link WholeTopic}).
 */
public final class ProductsTopic {
    private ProductsTopic() {
    }

    /**
     * Hands every product of the crawl to {@code sink}, one record per identity, in identity order.
     *
     * @param scratch where the latest records wait on disk while the topic is read (a temporary
     *     directory is made under it and deleted after)
     */
    public static void forEachProduct(String bootstrap, String crawlId, Path scratch, Consumer<ProductRecord> sink) {
        try (LatestByIdentity latest = new LatestByIdentity(scratch)) {
            WholeTopic.read(bootstrap, crawlId, CrawlTopics.of(crawlId).products(),
                    bytes -> latest.put(StoreJson.read(bytes, ProductRecord.class)));
            latest.forEach(sink);
        }
    }
}

package dev.crawler.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/**
 * The topics of one cluster crawl, named after its crawl id.
 *
 * @param links    links discovered by any member, keyed by their host, so each goes to the partition
 *                 of the member that owns the host
 * @param state    the state of each URL, keyed by URL, written only by its host's owner; compacted, so
 *                 it holds the latest state of every URL and a member that takes a partition over can
 *                 rebuild its store from it
 * @param products product records keyed by product identity; compacted, so a page fetched twice after a
 *                 failover leaves one record
 * @param history  the change events of products (price, currency, availability, name), keyed by product
 *                 identity, each written once in the transaction that publishes the record it compares;
 *                 kept for good, the crawl's price history
 * @param control  one partition of crawl-wide signals (stop, done), which every member reads in order
 */
public record CrawlTopics(String links, String state, String products, String history, String control) {
    /** Kafka's legal topic characters; 200 leaves room for the prefix and suffix under its 249 limit. */
    private static final Pattern CRAWL_ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    /** The topics of the crawl {@code crawlId}. */
    public static CrawlTopics of(String crawlId) {
        if (!CRAWL_ID.matcher(crawlId).matches()) {
            throw new IllegalArgumentException("a crawl id is 1 to 200 letters, digits, '.', '_' or '-', was '" + crawlId + "'");
        }
        String prefix = "crawler." + crawlId + ".";
        return new CrawlTopics(prefix + "links", prefix + "state", prefix + "products", prefix + "history", prefix + "control");
    }

    /** The topics whose partitions are the crawl's partitions, one per set of hosts. */
    public List<String> partitioned() {
        return List.of(links, state, products, history);
    }

    /** Every partition of the {@link #partitioned} topics of a crawl split into {@code partitions}. */
    List<TopicPartition> everyPartition(int partitions) {
        List<TopicPartition> every = new ArrayList<>();
        for (String topic : partitioned()) {
            for (int p = 0; p < partitions; p++) {
                every.add(new TopicPartition(topic, p));
            }
        }
        return every;
    }

    public List<String> all() {
        return List.of(links, state, products, history, control);
    }
}

package dev.crawler.cluster;

/**
 * Whether {@code crawler stop --cluster} was said for a crawl since this signal was made: for a process
 * that takes part in the crawl only now and then (a watch between its rounds), and must still obey a
 * stop said while it was not a member. One thread only.
 */
public final class StopSignal implements AutoCloseable {
    private final ControlChannel control;

    /** @throws ClusterUnavailableException no broker answered */
    public StopSignal(String bootstrap, String crawlId) {
        try {
            this.control = new ControlChannel(bootstrap, CrawlTopics.of(crawlId));
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new ClusterUnavailableException("reading the crawl's control topic failed: " + e, e);
        }
    }

    /** Whether a stop was said since this signal was made; reads what arrived, without waiting. */
    public boolean seen() {
        control.read();
        return control.stopSeen();
    }

    @Override
    public void close() {
        control.close();
    }
}

package dev.crawler.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CrawlTopicsTest {

    @Test
    void theTopicsAreNamedAfterTheCrawl() {
        CrawlTopics topics = CrawlTopics.of("shoes-2026");

        assertThat(topics.all()).containsExactly("crawler.shoes-2026.links", "crawler.shoes-2026.state",
                "crawler.shoes-2026.products", "crawler.shoes-2026.history", "crawler.shoes-2026.control");
        assertThat(topics.partitioned()).doesNotContain(topics.control());
    }

    @Test
    void aCrawlIdKafkaCouldNotNameATopicAfterIsRefused() {
        assertThatThrownBy(() -> CrawlTopics.of("my crawl"))
                .hasMessage("a crawl id is 1 to 200 letters, digits, '.', '_' or '-', was 'my crawl'");
        assertThatThrownBy(() -> CrawlTopics.of("")).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.crawler.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The config stored with a crawl reads back, whatever version of the crawler stored it. */
class ConfigJsonTest {
    @Test
    void aConfigReadsBackAsItWasWritten() {
        CrawlConfig config = CrawlConfig.defaults(Set.of("http://shop.example:80"));
        config = config.withPoliteness(config.politeness().withCrawlDelayAboveMax(CrawlConfig.CrawlDelayAboveMax.HONOUR));

        assertThat(ConfigJson.read(ConfigJson.write(config))).isEqualTo(config);
    }

    @Test
    void aConfigStoredBeforeTheLearnedPaceWithASettingSinceRemovedStillResumes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode stored = (ObjectNode) json.readTree(ConfigJson.write(CrawlConfig.defaults(Set.of())));
        ObjectNode politeness = (ObjectNode) stored.get("politeness");
        for (String added : new String[] {"maxPushBacks", "pushBackFactor", "recoveryStep", "recoveryAfter", "maxLearnedDelay",
                "crawlDelayAboveMax"}) {
            politeness.remove(added);
        }
        politeness.put("robotsErrorExpiry", "PT10M");

        CrawlConfig read = ConfigJson.read(json.writeValueAsString(stored));

        assertThat(read).isEqualTo(CrawlConfig.defaults(Set.of()));
    }
}

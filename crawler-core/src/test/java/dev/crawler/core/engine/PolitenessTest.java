package dev.crawler.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.testbed.RequestRecord;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Judged from the server's side: its request log says when each request arrived and when its response was written. */
class PolitenessTest {
    private static final long DELAY_NANOS = Duration.ofMillis(200).toNanos();

    @TempDir
    Path dir;

    @Test
    void withOnePermitAndA200msDelayNoShopSeesTwoRequestsCloserThanTheDelayOrAtOnce() throws Exception {
        try (Testbed testbed = Testbed.start(TestbedConfig.defaults().withShops(3).withProductsPerShop(12))) {
            TestbedCrawl.run(testbed, dir.resolve("crawl"), TestbedCrawl.config(testbed, Duration.ofMillis(200), 1));

            for (String host : testbed.shopHosts()) {
                List<RequestRecord> requests = testbed.requestLog().forHost(host).stream()
                        .sorted(Comparator.comparingLong(RequestRecord::startNanos)).toList();
                assertThat(requests).as("requests to " + host).hasSizeGreaterThan(10);
                for (int i = 1; i < requests.size(); i++) {
                    RequestRecord previous = requests.get(i - 1);
                    RequestRecord next = requests.get(i);
                    assertThat(next.startNanos() - previous.startNanos())
                            .as("gap before %s on %s", next.pathAndQuery(), host).isGreaterThanOrEqualTo(DELAY_NANOS);
                    assertThat(next.startNanos())
                            .as("%s on %s started before %s was answered", next.pathAndQuery(), host, previous.pathAndQuery())
                            .isGreaterThanOrEqualTo(previous.endNanos());
                }
            }
        }
    }
}

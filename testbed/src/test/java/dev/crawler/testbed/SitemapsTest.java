package dev.crawler.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** With sitemaps on, each shop's robots.txt leads to sitemaps that list every product page; the robots latency slows exactly those. */
class SitemapsTest {
  private static final TestbedConfig CONFIG = TestbedConfig.defaults().withShops(2).withProductsPerShop(450)
      .withPageBytes(20_000, 30_000).withSitemaps(true);
  private static final Pattern LOC = Pattern.compile("<loc>([^<]+)</loc>");
  private static final WebClient CLIENT = new WebClient();

  @Test
  void robotsTxtListsASitemapIndexWhoseSitemapsListEveryProductPage() throws Exception {
    try (Testbed testbed = Testbed.start(CONFIG)) {
      List<String> listed = new ArrayList<>();
      for (URI home : testbed.homePages()) {
        String robots = WebClient.text(CLIENT.get(home.resolve("/robots.txt")));
        assertThat(robots).contains("Disallow: /private/").contains("Sitemap: " + home.resolve("/sitemap.xml"));
        List<String> sitemaps = locations(WebClient.text(CLIENT.get(home.resolve("/sitemap.xml"))));
        assertThat(sitemaps).as("450 products, 200 a sitemap").containsExactly(
            home.resolve("/sitemap-products-0.xml").toString(), home.resolve("/sitemap-products-1.xml").toString(),
            home.resolve("/sitemap-products-2.xml").toString());
        for (String sitemap : sitemaps) {
          listed.addAll(locations(WebClient.text(CLIENT.get(sitemap))));
        }
        assertThat(CLIENT.get(home.resolve("/sitemap-products-3.xml")).statusCode()).isEqualTo(404);
      }
      assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
          testbed.groundTruth().products().stream().map(ProductTruth::url).toList());
    }
  }

  @Test
  void withoutSitemapsRobotsTxtListsNoneAndThereAreNone() throws Exception {
    try (Testbed testbed = Testbed.start(CONFIG.withSitemaps(false))) {
      URI home = testbed.homePages().get(0);
      assertThat(WebClient.text(CLIENT.get(home.resolve("/robots.txt")))).doesNotContain("Sitemap:");
      assertThat(CLIENT.get(home.resolve("/sitemap.xml")).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void theRobotsLatencyDelaysRobotsTxtAndSitemaps() throws Exception {
    try (Testbed testbed = Testbed.start(CONFIG.withRobotsLatency(Duration.ofMillis(300)))) {
      URI home = testbed.homePages().get(0);
      long before = System.nanoTime();
      CLIENT.get(home.resolve("/robots.txt"));
      CLIENT.get(home.resolve("/sitemap.xml"));
      CLIENT.get(home.resolve("/sitemap-products-0.xml"));
      List<RequestRecord> records = Logs.awaitSince(testbed.requestLog(), before, 3);
      long delay = TimeUnit.MILLISECONDS.toNanos(300);
      assertThat(records).hasSize(3).allSatisfy(r -> assertThat(r.durationNanos()).isGreaterThanOrEqualTo(delay));
    }
  }

  private static List<String> locations(String xml) {
    List<String> found = new ArrayList<>();
    Matcher matcher = LOC.matcher(xml);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}

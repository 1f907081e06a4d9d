package dev.crawler.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.crawler.core.commit.CrawlCounters;
import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.extract.ExtractionRules;
import dev.crawler.core.extract.ProductExtractor;
import dev.crawler.core.fetch.FailureClass;
import dev.crawler.core.parse.PageOutcome;
import dev.crawler.core.parse.PageTask;
import dev.crawler.core.url.Origin;
import dev.crawler.storage.Counters;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.FailureRecord;
import dev.crawler.storage.ProductRecord;
import dev.crawler.storage.StoreOptions;
import dev.crawler.testbed.ProductTruth;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A bug in any stage costs one URL (or makes one host try again), never the crawl: an {@link Error} in
 * a parse task, an exception while planning a commit and an exception while reading a robots.txt are
 * each injected through {@link StageHook}, and each time the crawl ends on its own, the failure is
 * counted, logged and recorded with its URL, and every other product is stored.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NoThreadDiesQuietlyTest {
    @TempDir
    Path temp;

    private Testbed testbed;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void start() throws Exception {
        testbed = Testbed.start(TestbedConfig.defaults().withShops(2).withProductsPerShop(20));
        log.start();
        logger().addAppender(log);
    }

    @AfterEach
    void stop() {
        logger().detachAppender(log);
        testbed.close();
    }

    @Test
    void anErrorInAParseTaskSettlesItsUrlAsAnInternalFailureAndTheCrawlEnds() {
        String victim = product(0);
        StageHook hook = new StageHook() {
            @Override
            public void processing(PageTask task) {
                if (task.queued().url().equals(victim)) {
                    throw new StackOverflowError("injected into the parse task");
                }
            }
        };

        Crawl crawl = crawl(hook);

        crawl.assertLostOnly(victim, "internal error while processing: java.lang.StackOverflowError: injected into the parse task",
                testbed.groundTruth().products());
        assertLogged("processing " + victim + " failed unexpectedly");
    }

    @Test
    void anExceptionWhilePlanningACommitSettlesItsUrlAsAnInternalFailureAndTheCrawlEnds() {
        String victim = product(1);
        StageHook hook = new StageHook() {
            @Override
            public void planning(PageOutcome outcome) {
                if (outcome.task().queued().url().equals(victim)) {
                    throw new IllegalStateException("injected into the commit planner");
                }
            }
        };

        Crawl crawl = crawl(hook);

        crawl.assertLostOnly(victim, "internal error while committing: java.lang.IllegalStateException: injected into the commit planner",
                testbed.groundTruth().products());
        assertLogged("committing " + victim + " failed unexpectedly");
    }

    @Test
    void anExceptionWhileReadingRobotsMakesTheHostTryAgainAndLosesNothing() {
        String origin = Origin.of(testbed.homePages().get(1)).orElseThrow();
        AtomicBoolean thrown = new AtomicBoolean();
        StageHook hook = new StageHook() {
            @Override
            public void readingRobots(String host) {
                if (host.equals(origin) && thrown.compareAndSet(false, true)) {
                    throw new IllegalArgumentException("injected into the robots task");
                }
            }
        };

        Crawl crawl = crawl(hook);

        assertThat(crawl.summary.internalErrors()).isOne();
        assertThat(crawl.products).extracting(ProductRecord::url)
                .containsExactlyInAnyOrderElementsOf(testbed.groundTruth().products().stream().map(ProductTruth::url).toList());
        assertThat(crawl.counters.getOrDefault(Counters.URLS_QUEUED, 0L)).isZero();
        URI robots = URI.create(origin + "/robots.txt");
        assertThat(testbed.requestLog().entries()).filteredOn(r -> r.pathAndQuery().equals("/robots.txt")
                && r.host().equals(robots.getHost())).as("robots.txt read again after the failure").hasSize(2);
        assertLogged("reading " + origin + "/robots.txt failed unexpectedly; the host waits and tries again");
    }

    private String product(int index) {
        return testbed.groundTruth().products().get(index).url();
    }

    private void assertLogged(String text) {
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(line -> line.contains(text));
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(InternalErrors.class);
    }

    /** Crawls the testbed with {@code hook} until the crawl ends by itself, and reads what it stored. */
    private Crawl crawl(StageHook hook) {
        Path dir = temp.resolve("crawl");
        CrawlConfig config = TestbedCrawl.config(testbed, Duration.ZERO, 2);
        List<String> seeds = testbed.homePages().stream().map(URI::toString).toList();
        try (CrawlStore store = Crawls.create(dir, seeds, config, StoreOptions.defaults())) {
            CrawlSummary summary;
            try (CrawlEngine engine = new CrawlEngine(store, config, new ProductExtractor(ExtractionRules.none()),
                    ProgressListener.NONE, Duration.ofMinutes(1), hook)) {
                summary = engine.run();
            }
            Map<String, FailureRecord> failures = new HashMap<>();
            store.records().forEachFailure(failure -> failures.put(failure.url(), failure));
            List<ProductRecord> products = new ArrayList<>();
            store.records().forEachProduct(products::add);
            return new Crawl(summary, Map.copyOf(store.counters()), failures, products);
        }
    }

    private record Crawl(CrawlSummary summary, Map<String, Long> counters, Map<String, FailureRecord> failures,
            List<ProductRecord> products) {

        /** The crawl ran out of work; {@code url} alone failed, as an internal error; every other product is stored. */
        void assertLostOnly(String url, String message, List<ProductTruth> truth) {
            assertThat(summary.stopped()).as("ended by itself").isFalse();
            assertThat(summary.internalErrors()).isOne();
            assertThat(counters.getOrDefault(Counters.URLS_QUEUED, 0L)).as("nothing left queued").isZero();
            assertThat(counters.get(CrawlCounters.failure(FailureClass.INTERNAL))).isOne();
            FailureRecord failure = failures.get(url);
            assertThat(failure).as("the failure record of %s", url).isNotNull();
            assertThat(failure.failureClass()).isEqualTo("internal");
            assertThat(failure.message()).isEqualTo(message);
            assertThat(failures.values()).filteredOn(f -> f.failureClass().equals("internal")).hasSize(1);
            List<String> others = truth.stream().map(ProductTruth::url).filter(product -> !product.equals(url)).toList();
            assertThat(products).extracting(ProductRecord::url).containsExactlyInAnyOrderElementsOf(others);
        }
    }
}

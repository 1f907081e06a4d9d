package dev.crawler.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import crawlercommons.robots.SimpleRobotRules;
import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.fetch.FailureClass;
import dev.crawler.core.robots.RobotsCache;
import dev.crawler.core.robots.RobotsPolicy;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.HostPace;
import dev.crawler.storage.ParkedHost;
import dev.crawler.storage.StoreOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostSchedulerTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String SHOP = "http://127.0.1.1:80";
    private static final String OTHER = "http://127.0.1.2:80";

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
    private CrawlStore store;

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private HostScheduler scheduler(CrawlConfig config, String... urls) {
        store = CrawlStore.create(dir.resolve("crawl"), "{}", StoreOptions.defaults());
        store.enqueue(java.util.Arrays.stream(urls)
                .map(url -> new DiscoveredUrl(url, url.substring(0, url.indexOf('/', 8)), 0, 0)).toList());
        HostScheduler scheduler = new HostScheduler(store, new RobotsCache(Duration.ofHours(1), 100, clock::get), config, 0);
        store.hostsWithQueuedUrls().forEach(scheduler::hostHasWork);
        return scheduler;
    }

    private static CrawlConfig config(Duration delay, int permits) {
        CrawlConfig defaults = CrawlConfig.defaults(Set.of(SHOP, OTHER));
        return defaults.withPoliteness(defaults.politeness().withDelay(delay).withPermitsPerHost(permits));
    }

    private long now() {
        return clock.get();
    }

    @Test
    void robotsTxtIsFetchedBeforeTheFirstPageAndCountsAsARequest() {
        HostScheduler scheduler = scheduler(config(Duration.ofSeconds(1), 1), SHOP + "/");

        assertThat(scheduler.next(now())).isInstanceOf(Decision.FetchRobots.class);
        assertThat(scheduler.next(now())).as("robots loading holds the host").isInstanceOf(Decision.Idle.class);

        scheduler.robotsLoaded(0, RobotsPolicy.allowAll(), now());
        assertThat(scheduler.next(now())).isEqualTo(new Decision.WaitUntil(now() + SECOND));
        clock.addAndGet(SECOND);
        assertThat(scheduler.next(now())).isInstanceOf(Decision.FetchPage.class);
    }

    @Test
    void oneHostGetsOneRequestAtATimeAndTheDelayAfterEach() {
        HostScheduler scheduler = scheduler(config(Duration.ofMillis(200), 1), SHOP + "/a", SHOP + "/b");
        scheduler.next(now());
        scheduler.robotsLoaded(0, RobotsPolicy.allowAll(), now());
        clock.addAndGet(200_000_000L);

        assertThat(scheduler.next(now())).isInstanceOf(Decision.FetchPage.class);
        clock.addAndGet(SECOND);
        assertThat(scheduler.next(now())).as("the only permit is out").isInstanceOf(Decision.Idle.class);

        scheduler.requestFinished(0, now());
        assertThat(scheduler.next(now())).isEqualTo(new Decision.WaitUntil(now() + 200_000_000L));
    }

    @Test
    void permitsBoundRequestsInFlightPerHost() {
        HostScheduler scheduler = scheduler(config(Duration.ZERO, 2), SHOP + "/a", SHOP + "/b", SHOP + "/c");
        scheduler.next(now());
        scheduler.robotsLoaded(0, RobotsPolicy.allowAll(), now());

        assertThat(scheduler.next(now())).isInstanceOf(Decision.FetchPage.class);
        assertThat(scheduler.next(now())).isInstanceOf(Decision.FetchPage.class);
        assertThat(scheduler.next(now())).isInstanceOf(Decision.Idle.class);
        assertThat(scheduler.inFlight()).isEqualTo(2);
    }

    @Test
    void hostsAreServedByTheirNextAllowedTime() {
        HostScheduler scheduler = scheduler(config(Duration.ofSeconds(1), 1), SHOP + "/", OTHER + "/");

        List<Decision> first = List.of(scheduler.next(now()), scheduler.next(now()));

        assertThat(first).hasOnlyElementsOfType(Decision.FetchRobots.class);
    }

    @Test
    void aDisallowedUrlIsSettledWithoutARequestOrAPermit() {
        HostScheduler scheduler = scheduler(config(Duration.ZERO, 1), SHOP + "/private/x", SHOP + "/ok");
        scheduler.next(now());
        SimpleRobotRules rules = new SimpleRobotRules();
        rules.addRule("/private/", false);
        scheduler.robotsLoaded(0, rules, now());

        assertThat(scheduler.next(now())).isInstanceOf(Decision.Deny.class);
        assertThat(scheduler.next(now())).isInstanceOf(Decision.FetchPage.class);
    }

    @Test
    void anUnavailableRobotsTxtIsRetriedWithBackoffThenParksTheHostAndDeniesNothing() {
        CrawlConfig config = config(Duration.ZERO, 1);
        HostScheduler scheduler = scheduler(config, SHOP + "/a", SHOP + "/b");
        for (int attempt = 1; attempt <= config.fetch().maxRetries(); attempt++) {
            assertThat(scheduler.next(now())).isInstanceOf(Decision.FetchRobots.class);
            assertThat(scheduler.robotsUnavailable(0, now(), "HTTP 500")).isEmpty();
            Decision wait = scheduler.next(now());
            assertThat(wait).isInstanceOf(Decision.WaitUntil.class);
            clock.set(((Decision.WaitUntil) wait).atNanos());
        }
        assertThat(scheduler.next(now())).isInstanceOf(Decision.FetchRobots.class);

        Optional<Parking> parking = scheduler.robotsUnavailable(0, now(), "HTTP 500");

        assertThat(parking).hasValueSatisfying(parked -> {
            assertThat(parked.consecutiveFailures()).isEqualTo(config.fetch().maxRetries() + 1);
            assertThat(parked.reason()).isEqualTo("robots.txt unavailable: HTTP 500");
        });
        clock.addAndGet(3_600 * SECOND);
        assertThat(scheduler.next(now())).as("no URL settled as denied: they wait for a resume").isInstanceOf(Decision.Idle.class);
        assertThat(scheduler.isFinished(false)).isTrue();
        assertThat(store.peek(0, 10, Set.of())).hasSize(2);
    }

    @Test
    void aRobotsTxtRefusedWithRetryAfterWaitsAsLongAsTheHostAsked() {
        CrawlConfig config = config(Duration.ZERO, 1);
        HostScheduler scheduler = scheduler(config, SHOP + "/a");
        assertThat(scheduler.next(now())).isInstanceOf(Decision.FetchRobots.class);
        long refused = now();

        assertThat(scheduler.robotsUnavailable(0, refused, "HTTP 429", Optional.of(Duration.ofMinutes(3)))).isEmpty();

        assertThat(scheduler.next(now())).isInstanceOfSatisfying(Decision.WaitUntil.class,
                wait -> assertThat(wait.atNanos() - refused).isGreaterThanOrEqualTo(Duration.ofMinutes(3).toNanos()));
        clock.set(refused + Duration.ofMinutes(3).toNanos());
        assertThat(scheduler.next(now())).isInstanceOf(Decision.FetchRobots.class);
    }

    @Test
    void aRetryAfterOnRobotsTxtIsCappedAtMaxRetryAfter() {
        CrawlConfig config = config(Duration.ZERO, 1);
        HostScheduler scheduler = scheduler(config, SHOP + "/a");
        assertThat(scheduler.next(now())).isInstanceOf(Decision.FetchRobots.class);
        long refused = now();

        scheduler.robotsUnavailable(0, refused, "HTTP 429", Optional.of(Duration.ofDays(2)));

        clock.set(refused + config.politeness().maxRetryAfter().toNanos());
        assertThat(scheduler.next(now())).isInstanceOf(Decision.FetchRobots.class);
    }

    @Test
    void aRobotsTxtTheCrawlHadNoRoomToReadIsReadAgainWithoutCountingTheAttempt() {
        CrawlConfig config = config(Duration.ZERO, 1);
        HostScheduler scheduler = scheduler(config, SHOP + "/a");
        for (int deferred = 0; deferred < 10; deferred++) {
            assertThat(scheduler.next(now())).isInstanceOf(Decision.FetchRobots.class);
            scheduler.robotsDeferred(0, now());
        }

        assertThat(scheduler.next(now())).isInstanceOf(Decision.FetchRobots.class);
        assertThat(scheduler.robotsUnavailable(0, now(), "HTTP 500")).as("the first attempt that counts").isEmpty();
    }

    @Test
    void aCrawlDelayAboveTheMaxParksTheHostSayingWhyAndKeepsItsUrls() {
        CrawlConfig config = config(Duration.ZERO, 1);
        HostScheduler scheduler = scheduler(config, SHOP + "/a");
        assertThat(scheduler.next(now())).isInstanceOf(Decision.FetchRobots.class);

        Optional<Parking> parking = scheduler.robotsLoaded(0, rulesWithCrawlDelay(Duration.ofSeconds(45)), now());

        assertThat(parking).hasValueSatisfying(parked -> {
            assertThat(parked.consecutiveFailures()).isZero();
            assertThat(parked.reason()).isEqualTo("robots.txt asks for a Crawl-delay of 45 s, above politeness.maxCrawlDelay (30 s); "
                    + "politeness.crawlDelayAboveMax: honour would crawl it that slowly");
        });
        assertThat(scheduler.next(now())).isInstanceOf(Decision.Idle.class);
        assertThat(store.peek(0, 10, Set.of())).hasSize(1);
    }

    @Test
    void aCrawlDelayAboveTheMaxIsHonouredWhenTheConfigSaysSo() {
        CrawlConfig base = config(Duration.ZERO, 1);
        CrawlConfig config = base.withPoliteness(base.politeness().withCrawlDelayAboveMax(CrawlConfig.CrawlDelayAboveMax.HONOUR));
        HostScheduler scheduler = scheduler(config, SHOP + "/a", SHOP + "/b");
        assertThat(scheduler.next(now())).isInstanceOf(Decision.FetchRobots.class);

        assertThat(scheduler.robotsLoaded(0, rulesWithCrawlDelay(Duration.ofSeconds(45)), now())).isEmpty();

        assertThat(scheduler.currentDelay(0)).isEqualTo(Duration.ofSeconds(45));
        assertThat(scheduler.next(now())).isEqualTo(new Decision.WaitUntil(now() + 45 * SECOND));
    }

    private static SimpleRobotRules rulesWithCrawlDelay(Duration delay) {
        SimpleRobotRules rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
        rules.setCrawlDelay(delay.toMillis());
        return rules;
    }

    @Test
    void theGlobalInFlightCapHoldsBackEveryHost() {
        CrawlConfig base = config(Duration.ZERO, 4);
        CrawlConfig config = base.withLimits(base.limits().withMaxInFlight(2));
        HostScheduler scheduler = scheduler(config, SHOP + "/a", SHOP + "/b", SHOP + "/c");
        scheduler.next(now());
        scheduler.robotsLoaded(0, RobotsPolicy.allowAll(), now());

        Decision first = scheduler.next(now());
        scheduler.next(now());
        assertThat(scheduler.next(now())).isInstanceOf(Decision.Idle.class);

        Decision.FetchPage page = (Decision.FetchPage) first;
        scheduler.settled(page.hostId(), page.url().key());
        assertThat(scheduler.next(now())).isInstanceOf(Decision.FetchPage.class);
    }

    @Test
    void thePageBudgetStopsDispatchAndFinishesOnceInFlightSettles() {
        CrawlConfig base = config(Duration.ZERO, 4);
        HostScheduler scheduler = scheduler(base.withLimits(base.limits().withMaxPages(1)), SHOP + "/a", SHOP + "/b");
        scheduler.next(now());
        scheduler.robotsLoaded(0, RobotsPolicy.allowAll(), now());

        Decision.FetchPage page = (Decision.FetchPage) scheduler.next(now());
        assertThat(scheduler.next(now())).isInstanceOf(Decision.Idle.class);
        assertThat(scheduler.isFinished(false)).isFalse();

        scheduler.requestFinished(0, now());
        scheduler.settled(page.hostId(), page.url().key());
        assertThat(scheduler.isFinished(false)).isTrue();
    }

    /** Robots allowed, then the host's first page leased, waiting out any delay first. */
    private Decision.FetchPage firstPage(HostScheduler scheduler) {
        assertThat(scheduler.next(now())).isInstanceOf(Decision.FetchRobots.class);
        scheduler.robotsLoaded(0, RobotsPolicy.allowAll(), now());
        return nextPage(scheduler);
    }

    /** The next page of the host, once the scheduler lets it go: the fake clock jumps to any wait. */
    private Decision.FetchPage nextPage(HostScheduler scheduler) {
        Decision decision = scheduler.next(now());
        if (decision instanceof Decision.WaitUntil wait) {
            clock.set(wait.atNanos());
            decision = scheduler.next(now());
        }
        assertThat(decision).isInstanceOf(Decision.FetchPage.class);
        return (Decision.FetchPage) decision;
    }

    private static HostSignal.Unanswered timeout() {
        return new HostSignal.Unanswered(FailureClass.TIMEOUT, "timeout: no answer");
    }

    private static HostSignal.PushedBack pushedBack(Duration retryAfter) {
        return new HostSignal.PushedBack(Optional.of(retryAfter), "HTTP 429 (Retry-After: " + retryAfter.toSeconds() + ")");
    }

    @Test
    void aPushBackPausesTheWholeHostUntilItsRetryAfter() {
        HostScheduler scheduler = scheduler(config(Duration.ofMillis(100), 1), SHOP + "/a", SHOP + "/b");
        firstPage(scheduler);

        scheduler.requestFinished(0, now(), pushedBack(Duration.ofSeconds(30)));

        assertThat(scheduler.next(now())).as("the host's other URL waits too").isEqualTo(new Decision.WaitUntil(now() + 30 * SECOND));
        clock.addAndGet(30 * SECOND - 1);
        assertThat(scheduler.next(now())).isInstanceOf(Decision.WaitUntil.class);
        clock.addAndGet(1);
        assertThat(scheduler.next(now())).isInstanceOf(Decision.FetchPage.class);
    }

    @Test
    void aRetryAfterLongerThanMaxRetryAfterPausesOnlyThatLong() {
        CrawlConfig base = config(Duration.ofMillis(100), 1);
        CrawlConfig config = base.withPoliteness(base.politeness().withMaxRetryAfter(Duration.ofMinutes(2)));
        HostScheduler scheduler = scheduler(config, SHOP + "/a", SHOP + "/b");
        firstPage(scheduler);

        scheduler.requestFinished(0, now(), pushedBack(Duration.ofDays(1)));

        assertThat(scheduler.next(now())).isEqualTo(new Decision.WaitUntil(now() + 120 * SECOND));
    }

    @Test
    void aPushBackWithoutRetryAfterPausesForTheBackoffOfThePushBacksInARow() {
        CrawlConfig base = config(Duration.ofMillis(100), 1);
        CrawlConfig config = base.withFetch(base.fetch().withRetryBackoff(Duration.ofSeconds(4), Duration.ofMinutes(5)));
        HostScheduler scheduler = scheduler(config, SHOP + "/a", SHOP + "/b", SHOP + "/c");
        firstPage(scheduler);

        scheduler.requestFinished(0, now(), new HostSignal.PushedBack(Optional.empty(), "HTTP 429"));
        long first = ((Decision.WaitUntil) scheduler.next(now())).atNanos() - now();
        clock.addAndGet(first);
        nextPage(scheduler);
        scheduler.requestFinished(0, now(), new HostSignal.PushedBack(Optional.empty(), "HTTP 429"));
        long second = ((Decision.WaitUntil) scheduler.next(now())).atNanos() - now();

        assertThat(Duration.ofNanos(first)).as("half to all of the base backoff").isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(Duration.ofNanos(second)).as("the second in a row waits about twice as long")
                .isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void aHostThatPushesBackMoreThanMaxPushBacksInARowIsParkedAndAnAnswerResetsTheCount() {
        CrawlConfig base = config(Duration.ZERO, 1);
        CrawlConfig config = base.withPoliteness(base.politeness().withMaxPushBacks(2));
        HostScheduler scheduler = scheduler(config, SHOP + "/1", SHOP + "/2", SHOP + "/3", SHOP + "/4", SHOP + "/5");
        firstPage(scheduler);
        assertThat(scheduler.requestFinished(0, now(), pushedBack(Duration.ofSeconds(1)))).isEmpty();
        clock.addAndGet(SECOND);
        nextPage(scheduler);
        assertThat(scheduler.requestFinished(0, now(), new HostSignal.Answered(1_000_000L))).as("an answer").isEmpty();
        for (int pushBack = 1; pushBack <= 2; pushBack++) {
            nextPage(scheduler);
            assertThat(scheduler.requestFinished(0, now(), pushedBack(Duration.ofSeconds(1)))).as("push-back %d", pushBack).isEmpty();
            clock.addAndGet(SECOND);
        }
        nextPage(scheduler);

        Optional<Parking> parking = scheduler.requestFinished(0, now(), pushedBack(Duration.ofSeconds(1)));

        assertThat(parking).hasValueSatisfying(parked -> {
            assertThat(parked.consecutiveFailures()).isEqualTo(3);
            assertThat(parked.reason()).isEqualTo("pushed back: HTTP 429 (Retry-After: 1)");
        });
        clock.addAndGet(3_600 * SECOND);
        assertThat(scheduler.next(now())).isInstanceOf(Decision.Idle.class);
    }

    @Test
    void theAdaptiveDelayFollowsTheResponseTimeUpToItsCap() {
        CrawlConfig base = config(Duration.ofMillis(100), 1);
        CrawlConfig config = base.withPoliteness(base.politeness().withAdaptiveDelay(2.0, Duration.ofSeconds(3)));
        HostScheduler scheduler = scheduler(config, SHOP + "/a", SHOP + "/b", SHOP + "/c", SHOP + "/d");
        firstPage(scheduler);

        scheduler.requestFinished(0, now(), new HostSignal.Answered(10_000_000L));
        assertThat(scheduler.currentDelay(0)).as("a fast host keeps the configured delay").isEqualTo(Duration.ofMillis(100));

        nextPage(scheduler);
        scheduler.requestFinished(0, now(), new HostSignal.Answered(SECOND));
        Duration slower = scheduler.currentDelay(0);
        assertThat(slower).as("twice the average response time").isGreaterThan(Duration.ofMillis(500));
        assertThat(scheduler.next(now())).isEqualTo(new Decision.WaitUntil(now() + slower.toNanos()));

        nextPage(scheduler);
        scheduler.requestFinished(0, now(), new HostSignal.Answered(60 * SECOND));
        assertThat(scheduler.currentDelay(0)).as("capped at maxAdaptiveDelay").isEqualTo(Duration.ofSeconds(3));
        assertThat(scheduler.next(now())).isEqualTo(new Decision.WaitUntil(now() + 3 * SECOND));
    }

    @Test
    void aPushBackSlowsTheHostForGoodAndRunsOfAnswersSpeedItUpAgainToTheConfiguredDelay() {
        CrawlConfig base = config(Duration.ofMillis(100), 1);
        CrawlConfig config = base.withPoliteness(base.politeness().withAdaptiveDelay(0, Duration.ZERO)
                .withLearnedPace(2.0, Duration.ofMillis(250), 2, Duration.ofMinutes(2)));
        String[] urls = new String[12];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = SHOP + "/" + i;
        }
        HostScheduler scheduler = scheduler(config, urls);
        firstPage(scheduler);

        scheduler.requestFinished(0, now(), pushedBack(Duration.ofSeconds(1)));
        clock.addAndGet(SECOND);
        assertThat(scheduler.learnedDelay(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(scheduler.takePaceChanges()).containsExactly(
                new PaceChange(0, SHOP, Duration.ofMillis(500), 1, "HTTP 429 (Retry-After: 1)"));
        nextPage(scheduler);
        scheduler.requestFinished(0, now(), new HostSignal.Answered(1_000_000L));
        assertThat(scheduler.next(now())).as("after the pause, the learned pace")
                .isEqualTo(new Decision.WaitUntil(now() + 500_000_000L));

        nextPage(scheduler);
        scheduler.requestFinished(0, now(), new HostSignal.Answered(1_000_000L));
        assertThat(scheduler.currentDelay(0)).as("two answers in a row earn a step").isEqualTo(Duration.ofMillis(250));
        for (int i = 0; i < 2; i++) {
            nextPage(scheduler);
            scheduler.requestFinished(0, now(), new HostSignal.Answered(1_000_000L));
        }
        assertThat(scheduler.learnedDelay(0)).as("no longer slowed").isZero();
        assertThat(scheduler.currentDelay(0)).as("but never below the configured delay").isEqualTo(Duration.ofMillis(100));
        assertThat(scheduler.takePaceChanges()).extracting(PaceChange::delay).containsExactly(Duration.ZERO);
    }

    @Test
    void aPaceLearnedInAnEarlierRunIsWhereTheNextRunStarts() {
        HostScheduler first = scheduler(config(Duration.ofMillis(100), 1), SHOP + "/a", SHOP + "/b");
        store.commit(List.of(), List.of(), List.of(new HostPace(SHOP, 3_000, 4, "HTTP 429", Instant.EPOCH)));

        HostScheduler second = new HostScheduler(store, new RobotsCache(Duration.ofHours(1), 100, clock::get),
                config(Duration.ofMillis(100), 1), 0);
        store.hostsWithQueuedUrls().forEach(second::hostHasWork);

        assertThat(first.learnedDelay(0)).isZero();
        assertThat(second.learnedDelay(0)).isEqualTo(Duration.ofSeconds(3));
        firstPage(second);
        second.requestFinished(0, now(), new HostSignal.Answered(1_000_000L));
        assertThat(second.next(now())).isEqualTo(new Decision.WaitUntil(now() + 3 * SECOND));
    }

    @Test
    void aHostParkedInAnEarlierRunIsTriedAgainAfterItsBackoffAndParkedAgainAtItsNextFailure() {
        CrawlConfig base = config(Duration.ZERO, 1);
        CrawlConfig config = base.withFetch(base.fetch().withRetryBackoff(Duration.ofSeconds(2), Duration.ofMinutes(5)));
        Instant parkedAt = Instant.parse("2030-01-01T00:00:00Z");
        store = CrawlStore.create(dir.resolve("crawl"), "{}", StoreOptions.defaults());
        store.enqueue(List.of(new DiscoveredUrl(SHOP + "/a", SHOP, 0, 0), new DiscoveredUrl(SHOP + "/b", SHOP, 0, 0)));
        HostScheduler scheduler = new HostScheduler(store, new RobotsCache(Duration.ofHours(1), 100, clock::get), config, 0);
        Duration earned = new dev.crawler.core.commit.RetryBackoff(Duration.ofSeconds(2), Duration.ofMinutes(5)).after(5, SHOP);

        scheduler.rememberParked(List.of(new ParkedHost(SHOP, "timeout: no answer", 5, parkedAt)), parkedAt.plusSeconds(1), now());
        store.hostsWithQueuedUrls().forEach(scheduler::hostHasWork);

        assertThat(scheduler.next(now())).as("the backoff its five failures earned, counted from its parking")
                .isEqualTo(new Decision.WaitUntil(now() + earned.minusSeconds(1).toNanos()));
        clock.addAndGet(earned.toNanos());
        assertThat(scheduler.next(now())).isInstanceOf(Decision.FetchRobots.class);
        Optional<Parking> again = scheduler.robotsUnreachable(0, now(), "connect: Connection refused");
        assertThat(again).as("still failing: parked again at once, one failure further")
                .hasValueSatisfying(parked -> assertThat(parked.consecutiveFailures()).isEqualTo(6));
        assertThat(scheduler.takeRecoveredHosts()).isEmpty();
    }

    @Test
    void aHostParkedInAnEarlierRunThatAnswersAgainIsForgivenAndItsParkingForgotten() {
        CrawlConfig config = config(Duration.ZERO, 1);
        Instant parkedAt = Instant.parse("2030-01-01T00:00:00Z");
        store = CrawlStore.create(dir.resolve("crawl"), "{}", StoreOptions.defaults());
        store.enqueue(List.of(new DiscoveredUrl(SHOP + "/a", SHOP, 0, 0), new DiscoveredUrl(SHOP + "/b", SHOP, 0, 0)));
        HostScheduler scheduler = new HostScheduler(store, new RobotsCache(Duration.ofHours(1), 100, clock::get), config, 0);
        scheduler.rememberParked(List.of(new ParkedHost(SHOP, "timeout: no answer", 5, parkedAt)), parkedAt.plusSeconds(3_600), now());
        store.hostsWithQueuedUrls().forEach(scheduler::hostHasWork);

        firstPage(scheduler);
        scheduler.requestFinished(0, now(), new HostSignal.Answered(1_000_000L));

        assertThat(scheduler.takeRecoveredHosts()).containsExactly(SHOP);
        nextPage(scheduler);
        assertThat(scheduler.requestFinished(0, now(), timeout())).as("one failure is one failure again").isEmpty();
    }

    @Test
    void aHostIsParkedAfterParkAfterFailuresUnansweredRequestsInARowAndAnAnswerResetsTheCount() {
        CrawlConfig base = config(Duration.ZERO, 1);
        CrawlConfig config = base.withPoliteness(base.politeness().withParkAfterFailures(3));
        HostScheduler scheduler = scheduler(config, SHOP + "/1", SHOP + "/2", SHOP + "/3", SHOP + "/4", SHOP + "/5",
                SHOP + "/6", SHOP + "/7");
        firstPage(scheduler);
        assertThat(scheduler.requestFinished(0, now(), timeout())).isEmpty();
        nextPage(scheduler);
        assertThat(scheduler.requestFinished(0, now(), timeout())).isEmpty();
        nextPage(scheduler);
        assertThat(scheduler.requestFinished(0, now(), new HostSignal.Answered(1_000_000L))).as("an answer").isEmpty();

        for (int failure = 1; failure < 3; failure++) {
            nextPage(scheduler);
            assertThat(scheduler.requestFinished(0, now(), timeout())).as("failure %d after the answer", failure).isEmpty();
        }
        nextPage(scheduler);
        Optional<Parking> parking = scheduler.requestFinished(0, now(), timeout());

        assertThat(parking).hasValueSatisfying(parked -> {
            assertThat(parked.origin()).isEqualTo(SHOP);
            assertThat(parked.consecutiveFailures()).isEqualTo(3);
            assertThat(parked.reason()).contains("timeout");
        });
        assertThat(scheduler.parkedHosts()).isEqualTo(1);
        clock.addAndGet(3_600 * SECOND);
        assertThat(scheduler.next(now())).as("a parked host gets no more requests, though URLs are queued")
                .isInstanceOf(Decision.Idle.class);
    }
}

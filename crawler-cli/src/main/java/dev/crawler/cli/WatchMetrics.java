package dev.crawler.cli;

import dev.crawler.core.commit.CrawlCounters;
import dev.crawler.storage.Counters;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.HostPace;
import dev.crawler.storage.HostQueues;
import dev.crawler.storage.ParkedHost;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * {@code /metrics} for {@code crawler watch}, in the Prometheus text format, served by the Prometheus
 * Java client's own HTTP server.
 *
 * <p>Every value is read when scraped, from what the crawl keeps anyway: the store's counters (the ones
 * {@code crawler status} shows, written in the batch of each commit), its host records (parked hosts
 * and learned paces, which the engine keeps current) and the watch's own state. So nothing is counted
 * twice, the values survive a restart of the watch as the store does, and a scrape costs a few reads:
 * the due backlog and the per-host queues are counted from their indexes up to a cap
 * ({@value #MAX_KEYS_COUNTED} keys), past which they are lower bounds. The store may be read from any
 * thread.
 *
 * <p>Threads: one, {@code crawler-metrics}, answers scrapes; at most {@value #MAX_WAITING_SCRAPES}
 * more wait, and a scrape beyond them is refused. The server is bound to 127.0.0.1 unless told
 * otherwise, and must be closed before the store.
 */
final class WatchMetrics implements AutoCloseable {
    static final long MAX_KEYS_COUNTED = 1_000_000;
    static final int MAX_WAITING_SCRAPES = 8;

    /**
     * Where to serve.
     *
     * @param port 0..65535; 0 takes any free port (the one taken is {@link #port()})
     */
    record Settings(InetAddress bind, int port) {
        Settings {
            if (port < 0 || port > 65_535) {
                throw new UserError("--metrics-port must be 0..65535 (0: any free port), was " + port);
            }
        }
    }

    private final HTTPServer server;
    private final ThreadPoolExecutor executor;

    private WatchMetrics(HTTPServer server, ThreadPoolExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Registers the metrics and starts serving them. */
    static WatchMetrics start(CrawlStore store, WatchLoop watch, InstantSource clock, Settings settings) {
        PrometheusRegistry registry = new PrometheusRegistry();
        register(registry, store, watch, clock);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(MAX_WAITING_SCRAPES), runnable -> {
                    Thread thread = new Thread(runnable, "crawler-metrics");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            HTTPServer server = HTTPServer.builder().inetAddress(settings.bind()).port(settings.port()).registry(registry)
                    .executorService(executor).buildAndStart();
            return new WatchMetrics(server, executor);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UserError("cannot serve metrics on " + settings.bind().getHostAddress() + ":" + settings.port() + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            executor.shutdownNow();
            throw new UserError("cannot serve metrics on " + settings.bind().getHostAddress() + ":" + settings.port() + ": "
                    + e.getCause().getMessage());
        }
    }

    /** The port served, the one chosen when the settings said 0. */
    int port() {
        return server.getPort();
    }

    static void register(PrometheusRegistry registry, CrawlStore store, WatchLoop watch, InstantSource clock) {
        counter(registry, "crawler_pages_fetched", "Pages fetched by every run of the crawl.", CrawlCounters.PAGES_FETCHED, store);
        counter(registry, "crawler_pages_failed", "Pages that failed for good.", CrawlCounters.PAGES_FAILED, store);
        counter(registry, "crawler_pages_unchanged", "Revisited pages found unchanged (a 304, or the same body): not parsed.",
                CrawlCounters.PAGES_UNCHANGED, store);
        counter(registry, "crawler_pages_not_modified", "Revisits answered 304 Not Modified.", CrawlCounters.PAGES_NOT_MODIFIED, store);
        counter(registry, "crawler_pages_same_body", "Revisits whose body hashed as before (servers without validators).",
                CrawlCounters.PAGES_SAME_BODY, store);
        counter(registry, "crawler_pages_gone", "Pages found gone (404, 410, or no product any more).", CrawlCounters.PAGES_GONE, store);
        counter(registry, "crawler_changes_recorded", "Product changes recorded (price, currency, availability, name).",
                Counters.CHANGES, store);
        counter(registry, "crawler_revisits_queued", "Pages put back in the frontier for a revisit.", Counters.REVISITS_QUEUED, store);
        gauge(registry, "crawler_products", "Products stored.", s -> s.counter(Counters.PRODUCTS), store);
        gauge(registry, "crawler_queue_depth", "URLs queued in the frontier.", s -> s.counter(Counters.URLS_QUEUED), store);
        gauge(registry, "crawler_urls_retrying", "URLs waiting out a backoff before a retry.", s -> s.counter(Counters.URLS_RETRYING), store);
        gauge(registry, "crawler_due_backlog", "Pages due for a revisit now and not queued yet (counted up to "
                + MAX_KEYS_COUNTED + ").", s -> s.countDue(clock.instant(), MAX_KEYS_COUNTED), store);
        registry.register(new HostMetrics(store));
        CounterWithCallback.builder().name("crawler_watch_rounds").help("Rounds of revisits this watch has started.")
                .callback(callback -> callback.call(watch.rounds())).register(registry);
        GaugeWithCallback.builder().name("crawler_watch_in_round").help("1 while a round of revisits runs, 0 while the watch sleeps.")
                .callback(callback -> callback.call(watch.inRound() ? 1 : 0)).register(registry);
        GaugeWithCallback.builder().name("crawler_watch_next_round_timestamp_seconds")
                .help("When the sleeping watch starts its next round (Unix time); absent while a round runs or no page waits.")
                .callback(callback -> watch.nextRoundAt().ifPresent(at -> callback.call(at.toEpochMilli() / 1000.0)))
                .register(registry);
    }

    private static void counter(PrometheusRegistry registry, String name, String help, String key, CrawlStore store) {
        CounterWithCallback.builder().name(name).help(help).callback(callback -> callback.call(store.counter(key))).register(registry);
    }

    private static void gauge(PrometheusRegistry registry, String name, String help, ToLongFunction<CrawlStore> value, CrawlStore store) {
        GaugeWithCallback.builder().name(name).help(help).callback(callback -> callback.call(value.applyAsLong(store))).register(registry);
    }

    /**
     * The per-host gauges, from one read of the host records per scrape: parked or not, the learned
     * delay, and the URLs waiting.
     */
    private static final class HostMetrics implements MultiCollector {
        private static final String PARKED = "crawler_host_parked";
        private static final String DELAY = "crawler_host_learned_delay_seconds";
        private static final String QUEUED = "crawler_host_queue_depth";
        private final CrawlStore store;

        HostMetrics(CrawlStore store) {
            this.store = store;
        }

        @Override
        public MetricSnapshots collect() {
            Map<String, HostNow> hosts = hosts(store);
            return MetricSnapshots.of(
                    gauge(PARKED, "1 for a host the crawl parked (stopped asking) and has not heard from since, else 0.", hosts,
                            host -> host.parked ? 1 : 0),
                    gauge(DELAY, "The least time between two requests a host taught the crawl by pushing back; "
                            + "0 when it has not (politeness.delay applies).", hosts, host -> host.delayMillis / 1000.0),
                    gauge(QUEUED, "URLs queued or retrying for a host.", hosts, host -> host.queued));
        }

        @Override
        public List<String> getPrometheusNames() {
            return List.of(PARKED, DELAY, QUEUED);
        }

        private static GaugeSnapshot gauge(String name, String help, Map<String, HostNow> hosts, ToDoubleFunction<HostNow> value) {
            GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
            hosts.forEach((origin, host) -> gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                    .labels(Labels.of("host", origin)).value(value.applyAsDouble(host)).build()));
            return gauge.build();
        }
    }

    /** What one host looks like now. */
    private static final class HostNow {
        boolean parked;
        long delayMillis;
        long queued;
    }

    /**
     * Every host the crawl knows something about: its seed hosts, the hosts parked, with a learned
     * pace, or with URLs waiting, in origin order.
     */
    private static Map<String, HostNow> hosts(CrawlStore store) {
        Map<String, HostNow> hosts = new TreeMap<>();
        for (String origin : store.seedOrigins()) {
            hosts.put(origin, new HostNow());
        }
        for (ParkedHost parked : store.parkedHosts()) {
            hosts.computeIfAbsent(parked.origin(), origin -> new HostNow()).parked = true;
        }
        for (HostPace pace : store.hostPaces()) {
            hosts.computeIfAbsent(pace.origin(), origin -> new HostNow()).delayMillis = pace.delayMillis();
        }
        for (HostQueues.Host host : store.hostQueues(MAX_KEYS_COUNTED).hosts()) {
            hosts.computeIfAbsent(host.origin(), origin -> new HostNow()).queued = host.queued() + host.retrying();
        }
        return hosts;
    }

    /** Stops serving; a scrape in progress is cut. Call before the store is closed. */
    @Override
    public void close() {
        server.close();
        executor.shutdownNow();
    }

    /** For a line on the terminal: where to scrape. */
    static String url(InetAddress bind, int port) {
        String host = bind.getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/metrics";
    }
}

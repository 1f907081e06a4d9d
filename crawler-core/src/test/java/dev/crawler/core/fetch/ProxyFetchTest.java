package dev.crawler.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.config.ProxyRule;
import dev.crawler.testbed.ForwardProxy;
import dev.crawler.testbed.Testbed;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The fetcher through the testbed's forward proxy: plain forwarding, CONNECT tunnels and SOCKS5, with
 * credentials from an environment the test gives, and target names left for the proxy to resolve.
 */
@Timeout(30)
class ProxyFetchTest {
    private static final String PROXY_ADDRESS = "127.0.5.1";
    private static final String USER = "crawler";
    private static final String PASSWORD = "pa55-w0rd-never-logged";
    private static final Map<String, String> ENVIRONMENT = Map.of("PROXY_USER", USER, "PROXY_PASSWORD", PASSWORD);
    private static final byte[] PAGE = "<html><body><h1>Kettle</h1></body></html>".getBytes(StandardCharsets.UTF_8);

    private static CrawlConfig.Fetch config(String proxyUrl, boolean credentials) {
        ProxyRule rule = credentials ? new ProxyRule("*", proxyUrl, "PROXY_USER", "PROXY_PASSWORD") : new ProxyRule("*", proxyUrl);
        return CrawlConfig.Fetch.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withProxies(List.of(rule));
    }

    private static HttpFetcher fetcher(CrawlConfig.Fetch config, AddressPolicy policy, FakeDnsServer dns,
            @Nullable TrustManagerFactory trust) {
        return new HttpFetcher(config, 1, policy, trust, dns.provider(), ProxyRoutes.resolve(config.proxies(), ENVIRONMENT::get),
                InstantSource.system());
    }

    private static HttpFetcher fetcher(CrawlConfig.Fetch config, AddressPolicy policy, FakeDnsServer dns) {
        return fetcher(config, policy, dns, null);
    }

    private static FakeDnsServer dns() throws Exception {
        // Knows one name; the tests count whether anything asked it about the names only the proxy knows.
        return new FakeDnsServer(Map.of("elsewhere.test", new FakeDnsServer.Answer(InetAddress.getLoopbackAddress(), 60)));
    }

    private static TestServer server() throws InterruptedException {
        return TestServer.start((ctx, request) -> ctx.writeAndFlush(TestServer.response(HttpResponseStatus.OK, "text/html", PAGE)));
    }

    private static FetchOutcome get(HttpFetcher fetcher, String url) throws Exception {
        URI uri = URI.create(url);
        return fetcher.fetch(uri, uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()).get(20, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"http", "socks5"})
    void aPlainHttpSiteIsFetchedThroughTheProxyWithCredentialsFromTheEnvironment(String scheme) throws Exception {
        try (TestServer server = server(); FakeDnsServer dns = dns();
                ForwardProxy proxy = Testbed.startProxy(PROXY_ADDRESS, USER, PASSWORD, Map.of("kettles.test", "127.0.0.1"));
                HttpFetcher fetcher = fetcher(config(scheme.equals("http") ? proxy.httpUrl() : proxy.socks5Url(), true),
                        AddressPolicy.allowAll(), dns)) {
            FetchOutcome first = get(fetcher, "http://kettles.test:" + server.port() + "/p/1");
            FetchOutcome second = get(fetcher, "http://kettles.test:" + server.port() + "/p/2");

            assertThat(List.of(first, second)).allSatisfy(outcome -> assertThat(outcome)
                    .isInstanceOfSatisfying(FetchOutcome.Response.class, response -> assertThat(response.status()).isEqualTo(200)));
            assertThat(server.requests()).extracting(TestServer.Seen::uri).containsExactly("/p/1", "/p/2");
            assertThat(server.requests()).allSatisfy(seen -> {
                assertThat(seen.headers().get(HttpHeaderNames.HOST)).isEqualTo("kettles.test:" + server.port());
                assertThat(seen.headers().contains(HttpHeaderNames.PROXY_AUTHORIZATION)).as("credentials stop at the proxy").isFalse();
            });
            assertThat(proxy.relays()).isNotEmpty().allSatisfy(relay -> {
                assertThat(relay.kind()).isEqualTo(scheme.equals("http") ? ForwardProxy.Kind.FORWARD : ForwardProxy.Kind.SOCKS5);
                assertThat(relay.target()).isEqualTo("kettles.test:" + server.port());
                assertThat(relay.byName()).as("the proxy was given the name to resolve").isTrue();
            });
            assertThat(dns.aQueries("kettles.test")).as("the target's name never reaches local DNS").isZero();
            assertThat(proxy.refused()).isZero();
        }
    }

    @Test
    void anHttpsSiteIsTunnelledThroughAnHttpProxyWithConnect() throws Exception {
        SelfSignedCertificate certificate = new SelfSignedCertificate("localhost");
        try {
            SslContext serverContext = SslContextBuilder.forServer(certificate.certificate(), certificate.privateKey()).build();
            try (TestServer server = TestServer.startTls(serverContext, (ctx, request) -> ctx.writeAndFlush(
                            TestServer.response(HttpResponseStatus.OK, "text/html", PAGE)));
                    FakeDnsServer dns = dns();
                    ForwardProxy proxy = Testbed.startProxy(PROXY_ADDRESS, USER, PASSWORD, Map.of("localhost", "127.0.0.1"));
                    HttpFetcher fetcher = fetcher(config(proxy.httpUrl(), true), AddressPolicy.allowAll(), dns, trusting(certificate))) {
                FetchOutcome outcome = get(fetcher, server.origin("localhost") + "/secure");

                assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Response.class,
                        response -> assertThat(response.status()).isEqualTo(200));
                assertThat(server.serverNames()).containsExactly("localhost");
                assertThat(proxy.relays()).containsExactly(new ForwardProxy.Relay(ForwardProxy.Kind.CONNECT,
                        "localhost:" + server.port(), true));
            }
        } finally {
            certificate.delete();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"http", "socks5"})
    void wrongCredentialsFailTheFetchWithoutThePasswordInTheMessage(String scheme) throws Exception {
        int fetches = 25;
        try (TestServer server = server(); FakeDnsServer dns = dns();
                ForwardProxy proxy = Testbed.startProxy(PROXY_ADDRESS, USER, "another-password", Map.of());
                HttpFetcher fetcher = fetcher(config(scheme.equals("http") ? proxy.httpUrl() : proxy.socks5Url(), true),
                        AddressPolicy.allowAll(), dns)) {
            // Several fetches, each on a new connection: however quickly the proxy refuses and hangs up,
            // the refusal is what the fetch reports, never a connection closed under the request.
            for (int i = 0; i < fetches; i++) {
                FetchOutcome outcome = get(fetcher, server.origin() + "/p/" + i);

                assertThat(outcome.toString()).doesNotContain(PASSWORD);
                if (scheme.equals("http")) {
                    // A forwarding proxy answers 407 like any HTTP status; the crawl records it as such.
                    assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Response.class,
                            response -> assertThat(response.status()).isEqualTo(407));
                } else {
                    assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failure.class,
                            failure -> assertThat(failure.failureClass()).isEqualTo(FailureClass.CONNECT));
                }
            }
            assertThat(server.requests()).isEmpty();
            assertThat(proxy.refused()).isEqualTo(fetches);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"localhost", "intranet", "printer.local", "db.internal", "10.1.2.3", "192.168.0.1", "[::1]"})
    void aLocalHostThatIsNotASeedIsNotAskedOfTheProxy(String host) throws Exception {
        AddressPolicy seedsOnly = new AddressPolicy(Set.of("shop.example"), false);
        try (FakeDnsServer dns = dns(); ForwardProxy proxy = Testbed.startProxy(PROXY_ADDRESS, null, null, Map.of());
                HttpFetcher fetcher = fetcher(config(proxy.socks5Url(), false), seedsOnly, dns)) {
            FetchOutcome outcome = get(fetcher, "http://" + host + ":8080/");

            assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failure.class,
                    failure -> assertThat(failure.failureClass()).isEqualTo(FailureClass.BLOCKED_ADDRESS));
            assertThat(proxy.relays()).isEmpty();
        }
    }

    @Test
    void aMissingCredentialVariableIsAConfigErrorNamingTheSetting() {
        CrawlConfig.Fetch config = config("socks5://127.0.5.1:1080", true);

        assertThatThrownBy(() -> ProxyRoutes.resolve(config.proxies(), Map.of("PROXY_USER", USER)::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fetch.proxies[0].passwordEnv: environment variable PROXY_PASSWORD is not set");
    }

    @Test
    void theLogLineNamingTheProxyHoldsNeitherUserNorPassword() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(HttpFetcher.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        ch.qos.logback.classic.Level before = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        try (FakeDnsServer dns = dns();
                HttpFetcher fetcher = fetcher(config("socks5://127.0.5.1:1080", true), AddressPolicy.allowAll(), dns)) {
            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line).contains("socks5://127.0.5.1:1080", "$PROXY_USER", "$PROXY_PASSWORD"))
                    .allSatisfy(line -> assertThat(line).doesNotContain(PASSWORD).doesNotContain(USER));
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
    }

    private static TrustManagerFactory trusting(SelfSignedCertificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("test", certificate.cert());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }
}

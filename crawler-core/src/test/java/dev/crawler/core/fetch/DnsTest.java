package dev.crawler.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.config.CrawlConfig;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Asynchronous DNS against a fake name server: answers are cached for their TTL within the configured
 * bounds, failures for the negative TTL, and a resolved address must pass the address policy.
 */
@Timeout(30)
class DnsTest {
    private static final byte[] PAGE = "<p>hi</p>".getBytes(StandardCharsets.UTF_8);

    private static FakeDnsServer dns(long ttlSeconds) throws Exception {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        return new FakeDnsServer(Map.of("shop.test", new FakeDnsServer.Answer(loopback, ttlSeconds),
                "evil.test", new FakeDnsServer.Answer(loopback, ttlSeconds)));
    }

    private static TestServer server() throws InterruptedException {
        return TestServer.start((ctx, request) -> ctx.writeAndFlush(TestServer.response(HttpResponseStatus.OK, "text/html", PAGE)));
    }

    private static HttpFetcher fetcher(FakeDnsServer dns, Duration min, Duration max, Duration negative, AddressPolicy policy) {
        CrawlConfig.Fetch config = CrawlConfig.Fetch.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withDnsTtl(min, max, negative);
        return new HttpFetcher(config, 1, policy, null, dns.provider());
    }

    /** Fetches through a new origin each time (another port), so each fetch needs a new connection and a lookup. */
    private static FetchOutcome get(HttpFetcher fetcher, String host, TestServer server) throws Exception {
        String origin = "http://" + host + ":" + server.port();
        return fetcher.fetch(URI.create(origin + "/"), origin).get(20, TimeUnit.SECONDS);
    }

    @Test
    void anAnswerIsCachedForItsTtl() throws Exception {
        try (FakeDnsServer dns = dns(60); TestServer first = server(); TestServer second = server();
                HttpFetcher fetcher = fetcher(dns, Duration.ZERO, Duration.ofHours(1), Duration.ofMinutes(1), AddressPolicy.allowAll())) {
            assertThat(get(fetcher, "shop.test", first)).isInstanceOf(FetchOutcome.Response.class);
            assertThat(get(fetcher, "shop.test", second)).isInstanceOf(FetchOutcome.Response.class);

            assertThat(dns.aQueries("shop.test")).isEqualTo(1);
        }
    }

    @Test
    void anAnswerWithTtlZeroIsAskedForAgain() throws Exception {
        try (FakeDnsServer dns = dns(0); TestServer first = server(); TestServer second = server();
                HttpFetcher fetcher = fetcher(dns, Duration.ZERO, Duration.ofHours(1), Duration.ofMinutes(1), AddressPolicy.allowAll())) {
            get(fetcher, "shop.test", first);
            get(fetcher, "shop.test", second);

            assertThat(dns.aQueries("shop.test")).isEqualTo(2);
        }
    }

    @Test
    void theMinimumTtlKeepsEvenAnAnswerWithTtlZero() throws Exception {
        try (FakeDnsServer dns = dns(0); TestServer first = server(); TestServer second = server();
                HttpFetcher fetcher = fetcher(dns, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(1), AddressPolicy.allowAll())) {
            get(fetcher, "shop.test", first);
            get(fetcher, "shop.test", second);

            assertThat(dns.aQueries("shop.test")).isEqualTo(1);
        }
    }

    @Test
    void aNameThatDoesNotResolveFailsAsDnsAndIsNotAskedAgainWithinTheNegativeTtl() throws Exception {
        try (FakeDnsServer dns = dns(60); TestServer server = server();
                HttpFetcher fetcher = fetcher(dns, Duration.ZERO, Duration.ofHours(1), Duration.ofMinutes(1), AddressPolicy.allowAll())) {
            FetchOutcome first = get(fetcher, "missing.test", server);
            FetchOutcome second = fetcher.fetch(URI.create("http://missing.test:1/"), "http://missing.test:1").get(20, TimeUnit.SECONDS);

            assertThat(first).isInstanceOfSatisfying(FetchOutcome.Failure.class,
                    failure -> assertThat(failure.failureClass()).isEqualTo(FailureClass.DNS));
            assertThat(second).isInstanceOfSatisfying(FetchOutcome.Failure.class,
                    failure -> assertThat(failure.failureClass()).isEqualTo(FailureClass.DNS));
            assertThat(dns.aQueries("missing.test")).isEqualTo(1);
        }
    }

    @Test
    void aHostThatIsNotTrustedMayNotResolveToAPrivateAddress() throws Exception {
        AddressPolicy seedsOnly = new AddressPolicy(Set.of("shop.test"), false);
        try (FakeDnsServer dns = dns(60); TestServer server = server();
                HttpFetcher fetcher = fetcher(dns, Duration.ZERO, Duration.ofHours(1), Duration.ofMinutes(1), seedsOnly)) {
            FetchOutcome evil = get(fetcher, "evil.test", server);
            int connectionsAfterEvil = server.connections();
            FetchOutcome seed = get(fetcher, "shop.test", server);

            assertThat(evil).isInstanceOfSatisfying(FetchOutcome.Failure.class, failure -> {
                assertThat(failure.failureClass()).isEqualTo(FailureClass.BLOCKED_ADDRESS);
                assertThat(failure.message()).contains("evil.test", "127.0.0.1");
            });
            assertThat(connectionsAfterEvil).as("no connection was made for the blocked host").isZero();
            assertThat(seed).isInstanceOf(FetchOutcome.Response.class);
        }
    }
}

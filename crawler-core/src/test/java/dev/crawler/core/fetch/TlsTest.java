package dev.crawler.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.config.CrawlConfig;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import io.netty.resolver.dns.DnsServerAddressStreamProviders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TLS against a loopback server with a self-signed certificate for {@code localhost}. */
@Timeout(30)
class TlsTest {
    private static SelfSignedCertificate certificate;
    private static SslContext serverContext;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificate = new SelfSignedCertificate("localhost");
        serverContext = SslContextBuilder.forServer(certificate.certificate(), certificate.privateKey()).build();
    }

    @AfterAll
    static void deleteCertificate() {
        certificate.delete();
    }

    private static TestServer server() throws InterruptedException {
        return TestServer.startTls(serverContext, (ctx, request) -> ctx.writeAndFlush(
                TestServer.response(HttpResponseStatus.OK, "text/html", "<p>secret shop</p>".getBytes(StandardCharsets.UTF_8))));
    }

    private static HttpFetcher fetcher(@Nullable TrustManagerFactory trust) {
        CrawlConfig.Fetch config = CrawlConfig.Fetch.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5));
        return new HttpFetcher(config, 1, AddressPolicy.allowAll(), trust, DnsServerAddressStreamProviders.platformDefault());
    }

    /** A trust store holding only the test certificate: real verification, host name included. */
    private static TrustManagerFactory trustingTheTestCertificate() throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("test", certificate.cert());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }

    private static FetchOutcome get(HttpFetcher fetcher, String origin) throws Exception {
        return fetcher.fetch(URI.create(origin + "/"), origin).get(20, TimeUnit.SECONDS);
    }

    @Test
    void aSelfSignedCertificateIsRefusedByTheDefaultTrustStoreAndCountedAsTls() throws Exception {
        try (TestServer server = server(); HttpFetcher fetcher = fetcher(null)) {
            FetchOutcome outcome = get(fetcher, server.origin("localhost"));

            assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failure.class,
                    failure -> assertThat(failure.failureClass()).isEqualTo(FailureClass.TLS));
            assertThat(server.requests()).as("no request is sent over an unverified connection").isEmpty();
        }
    }

    @Test
    void aTrustedCertificateWorksAndTheHostNameIsSentAsSni() throws Exception {
        try (TestServer server = server(); HttpFetcher fetcher = fetcher(trustingTheTestCertificate())) {
            FetchOutcome outcome = get(fetcher, server.origin("localhost"));

            assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Response.class,
                    response -> assertThat(response.status()).isEqualTo(200));
            assertThat(server.serverNames()).containsExactly("localhost");
        }
    }

    @Test
    void aTrustedCertificateForAnotherNameFailsHostNameVerification() throws Exception {
        try (TestServer server = server(); HttpFetcher fetcher = fetcher(trustingTheTestCertificate())) {
            FetchOutcome outcome = get(fetcher, server.origin("127.0.0.1"));

            assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failure.class,
                    failure -> assertThat(failure.failureClass()).isEqualTo(FailureClass.TLS));
            assertThat(server.requests()).isEmpty();
        }
    }
}

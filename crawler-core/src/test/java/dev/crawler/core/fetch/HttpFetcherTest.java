package dev.crawler.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import dev.crawler.core.config.CrawlConfig;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.resolver.dns.DnsServerAddressStreamProviders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fetcher against a loopback server it does not control: encodings, limits, timeouts, pooling, cookies. */
@Timeout(30)
class HttpFetcherTest {
    private static final byte[] PAGE = "<html><body><h1>Hello</h1></body></html>".repeat(50).getBytes(StandardCharsets.UTF_8);

    private static CrawlConfig.Fetch config() {
        return CrawlConfig.Fetch.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withMaxBodyBytes(1024 * 1024);
    }

    private static HttpFetcher fetcher(CrawlConfig.Fetch config, int connections) {
        return new HttpFetcher(config, connections, AddressPolicy.allowAll(), null, DnsServerAddressStreamProviders.platformDefault());
    }

    private static FetchOutcome get(HttpFetcher fetcher, TestServer server, String path) throws Exception {
        return fetcher.fetch(server.uri(path), server.origin()).get(20, TimeUnit.SECONDS);
    }

    private static TestServer.Responder encoded(String encoding, byte[] body) {
        return (ctx, request) -> {
            FullHttpResponse response = TestServer.response(HttpResponseStatus.OK, "text/html", body);
            response.headers().set(HttpHeaderNames.CONTENT_ENCODING, encoding);
            ctx.writeAndFlush(response);
        };
    }

    @Test
    void gzipDeflateAndBrotliBodiesArriveDecoded() throws Exception {
        Brotli4jLoader.ensureAvailability();
        byte[] brotli = Encoder.compress(PAGE);
        for (var encoding : List.of(new Object[] {"gzip", gzip(PAGE)}, new Object[] {"deflate", deflate(PAGE)},
                new Object[] {"br", brotli})) {
            try (TestServer server = TestServer.start(encoded((String) encoding[0], (byte[]) encoding[1]));
                    HttpFetcher fetcher = fetcher(config(), 1)) {
                FetchOutcome outcome = get(fetcher, server, "/");

                assertThat(outcome).as(encoding[0] + " body").isInstanceOfSatisfying(FetchOutcome.Response.class,
                        response -> assertThat(response.body()).isEqualTo(PAGE));
            }
        }
    }

    @Test
    void brotliIsAdvertisedBecauseItsNativeLibraryLoads() throws Exception {
        try (TestServer server = TestServer.start(encoded("identity", PAGE)); HttpFetcher fetcher = fetcher(config(), 1)) {
            get(fetcher, server, "/");

            assertThat(Brotli4jLoader.isAvailable()).isTrue();
            assertThat(server.requests().get(0).headers().get(HttpHeaderNames.ACCEPT_ENCODING)).isEqualTo("gzip, deflate, br");
        }
    }

    @Test
    void aGzipBombIsCutAtTheBodyLimitAfterDecompression() throws Exception {
        byte[] bomb = gzip(new byte[64 * 1024 * 1024]);
        assertThat(bomb.length).as("small on the wire").isLessThan(1024 * 1024);
        try (TestServer server = TestServer.start(encoded("gzip", bomb)); HttpFetcher fetcher = fetcher(config(), 1)) {
            FetchOutcome outcome = get(fetcher, server, "/bomb");

            assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failure.class,
                    failure -> assertThat(failure.failureClass()).isEqualTo(FailureClass.TOO_LARGE));
        }
    }

    @Test
    void aBrotliBombIsCutAtTheBodyLimitAfterDecompression() throws Exception {
        Brotli4jLoader.ensureAvailability();
        byte[] bomb = Encoder.compress(new byte[64 * 1024 * 1024]);
        try (TestServer server = TestServer.start(encoded("br", bomb)); HttpFetcher fetcher = fetcher(config(), 1)) {
            FetchOutcome outcome = get(fetcher, server, "/bomb");

            assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failure.class,
                    failure -> assertThat(failure.failureClass()).isEqualTo(FailureClass.TOO_LARGE));
        }
    }

    @Test
    void aTruncatingLimitKeepsTheHeadOfALongBody() throws Exception {
        try (TestServer server = TestServer.start(encoded("identity", PAGE)); HttpFetcher fetcher = fetcher(config(), 1)) {
            FetchOutcome outcome = fetcher.fetch(server.uri("/robots.txt"), server.origin(), BodyLimit.truncateAt(100))
                    .get(20, TimeUnit.SECONDS);

            assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Response.class,
                    response -> assertThat(response.body()).hasSize(100).startsWith("<html>".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void aSetCookieIsSentBackToTheHostThatSetItAndToNoOtherHost() throws Exception {
        TestServer.Responder setsCookie = (ctx, request) -> {
            FullHttpResponse response = TestServer.response(HttpResponseStatus.OK, "text/html", PAGE);
            if (request.uri().equals("/first")) {
                response.headers().add(HttpHeaderNames.SET_COOKIE, "session=abc123; Path=/; HttpOnly");
                response.headers().add(HttpHeaderNames.SET_COOKIE, "basket=7; Path=/cart");
            }
            ctx.writeAndFlush(response);
        };
        try (TestServer server = TestServer.start(setsCookie); HttpFetcher fetcher = fetcher(config(), 1)) {
            get(fetcher, server, "/first");
            get(fetcher, server, "/second");
            get(fetcher, server, "/cart/view");
            // The same server under another host name: another host, so none of the first host's cookies.
            fetcher.fetch(URI.create(server.origin("localhost") + "/third"), server.origin("localhost")).get(20, TimeUnit.SECONDS);

            assertThat(server.requests()).extracting(TestServer.Seen::uri, seen -> String.valueOf(seen.headers().get(HttpHeaderNames.COOKIE)))
                    .containsExactly(
                            tuple("/first", "null"),
                            tuple("/second", "session=abc123"),
                            tuple("/cart/view", "basket=7; session=abc123"),
                            tuple("/third", "null"));
        }
    }

    @Test
    void noCookieIsKeptOrSentWhenCookiesAreOff() throws Exception {
        TestServer.Responder setsCookie = (ctx, request) -> {
            FullHttpResponse response = TestServer.response(HttpResponseStatus.OK, "text/html", PAGE);
            response.headers().set(HttpHeaderNames.SET_COOKIE, "session=abc123; Path=/");
            ctx.writeAndFlush(response);
        };
        CrawlConfig.Fetch off = config().withCookies(CrawlConfig.Fetch.COOKIES_OFF, 50, 4L * 1024 * 1024);
        try (TestServer server = TestServer.start(setsCookie); HttpFetcher fetcher = fetcher(off, 1)) {
            get(fetcher, server, "/first");
            get(fetcher, server, "/second");

            assertThat(server.requests()).hasSize(2)
                    .allSatisfy(seen -> assertThat(seen.headers().contains(HttpHeaderNames.COOKIE)).isFalse());
        }
    }

    @Test
    void connectionsAreKeptAliveAndNeverMoreThanThePoolAllows() throws Exception {
        try (TestServer server = TestServer.start(encoded("identity", PAGE)); HttpFetcher fetcher = fetcher(config(), 2)) {
            List<CompletableFuture<FetchOutcome>> fetches = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                fetches.add(fetcher.fetch(server.uri("/p/" + i), server.origin()));
            }
            for (CompletableFuture<FetchOutcome> fetch : fetches) {
                assertThat(fetch.get(20, TimeUnit.SECONDS)).isInstanceOf(FetchOutcome.Response.class);
            }

            assertThat(server.connections()).isLessThanOrEqualTo(2);
            ConnectionStats stats = awaitNoLease(fetcher, server.origin());
            assertThat(stats.opened()).isLessThanOrEqualTo(2);
            assertThat(stats.maxOpen()).isLessThanOrEqualTo(2);
            assertThat(server.requests()).hasSize(30);
        }
    }

    /**
     * A server that drops a kept-alive connection when the next request arrives on it (as one does whose
     * keep-alive timeout ran out just then): the request never reached it, so the fetcher asks again on
     * a new connection rather than report a reset the host never made. A new connection that is
     * dropped is a reset.
     */
    @Test
    void aKeptAliveConnectionClosedUnderARequestIsReplacedAndTheRequestSentAgain() throws Exception {
        java.util.Set<String> served = java.util.concurrent.ConcurrentHashMap.newKeySet();
        TestServer.Responder firstOnly = (ctx, request) -> {
            if (served.add(ctx.channel().id().asLongText())) {
                ctx.writeAndFlush(TestServer.response(HttpResponseStatus.OK, "text/html", PAGE));
            } else {
                ctx.close();
            }
        };
        try (TestServer server = TestServer.start(firstOnly); HttpFetcher fetcher = fetcher(config(), 1)) {
            assertThat(get(fetcher, server, "/a")).isInstanceOf(FetchOutcome.Response.class);

            FetchOutcome second = get(fetcher, server, "/b");

            assertThat(second).isInstanceOf(FetchOutcome.Response.class);
            assertThat(server.requests()).extracting(TestServer.Seen::uri).containsExactly("/a", "/b", "/b");
            assertThat(server.connections()).isEqualTo(2);
        }
        try (TestServer server = TestServer.start((ctx, request) -> ctx.close()); HttpFetcher fetcher = fetcher(config(), 1)) {
            assertThat(get(fetcher, server, "/a")).isInstanceOfSatisfying(FetchOutcome.Failure.class,
                    failure -> assertThat(failure.failureClass()).isEqualTo(FailureClass.CONNECTION_RESET));
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aSilentServerFailsOnTheFirstByteTimeoutNotTheReadTimeout() throws Exception {
        TestServer.Responder late = (ctx, request) -> ctx.executor().schedule(
                () -> ctx.writeAndFlush(TestServer.response(HttpResponseStatus.OK, "text/html", PAGE)), 3, TimeUnit.SECONDS);
        CrawlConfig.Fetch config = config().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(5),
                Duration.ofSeconds(10));
        try (TestServer server = TestServer.start(late); HttpFetcher fetcher = fetcher(config, 1)) {
            long started = System.nanoTime();
            FetchOutcome outcome = get(fetcher, server, "/slow");

            assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failure.class, failure -> {
                assertThat(failure.failureClass()).isEqualTo(FailureClass.TIMEOUT);
                assertThat(failure.message()).contains("first-byte");
            });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            awaitNoLease(fetcher, server.origin());
        }
    }

    @Test
    void aResponseThatStallsFailsOnTheReadTimeout() throws Exception {
        TestServer.Responder stalls = (ctx, request) -> {
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.CONTENT_LENGTH, 1000);
            ctx.write(head);
            ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[10])));
        };
        CrawlConfig.Fetch config = config().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(300),
                Duration.ofSeconds(10));
        try (TestServer server = TestServer.start(stalls); HttpFetcher fetcher = fetcher(config, 1)) {
            FetchOutcome outcome = get(fetcher, server, "/stall");

            assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failure.class, failure -> {
                assertThat(failure.failureClass()).isEqualTo(FailureClass.TIMEOUT);
                assertThat(failure.message()).contains("read timeout");
            });
        }
    }

    @Test
    void aBodyThatKeepsDrippingFailsOnTheTotalTimeout() throws Exception {
        TestServer.Responder drips = (ctx, request) -> {
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.CONTENT_LENGTH, 1_000_000);
            ctx.writeAndFlush(head);
            ctx.executor().scheduleAtFixedRate(() -> {
                if (ctx.channel().isActive()) {
                    ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[16])));
                }
            }, 50, 50, TimeUnit.MILLISECONDS);
        };
        CrawlConfig.Fetch config = config().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofMillis(600));
        try (TestServer server = TestServer.start(drips); HttpFetcher fetcher = fetcher(config, 1)) {
            FetchOutcome outcome = get(fetcher, server, "/drip");

            assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failure.class, failure -> {
                assertThat(failure.failureClass()).isEqualTo(FailureClass.TIMEOUT);
                assertThat(failure.message()).contains("total timeout");
            });
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitFailsWithoutReadingTheBody() throws Exception {
        TestServer.Responder huge = (ctx, request) -> {
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.CONTENT_LENGTH, 50_000_000);
            ctx.writeAndFlush(head);
        };
        try (TestServer server = TestServer.start(huge); HttpFetcher fetcher = fetcher(config(), 1)) {
            FetchOutcome outcome = get(fetcher, server, "/huge");

            assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failure.class,
                    failure -> assertThat(failure.failureClass()).isEqualTo(FailureClass.TOO_LARGE));
        }
    }

    /** The pool gives a connection back a moment after the future completes; waits for it, bounded. */
    static ConnectionStats awaitNoLease(HttpFetcher fetcher, String origin) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        ConnectionStats stats = fetcher.connectionStats().get(origin);
        while (stats.leased() != 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            stats = fetcher.connectionStats().get(origin);
        }
        assertThat(stats.leased()).as("connections still leased from " + origin).isZero();
        return stats;
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}

package dev.crawler.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.fetch.FailureClass.HostEffect;
import dev.crawler.core.fetch.FailureClass.Retry;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import io.netty.resolver.dns.DnsServerAddressStreamProviders;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The failure table of {@link FailureClass}, row by row. Each trouble is made for real by a loopback
 * server (or a closed port, or a name server that knows no names) and fetched; what came out must
 * land in the row's class, be retried or not as the row says, and tell the host's politeness what the
 * row says. What cannot succeed on retry fails at its first attempt; what can is retried with backoff.
 */
@Timeout(60)
class FailureTableTest {
    /** Small enough that a body over it is quick to send, and a page under it still fits. */
    private static final int MAX_BODY = 64 * 1024;
    private static final byte[] PAGE = "<html><body><p>fine</p></body></html>".getBytes(StandardCharsets.UTF_8);
    private static SelfSignedCertificate certificate;
    private static SslContext tls;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificate = new SelfSignedCertificate("localhost");
        tls = SslContextBuilder.forServer(certificate.certificate(), certificate.privateKey()).build();
    }

    @AfterAll
    static void deleteCertificate() {
        certificate.delete();
    }

    @ParameterizedTest(name = "{0}: {1}, retry {2}, host {3}")
    @CsvSource({
            // what happened,          class,             retry,         what it says about the host
            "OVERSIZED_HEADER,         protocol,          NEVER,         NONE",
            "OVERSIZED_STATUS_LINE,    protocol,          NEVER,         NONE",
            "MALFORMED_STATUS_LINE,    protocol,          NEVER,         NONE",
            "NOT_HTTP,                 protocol,          NEVER,         NONE",
            "STATUS_OUT_OF_RANGE,      protocol,          NEVER,         NONE",
            "BODY_OVER_CAP_DECLARED,   too-large,         NEVER,         NONE",
            "BODY_OVER_CAP_RECEIVED,   too-large,         NEVER,         NONE",
            "BODY_OVER_CAP_INFLATED,   too-large,         NEVER,         NONE",
            "TLS_HANDSHAKE_REFUSED,    tls,               NEVER,         NONE",
            "HTTP_404,                 http-status,       NEVER,         NONE",
            "HTTP_500,                 http-transient,    WITH_BACKOFF,  NONE",
            "HTTP_503,                 http-transient,    WITH_BACKOFF,  NONE",
            "HTTP_429,                 rate-limited,      AFTER_HOST_PAUSE, PUSH_BACK",
            "HTTP_429_RETRY_AFTER,     rate-limited,      AFTER_HOST_PAUSE, PUSH_BACK",
            "HTTP_503_RETRY_AFTER,     rate-limited,      AFTER_HOST_PAUSE, PUSH_BACK",
            "RESET_MID_BODY,           connection-reset,  WITH_BACKOFF,  PUSH_BACK",
            "CLOSED_MID_BODY,          connection-reset,  WITH_BACKOFF,  PUSH_BACK",
            "CLOSED_BEFORE_ANSWER,     connection-reset,  WITH_BACKOFF,  PUSH_BACK",
            "NO_FIRST_BYTE,            timeout,           WITH_BACKOFF,  UNANSWERED",
            "STALLED_MID_BODY,         timeout,           WITH_BACKOFF,  UNANSWERED",
            "CONNECTION_REFUSED,       connect,           WITH_BACKOFF,  UNANSWERED",
            "NAME_DOES_NOT_RESOLVE,    dns,               WITH_BACKOFF,  UNANSWERED",
    })
    void everyTroubleIsClassedOnceAsItsRowSays(Trouble trouble, String label, Retry retry, HostEffect host) throws Exception {
        FetchOutcome outcome = trouble.fetch();

        FailureClass failureClass = classOf(outcome);
        assertThat(failureClass.label()).as("class of %s", outcome).isEqualTo(label);
        assertThat(failureClass.retry()).isEqualTo(retry);
        assertThat(failureClass.isTransient()).isEqualTo(retry != Retry.NEVER);
        assertThat(failureClass.hostEffect()).isEqualTo(host);
    }

    /** A failed fetch carries its class; a response has the class of its status. */
    private static FailureClass classOf(FetchOutcome outcome) {
        if (outcome instanceof FetchOutcome.Failure failure) {
            return failure.failureClass();
        }
        FetchOutcome.Response response = (FetchOutcome.Response) outcome;
        return FailureClass.of(response).orElseThrow(() -> new AssertionError("HTTP " + response.status() + " classed as a page"));
    }

    /** Each way a fetch can go wrong, and how to make it happen. */
    enum Trouble {
        OVERSIZED_HEADER {
            @Override
            FetchOutcome fetch() throws Exception {
                return from((ctx, request) -> {
                    FullHttpResponse response = TestServer.response(HttpResponseStatus.OK, "text/html", PAGE);
                    response.headers().set("X-Padding", "x".repeat(100 * 1024));
                    ctx.writeAndFlush(response);
                });
            }
        },
        OVERSIZED_STATUS_LINE {
            @Override
            FetchOutcome fetch() throws Exception {
                return raw("HTTP/1.1 200 " + "O".repeat(20 * 1024) + "K\r\nContent-Length: 2\r\n\r\nhi");
            }
        },
        MALFORMED_STATUS_LINE {
            @Override
            FetchOutcome fetch() throws Exception {
                return raw("HTTP/1.1 two-hundred OK\r\nContent-Length: 2\r\n\r\nhi");
            }
        },
        NOT_HTTP {
            @Override
            FetchOutcome fetch() throws Exception {
                return raw("SSH-2.0-OpenSSH_9.6\r\n\r\n");
            }
        },
        STATUS_OUT_OF_RANGE {
            @Override
            FetchOutcome fetch() throws Exception {
                return raw("HTTP/1.1 999 Whatever\r\nContent-Length: 2\r\n\r\nhi");
            }
        },
        BODY_OVER_CAP_DECLARED {
            @Override
            FetchOutcome fetch() throws Exception {
                return from((ctx, request) -> ctx.writeAndFlush(
                        TestServer.response(HttpResponseStatus.OK, "text/html", new byte[MAX_BODY + 1])));
            }
        },
        BODY_OVER_CAP_RECEIVED {
            @Override
            FetchOutcome fetch() throws Exception {
                return from((ctx, request) -> {
                    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                    HttpUtil.setTransferEncodingChunked(head, true);
                    ctx.write(head);
                    for (int i = 0; i < 3; i++) {
                        ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[MAX_BODY / 2])));
                    }
                    ctx.flush();
                });
            }
        },
        BODY_OVER_CAP_INFLATED {
            @Override
            FetchOutcome fetch() throws Exception {
                ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                    gzip.write(new byte[4 * MAX_BODY]);
                }
                return from((ctx, request) -> {
                    FullHttpResponse response = TestServer.response(HttpResponseStatus.OK, "text/html", zipped.toByteArray());
                    response.headers().set(HttpHeaderNames.CONTENT_ENCODING, "gzip");
                    ctx.writeAndFlush(response);
                });
            }
        },
        TLS_HANDSHAKE_REFUSED {
            @Override
            FetchOutcome fetch() throws Exception {
                try (TestServer server = TestServer.startTls(tls, (ctx, request) ->
                        ctx.writeAndFlush(TestServer.response(HttpResponseStatus.OK, "text/html", PAGE)));
                        HttpFetcher fetcher = fetcher()) {
                    // The default trust store does not know the self-signed certificate.
                    String origin = server.origin("localhost");
                    return fetcher.fetch(URI.create(origin + "/"), origin).get(20, TimeUnit.SECONDS);
                }
            }
        },
        HTTP_404 {
            @Override
            FetchOutcome fetch() throws Exception {
                return status(HttpResponseStatus.NOT_FOUND, Map.of());
            }
        },
        HTTP_500 {
            @Override
            FetchOutcome fetch() throws Exception {
                return status(HttpResponseStatus.INTERNAL_SERVER_ERROR, Map.of());
            }
        },
        HTTP_503 {
            @Override
            FetchOutcome fetch() throws Exception {
                return status(HttpResponseStatus.SERVICE_UNAVAILABLE, Map.of());
            }
        },
        HTTP_429 {
            @Override
            FetchOutcome fetch() throws Exception {
                return status(HttpResponseStatus.TOO_MANY_REQUESTS, Map.of());
            }
        },
        HTTP_429_RETRY_AFTER {
            @Override
            FetchOutcome fetch() throws Exception {
                return status(HttpResponseStatus.TOO_MANY_REQUESTS, Map.of("Retry-After", "5"));
            }
        },
        HTTP_503_RETRY_AFTER {
            @Override
            FetchOutcome fetch() throws Exception {
                return status(HttpResponseStatus.SERVICE_UNAVAILABLE, Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"));
            }
        },
        RESET_MID_BODY {
            @Override
            FetchOutcome fetch() throws Exception {
                return from((ctx, request) -> halfABody(ctx).addListener((ChannelFutureListener) written -> {
                    written.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                    written.channel().close();
                }));
            }
        },
        CLOSED_MID_BODY {
            @Override
            FetchOutcome fetch() throws Exception {
                return from((ctx, request) -> halfABody(ctx).addListener(ChannelFutureListener.CLOSE));
            }
        },
        CLOSED_BEFORE_ANSWER {
            @Override
            FetchOutcome fetch() throws Exception {
                return from((ctx, request) -> ctx.close());
            }
        },
        NO_FIRST_BYTE {
            @Override
            FetchOutcome fetch() throws Exception {
                return from((ctx, request) -> { });
            }
        },
        STALLED_MID_BODY {
            @Override
            FetchOutcome fetch() throws Exception {
                return from((ctx, request) -> halfABody(ctx));
            }
        },
        CONNECTION_REFUSED {
            @Override
            FetchOutcome fetch() throws Exception {
                int port;
                try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    port = socket.getLocalPort();
                }
                try (HttpFetcher fetcher = fetcher()) {
                    String origin = "http://127.0.0.1:" + port;
                    return fetcher.fetch(URI.create(origin + "/"), origin).get(20, TimeUnit.SECONDS);
                }
            }
        },
        NAME_DOES_NOT_RESOLVE {
            @Override
            FetchOutcome fetch() throws Exception {
                try (FakeDnsServer dns = new FakeDnsServer(Map.of());
                        HttpFetcher fetcher = new HttpFetcher(config(), 1, AddressPolicy.allowAll(), null, dns.provider())) {
                    String origin = "http://nowhere.test:80";
                    return fetcher.fetch(URI.create(origin + "/"), origin).get(20, TimeUnit.SECONDS);
                }
            }
        };

        abstract FetchOutcome fetch() throws Exception;

        /** Short timeouts, so that the silent troubles end in well under a second. */
        static CrawlConfig.Fetch config() {
            return CrawlConfig.Fetch.defaults()
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(3))
                    .withMaxBodyBytes(MAX_BODY);
        }

        static HttpFetcher fetcher() {
            return new HttpFetcher(config(), 1, AddressPolicy.allowAll(), null, DnsServerAddressStreamProviders.platformDefault());
        }

        static FetchOutcome from(TestServer.Responder responder) throws Exception {
            try (TestServer server = TestServer.start(responder); HttpFetcher fetcher = fetcher()) {
                return fetcher.fetch(server.uri("/"), server.origin()).get(20, TimeUnit.SECONDS);
            }
        }

        /** Bytes straight to the socket, past the server's HTTP encoder. */
        static FetchOutcome raw(String response) throws Exception {
            return from((ctx, request) -> ctx.pipeline().firstContext()
                    .writeAndFlush(Unpooled.copiedBuffer(response, StandardCharsets.ISO_8859_1)));
        }

        static FetchOutcome status(HttpResponseStatus status, Map<String, String> headers) throws Exception {
            return from((ctx, request) -> {
                FullHttpResponse response = TestServer.response(status, "text/html", PAGE);
                headers.forEach((name, value) -> response.headers().set(name, value));
                ctx.writeAndFlush(response);
            });
        }

        /** A head promising 16 KiB, and 4 KiB of it. */
        static io.netty.channel.ChannelFuture halfABody(ChannelHandlerContext ctx) {
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            HttpUtil.setContentLength(head, 16 * 1024);
            ctx.write(head);
            return ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[4 * 1024])));
        }
    }
}

package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.crawler.testbed.CookieShop;
import dev.crawler.testbed.ForwardProxy;
import dev.crawler.testbed.RequestRecord;
import dev.crawler.testbed.Testbed;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a crawl through a proxy that wants a user name and password, which the config names only
 * as environment variables (the build sets them for this test). The crawl gets through, and the
 * password is nowhere a person or a script could read it afterwards: not in the crawl directory, its
 * log (whose opening line names the proxy) or {@code status}.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ProxyCredentialsCrawlTest {
    private static final String USER_VARIABLE = "CRAWLER_TEST_PROXY_USER";
    private static final String PASSWORD_VARIABLE = "CRAWLER_TEST_PROXY_PASSWORD";
    private static final int PRODUCTS_PER_HOST = 5;

    @TempDir
    Path temp;

    @Test
    void aCrawlThroughAnAuthenticatingProxyNeverWritesItsPassword() throws Exception {
        String user = System.getenv(USER_VARIABLE);
        String password = System.getenv(PASSWORD_VARIABLE);
        assumeThat(password).as("the build sets " + PASSWORD_VARIABLE + " for this test (crawler-cli/pom.xml)").isNotNull();
        try (CookieShop shop = Testbed.startCookieShop(PRODUCTS_PER_HOST);
                ForwardProxy proxy = Testbed.startProxy("127.0.5.1", user, password, Map.of())) {
            Path seeds = Files.write(temp.resolve("seeds.txt"), shop.homePages().stream().map(URI::toString).toList());
            Path config = Files.writeString(temp.resolve("crawl.yaml"), """
                    fetch:
                      proxies:
                        - hostPattern: "*"
                          url: %s
                          usernameEnv: %s
                          passwordEnv: %s
                    """.formatted(proxy.socks5Url(), USER_VARIABLE, PASSWORD_VARIABLE));
            Path dir = temp.resolve("crawl");

            Cli.Result crawl = Cli.run("crawl", seeds.toString(), "--dir", dir.toString(), "--config", config.toString(),
                    "--delay", "0");

            assertThat(crawl.exitCode()).as(crawl.err()).isZero();
            assertThat(proxy.refused()).isZero();
            int expected = CookieShop.HOSTS * (2 + PRODUCTS_PER_HOST);
            shop.requestLog().awaitEntries(expected, Duration.ofSeconds(10));
            assertThat(shop.requestLog().entries()).hasSize(expected).extracting(RequestRecord::peer).containsOnly(proxy.address());
            assertThat(ExportedCsv.export(dir, temp.resolve("products.csv"))).hasSize(CookieShop.HOSTS * PRODUCTS_PER_HOST);

            assertThat(Files.readString(dir.resolve("crawler.log"))).contains(proxy.socks5Url(), "$" + PASSWORD_VARIABLE);
            assertThat(crawl.out() + crawl.err()).doesNotContain(password);
            assertThat(Cli.run("status", "--dir", dir.toString()).out()).doesNotContain(password);
            assertThat(Cli.run("status", "--dir", dir.toString(), "--json").out()).doesNotContain(password);
            assertThat(filesHolding(dir, password)).isEmpty();
        }
    }

    @Test
    void aProxyVariableThatIsNotSetStopsTheCrawlBeforeItsDirectoryIsMade() throws Exception {
        Path seeds = Files.writeString(temp.resolve("seeds.txt"), "http://127.0.4.1:1/\n");
        Path config = Files.writeString(temp.resolve("crawl.yaml"), """
                fetch:
                  proxies:
                    - hostPattern: "*"
                      url: socks5://127.0.5.1:1080
                      usernameEnv: CRAWLER_TEST_NO_SUCH_USER
                      passwordEnv: CRAWLER_TEST_NO_SUCH_PASSWORD
                """);
        Path dir = temp.resolve("crawl");

        Cli.Result crawl = Cli.run("crawl", seeds.toString(), "--dir", dir.toString(), "--config", config.toString());

        assertThat(crawl.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(crawl.err()).isEqualTo("crawler: fetch.proxies[0].usernameEnv: environment variable CRAWLER_TEST_NO_SUCH_USER "
                + "is not set\n");
        assertThat(dir).doesNotExist();
    }

    /** The files under {@code dir} whose bytes hold {@code secret}. */
    private static List<Path> filesHolding(Path dir, String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> contains(read(file), needle)).toList();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

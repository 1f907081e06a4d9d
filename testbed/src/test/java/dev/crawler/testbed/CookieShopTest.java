package dev.crawler.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cookie shop shows a price only to a client that brings back the session cookie it set. */
class CookieShopTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static CookieShop shop;

    @BeforeAll
    static void start() throws IOException {
        shop = Testbed.startCookieShop(3);
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    private static HttpResponse<String> get(URI uri, Optional<String> cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        cookie.ifPresent(value -> request.header("Cookie", value));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String session(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    @Test
    void theHomePageSetsASessionAndThreeCookiesNotToBeSentBack() throws Exception {
        HttpResponse<String> home = get(shop.homePages().get(0), Optional.empty());

        List<String> set = home.headers().allValues("Set-Cookie");
        assertThat(set).hasSize(4);
        assertThat(set).anySatisfy(c -> assertThat(c).startsWith("session=").contains("Path=/"));
        assertThat(set).anySatisfy(c -> assertThat(c).startsWith("basket=").contains("Path=/cart"));
        assertThat(set).anySatisfy(c -> assertThat(c).startsWith("tracker=").contains("Domain=ads.example"));
        assertThat(set).anySatisfy(c -> assertThat(c).startsWith("secure=").contains("Secure"));
        assertThat(home.body()).contains("href=\"/p/1\"", "href=\"/p/3\"");
    }

    @Test
    void aProductPageHasItsPriceOnlyWithTheHostsOwnSession() throws Exception {
        URI home = shop.homePages().get(0);
        String session = session(get(home, Optional.empty()));

        assertThat(get(home.resolve("/p/2"), Optional.empty()).body()).contains("accept cookies").doesNotContain("\"price\"");
        assertThat(get(home.resolve("/p/2"), Optional.of(session)).body()).contains("\"price\":\"12.99\"", "12.99 €");

        String otherHostsSession = session(get(shop.homePages().get(1), Optional.empty()));
        assertThat(get(home.resolve("/p/2"), Optional.of(otherHostsSession)).body()).doesNotContain("\"price\"");
        assertThat(shop.violations()).anySatisfy(v -> assertThat(v).contains("of another host"));
    }
}

package dev.crawler.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a shop's Set-Cookie headers leave in the jar, and what goes back with the next request. */
class CookieJarTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
    private final InstantSource clock = () -> now.get();

    private CookieJar jar() {
        return new CookieJar(50, 1024 * 1024, clock);
    }

    private static URI uri(String url) {
        return URI.create(url);
    }

    @Test
    void aSessionCookieGoesBackToItsHostForTheRestOfTheRun() {
        CookieJar jar = jar();
        jar.store(uri("http://shop.example/"), List.of("session=abc; Path=/; HttpOnly"));

        now.set(now.get().plus(Duration.ofDays(30)));

        assertThat(jar.header(uri("http://shop.example/p/kettle"))).hasValue("session=abc");
    }

    @Test
    void aCookieIsNeverSentToAnotherHostNotEvenASiblingItsDomainNames() {
        CookieJar jar = jar();
        jar.store(uri("http://www.shop.example/"), List.of("session=abc; Domain=shop.example; Path=/"));

        assertThat(jar.header(uri("http://www.shop.example/p/1"))).hasValue("session=abc");
        assertThat(jar.header(uri("http://shop.example/p/1"))).isEmpty();
        assertThat(jar.header(uri("http://img.shop.example/p/1"))).isEmpty();
        assertThat(jar.header(uri("http://other.example/p/1"))).isEmpty();
    }

    @ParameterizedTest(name = "{1} from {0}")
    @CsvSource(delimiter = '|', value = {
            "http://shop.example/       | a=1; Domain=other.example",
            "http://shop.example/       | a=1; Domain=www.shop.example",
            "http://127.0.0.1/          | a=1; Domain=0.0.1",
            "http://shop.example/       | a=1; Secure",
            "http://shop.example/       | =novalue",
    })
    void aCookieForAnotherSiteOrSecureOverPlainHttpIsRefused(String from, String setCookie) {
        CookieJar jar = jar();
        jar.store(uri(from), List.of(setCookie));

        assertThat(jar.size()).isZero();
    }

    @Test
    void aSecureCookieSetOverHttpsGoesBackOverHttpsOnly() {
        CookieJar jar = jar();
        jar.store(uri("https://shop.example/"), List.of("s=1; Secure; Path=/", "p=2; Path=/"));

        assertThat(jar.header(uri("https://shop.example/a"))).hasValue("s=1; p=2");
        assertThat(jar.header(uri("http://shop.example/a"))).hasValue("p=2");
    }

    @ParameterizedTest(name = "cookie path {0}, request path {1}: sent {2}")
    @CsvSource({
            "/,          /anything,    true",
            "/cart,      /cart,        true",
            "/cart,      /cart/view,   true",
            "/cart/,     /cart/view,   true",
            "/cart,      /cartoon,     false",
            "/cart,      /,            false",
    })
    void pathsMatchAsRfc6265Says(String cookiePath, String requestPath, boolean sent) {
        CookieJar jar = jar();
        jar.store(uri("http://shop.example/"), List.of("c=1; Path=" + cookiePath));

        assertThat(jar.header(uri("http://shop.example" + requestPath)).isPresent()).isEqualTo(sent);
    }

    @Test
    void withoutAPathACookieIsForTheDirectoryOfThePageThatSetIt() {
        CookieJar jar = jar();
        jar.store(uri("http://shop.example/account/login?next=/"), List.of("c=1"));

        assertThat(jar.header(uri("http://shop.example/account/orders"))).hasValue("c=1");
        assertThat(jar.header(uri("http://shop.example/p/1"))).isEmpty();
    }

    @Test
    void maxAgeExpiresACookieOnTheJarsClock() {
        CookieJar jar = jar();
        jar.store(uri("http://shop.example/"), List.of("consent=yes; Max-Age=60; Path=/"));

        now.set(now.get().plusSeconds(59));
        assertThat(jar.header(uri("http://shop.example/"))).hasValue("consent=yes");
        now.set(now.get().plusSeconds(1));
        assertThat(jar.header(uri("http://shop.example/"))).isEmpty();
        assertThat(jar.size()).isZero();
    }

    @Test
    void maxAgeZeroOrAnExpiryInThePastDeletesTheCookie() {
        CookieJar jar = jar();
        jar.store(uri("http://shop.example/"), List.of("a=1; Path=/", "b=2; Path=/"));
        jar.store(uri("http://shop.example/"), List.of("a=; Max-Age=0; Path=/", "b=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/"));

        assertThat(jar.header(uri("http://shop.example/"))).isEmpty();
        assertThat(jar.size()).isZero();
        assertThat(jar.bytes()).isZero();
    }

    @Test
    void aNewValueReplacesTheOldOne() {
        CookieJar jar = jar();
        jar.store(uri("http://shop.example/"), List.of("session=old; Path=/"));
        jar.store(uri("http://shop.example/"), List.of("session=new; Path=/"));

        assertThat(jar.header(uri("http://shop.example/"))).hasValue("session=new");
        assertThat(jar.size()).isOne();
    }

    @Test
    void aHostKeepsAtMostItsCountDroppingItsOldestCookie() {
        CookieJar jar = new CookieJar(3, 1024 * 1024, clock);
        for (int i = 1; i <= 5; i++) {
            jar.store(uri("http://shop.example/"), List.of("c" + i + "=" + i + "; Path=/"));
        }

        assertThat(jar.header(uri("http://shop.example/"))).hasValue("c3=3; c4=4; c5=5");
    }

    @Test
    void aCookieLargerThanFourKilobytesIsRefused() {
        CookieJar jar = jar();
        jar.store(uri("http://shop.example/"), List.of("big=" + "x".repeat(CookieJar.MAX_COOKIE_BYTES) + "; Path=/"));

        assertThat(jar.size()).isZero();
    }

    @Test
    void theLeastRecentlyUsedHostsCookiesGoFirstWhenTheJarIsFull() {
        // Room for about two hosts' cookies of 1000 bytes each.
        CookieJar jar = new CookieJar(50, 2300, clock);
        String value = "v".repeat(1000);
        jar.store(uri("http://a.example/"), List.of("s=" + value + "; Path=/"));
        jar.store(uri("http://b.example/"), List.of("s=" + value + "; Path=/"));
        jar.header(uri("http://a.example/"));  // a is used again: b is now the least recent
        jar.store(uri("http://c.example/"), List.of("s=" + value + "; Path=/"));

        assertThat(jar.header(uri("http://a.example/"))).isPresent();
        assertThat(jar.header(uri("http://b.example/"))).isEmpty();
        assertThat(jar.header(uri("http://c.example/"))).isPresent();
        assertThat(jar.bytes()).isLessThanOrEqualTo(2300);
    }

    @Test
    void anOffJarKeepsNothing() {
        CookieJar jar = CookieJar.off();
        jar.store(uri("http://shop.example/"), List.of("session=abc; Path=/"));

        assertThat(jar.header(uri("http://shop.example/"))).isEmpty();
        assertThat(jar.size()).isZero();
    }

    @Test
    void itsDescriptionNeverShowsACookieValue() {
        CookieJar jar = jar();
        jar.store(uri("http://shop.example/"), List.of("session=s3cr3t-token; Path=/"));

        assertThat(jar.toString()).doesNotContain("s3cr3t-token");
    }
}

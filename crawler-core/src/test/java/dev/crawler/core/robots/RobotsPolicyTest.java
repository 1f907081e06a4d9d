package dev.crawler.core.robots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.fetch.FailureClass;
import dev.crawler.core.fetch.FetchOutcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What one fetch of robots.txt decides. Only a robots.txt that was read can disallow a URL; one that
 * could not be read leaves the host waiting, whatever went wrong.
 */
class RobotsPolicyTest {
    private static final URI ROBOTS = URI.create("http://shop.example:80/robots.txt");
    private static final RobotsPolicy POLICY = new RobotsPolicy("ProductCrawler");

    private static FetchOutcome.Response response(int status, String body) {
        return new FetchOutcome.Response(ROBOTS, status, Map.of("content-type", "text/plain"),
                body.getBytes(StandardCharsets.UTF_8), 1_000_000L);
    }

    @Test
    void aCrawlDelayOfAnHourIsReadAsItIsAndDisallowsNothingItDoesNotSay() {
        RobotsPolicy.Decision decision = POLICY.decide(response(200, "User-agent: *\nCrawl-delay: 3600\nDisallow: /private/\n"));

        assertThat(decision).isInstanceOfSatisfying(RobotsPolicy.Decision.Rules.class, rules -> {
            assertThat(rules.rules().getCrawlDelay()).isEqualTo(3_600_000L);
            assertThat(rules.rules().isAllowed("http://shop.example:80/landing")).isTrue();
            assertThat(rules.rules().isAllowed("http://shop.example:80/private/secret")).isFalse();
        });
    }

    @Test
    void aRobotsTxtThatIsNotThereAllowsEverything() {
        assertThat(POLICY.decide(response(404, "gone"))).isInstanceOfSatisfying(RobotsPolicy.Decision.Rules.class,
                rules -> assertThat(rules.rules().isAllowed("http://shop.example:80/anything")).isTrue());
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"500", "503", "429", "302"})
    void aServerErrorARateLimitOrTooManyRedirectsLeavesRobotsTxtUnavailable(int status) {
        assertThat(POLICY.decide(response(status, ""))).isEqualTo(new RobotsPolicy.Decision.Unavailable("HTTP " + status));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CONNECTION_RESET, Unavailable", "PROTOCOL, Unavailable", "TOO_LARGE, Unavailable", "TLS, Unavailable",
            "TIMEOUT, Unreachable", "CONNECT, Unreachable", "DNS, Unreachable", "BLOCKED_ADDRESS, Blocked"})
    void aFailedFetchIsUnavailableUnreachableOrBlockedButNeverRules(FailureClass failure, String expected) {
        RobotsPolicy.Decision decision = POLICY.decide(new FetchOutcome.Failure(ROBOTS, failure, "x"));

        assertThat(decision.getClass().getSimpleName()).isEqualTo(expected);
    }
}

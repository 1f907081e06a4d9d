package dev.crawler.core.robots;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.crawler.core.fetch.FailureClass;
import dev.crawler.core.fetch.FetchOutcome;
import java.util.List;

/**
 * Turns the outcome of fetching {@code /robots.txt} into rules, as RFC 9309 asks: a 2xx is parsed,
 * a 4xx allows everything, and a 5xx (or 429, or a sixth redirect, or a broken connection) is
 * "unavailable", which the caller answers by waiting and trying again, and finally by parking the host
 * with its URLs queued (RFC 9309 asks a crawler not to crawl a site whose robots.txt it cannot read;
 * it does not ask it to forget the site). A server that does not answer at all (DNS, connect,
 * timeout) is "unreachable": the host is failing, and the caller counts it toward parking the host. A
 * host whose address the fetcher refused is "blocked".
 *
 * <p>Rules carry the {@code Crawl-delay} robots.txt asks for, however long: what a delay above the
 * crawl's maximum gets is the scheduler's decision, not a parse failure.
 *
 * <p>Pure: it reads the bytes it is given and touches no socket. Thread-safe.
 */
public final class RobotsPolicy {
    /** RFC 9309 asks crawlers to read at least 500 KiB; more than that is ignored. */
    public static final int MAX_ROBOTS_BYTES = 500 * 1024;

    private final List<String> agentNames;

    public RobotsPolicy(String robotsName) {
        this.agentNames = List.of(robotsName.toLowerCase(java.util.Locale.ROOT));
    }

    /** The decision for one fetch of robots.txt. */
    public sealed interface Decision {
        /** Rules to obey. */
        record Rules(BaseRobotRules rules) implements Decision {
        }

        /** robots.txt could not be read for a reason that may pass (5xx, 429, a broken connection). */
        record Unavailable(String reason) implements Decision {
        }

        /** The server did not answer at all (DNS, connect, timeout): the host itself is failing. */
        record Unreachable(FailureClass failureClass, String reason) implements Decision {
        }

        /** The host resolved to an address the crawl may not connect to; nothing on it will be fetched. */
        record Blocked(String reason) implements Decision {
        }
    }

    public Decision decide(FetchOutcome outcome) {
        if (outcome instanceof FetchOutcome.Failure failure) {
            String reason = failure.failureClass().label() + ": " + failure.message();
            if (failure.failureClass() == FailureClass.BLOCKED_ADDRESS) {
                return new Decision.Blocked(reason);
            }
            return failure.failureClass().hostEffect() == FailureClass.HostEffect.UNANSWERED
                    ? new Decision.Unreachable(failure.failureClass(), reason)
                    : new Decision.Unavailable(reason);
        }
        FetchOutcome.Response response = (FetchOutcome.Response) outcome;
        int status = response.status();
        if (status >= 200 && status < 300) {
            return new Decision.Rules(parse(response));
        }
        if (status == 429 || status >= 500 || (status >= 300 && status < 400)) {
            // A 3xx reaches here only once the loader gave up following redirects (RFC 9309: five hops).
            return new Decision.Unavailable("HTTP " + status);
        }
        return new Decision.Rules(allowAll());
    }

    public static BaseRobotRules allowAll() {
        return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
    }

    private BaseRobotRules parse(FetchOutcome.Response response) {
        byte[] body = response.body();
        if (body.length > MAX_ROBOTS_BYTES) {
            body = java.util.Arrays.copyOf(body, MAX_ROBOTS_BYTES);
        }
        // No ceiling here: given one, the parser answers a longer Crawl-delay with disallow-all, which
        // would settle every URL of the host as denied though robots.txt allows them.
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 5);
        String contentType = response.header("content-type").orElse("text/plain");
        return parser.parseContent(response.uri().toString(), body, contentType, agentNames);
    }
}

package dev.crawler.core.fetch;

import dev.crawler.core.config.ProxyRule;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The {@code fetch.proxies} rules made ready to connect through: credentials read from the
 * environment variables the rules name, and each proxy's own host name resolved. Both happen once,
 * when a fetcher is built, on the thread that builds it (never on an event loop); a missing variable
 * or a proxy name that does not resolve is a configuration error, reported then.
 *
 * <p>Immutable; thread-safe.
 */
public final class ProxyRoutes {
    private static final ProxyRoutes NONE = new ProxyRoutes(List.of());

    private final List<Route> routes;

    private ProxyRoutes(List<Route> routes) {
        this.routes = routes;
    }

    /** Every host directly. */
    public static ProxyRoutes none() {
        return NONE;
    }

    /**
     * Reads the credentials and resolves the proxies of {@code rules}.
     *
     * @param environment the value of an environment variable, or null when it is not set ({@code System::getenv})
     * @throws IllegalArgumentException naming the rule's field, when a variable is not set or a proxy
     *                                  host does not resolve
     */
    public static ProxyRoutes resolve(List<ProxyRule> rules, Function<String, @Nullable String> environment) {
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            ProxyRule rule = rules.get(i);
            String field = "fetch.proxies[" + i + "]";
            if (rule.kind() == ProxyRule.Kind.DIRECT) {
                routes.add(new Route(rule, null, null));
                continue;
            }
            Credentials credentials = rule.hasCredentials()
                    ? new Credentials(variable(environment, rule.usernameEnv(), field + ".usernameEnv"),
                            variable(environment, rule.passwordEnv(), field + ".passwordEnv"))
                    : null;
            routes.add(new Route(rule, address(rule, field), credentials));
        }
        return new ProxyRoutes(List.copyOf(routes));
    }

    /** The route of the first rule that matches {@code host}; empty means directly. */
    public Optional<Route> forHost(String host) {
        for (Route route : routes) {
            if (route.rule().matches(host)) {
                return route.proxy() == null ? Optional.empty() : Optional.of(route);
            }
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return routes.isEmpty();
    }

    /** The rules as {@code pattern -> proxy}, with the variables credentials come from, never the credentials. */
    @Override
    public String toString() {
        return routes.stream().map(route -> route.rule().hostPattern() + " -> " + route).toList().toString();
    }

    private static String variable(Function<String, @Nullable String> environment, String name, String field) {
        String value = environment.apply(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + ": environment variable " + name + " is not set");
        }
        return value;
    }

    /** Resolves the proxy's name now: the bootstrap hands a proxy handler a resolved address, not a name. */
    private static InetSocketAddress address(ProxyRule rule, String field) {
        try {
            return new InetSocketAddress(InetAddress.getByName(rule.proxyHost()), rule.proxyPort());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(field + ".url: the proxy host " + rule.proxyHost() + " does not resolve", e);
        }
    }

    /**
     * One rule, ready.
     *
     * @param proxy       the proxy's resolved address; null for a direct rule
     * @param credentials null when the rule has none
     */
    public record Route(ProxyRule rule, @Nullable InetSocketAddress proxy, @Nullable Credentials credentials) {
        /** For logs and messages: the proxy URL and where its credentials come from, never the credentials. */
        @Override
        public String toString() {
            return rule.url() + (rule.hasCredentials() && credentials != null
                    ? " (user and password from $" + rule.usernameEnv() + " and $" + rule.passwordEnv() + ")" : "");
        }
    }

    /** A proxy user name and password; {@link #toString()} does not show them. */
    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[redacted]";
        }
    }
}

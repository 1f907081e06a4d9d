package dev.crawler.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which proxy the hosts matching a pattern are fetched through. The crawl uses the first rule of
 * {@code fetch.proxies} whose pattern matches the host; a host no rule matches is fetched directly.
 *
 * <p>Credentials are never written in the config: a rule names the <em>environment variables</em>
 * that hold them, and the crawler reads those when it starts. The stored crawl config, the log and
 * {@code status} therefore never hold a password.
 *
 * @param hostPattern {@code *} (every host), {@code shop.example.com} (that host) or
 *     {@code *.example.com} (example.com and its subdomains); case-insensitive, stored lower-case
 * @param url {@code http://HOST:PORT} (an HTTP proxy: plain {@code http} URLs are forwarded to it, {@code https}
 *     ones tunnelled with CONNECT), {@code socks5://HOST:PORT} (a SOCKS5 proxy, which also resolves the
 *     target's name; {@code socks5h://} means the same), or {@code direct} (no proxy, to exempt hosts from a
 *     broader rule after it)
 * @param usernameEnv the environment variable holding the proxy user name, or empty for no credentials
 * @param passwordEnv the environment variable holding the proxy password; given exactly when {@code usernameEnv} is
 */
public record ProxyRule(String hostPattern, String url, String usernameEnv, String passwordEnv) {
    /** The {@code url} that means "no proxy". */
    public static final String DIRECT = "direct";

    private static final Pattern HOST_PATTERN = Pattern.compile(
            "\\*|(?:\\*\\.)?[\\p{L}\\p{N}](?:[\\p{L}\\p{N}_-]*[\\p{L}\\p{N}])?(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}_-]*[\\p{L}\\p{N}])?)*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** What kind of proxy a rule names. */
    public enum Kind {
        DIRECT, HTTP, SOCKS5
    }

    public ProxyRule {
        if (hostPattern == null || !HOST_PATTERN.matcher(hostPattern.strip()).matches()) {
            throw new IllegalArgumentException("hostPattern must be *, a host name such as shop.example.com or a pattern "
                    + "such as *.example.com, got: " + hostPattern);
        }
        hostPattern = hostPattern.strip().toLowerCase(Locale.ROOT);
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url must be http://HOST:PORT, socks5://HOST:PORT or direct, got: " + url);
        }
        url = url.strip();
        // A config file may leave the credentials out, and Jackson then passes null.
        usernameEnv = usernameEnv == null || usernameEnv.isBlank() ? "" : usernameEnv.strip();
        passwordEnv = passwordEnv == null || passwordEnv.isBlank() ? "" : passwordEnv.strip();
        checkUrl(url);
        if (usernameEnv.isEmpty() != passwordEnv.isEmpty()) {
            throw new IllegalArgumentException("usernameEnv and passwordEnv go together: give both or neither");
        }
        for (String name : new String[] {usernameEnv, passwordEnv}) {
            if (!name.isEmpty() && !ENV_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("usernameEnv and passwordEnv name environment variables (letters, digits, _), "
                        + "got: '" + name + "'");
            }
        }
        if (DIRECT.equals(url) && !usernameEnv.isEmpty()) {
            throw new IllegalArgumentException("a direct rule has no credentials");
        }
    }

    /** A rule without credentials. */
    public ProxyRule(String hostPattern, String url) {
        this(hostPattern, url, "", "");
    }

    /** True when this rule applies to {@code host}. */
    public boolean matches(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (hostPattern.equals("*")) {
            return true;
        }
        if (!hostPattern.startsWith("*.")) {
            return lower.equals(hostPattern);
        }
        String domain = hostPattern.substring(2);
        return lower.equals(domain) || lower.endsWith("." + domain);
    }

    public Kind kind() {
        if (DIRECT.equals(url)) {
            return Kind.DIRECT;
        }
        return URI.create(url).getScheme().toLowerCase(Locale.ROOT).startsWith("socks5") ? Kind.SOCKS5 : Kind.HTTP;
    }

    /** The proxy's host name or address literal (IPv6 without brackets); not for a direct rule. */
    public String proxyHost() {
        String host = URI.create(url).getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    public int proxyPort() {
        return URI.create(url).getPort();
    }

    public boolean hasCredentials() {
        return !usernameEnv().isEmpty();
    }

    private static void checkUrl(String url) {
        if (DIRECT.equals(url)) {
            return;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url must be http://HOST:PORT, socks5://HOST:PORT or direct, got: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("socks5") && !scheme.equals("socks5h")) {
            throw new IllegalArgumentException("url must be http://HOST:PORT, socks5://HOST:PORT or direct, got: " + url
                    + (scheme.equals("https") ? " (a TLS connection to the proxy itself is not supported; https sites are "
                    + "tunnelled through an http:// proxy)" : ""));
        }
        if (uri.getRawUserInfo() != null) {
            // Said without echoing the URL: it holds a password.
            throw new IllegalArgumentException("url must not hold credentials; name the environment variables that hold "
                    + "them in usernameEnv and passwordEnv");
        }
        if (uri.getHost() == null || uri.getPort() < 1) {
            throw new IllegalArgumentException("url must name the proxy's host and port, such as socks5://127.0.0.1:1080, got: "
                    + url);
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("url is a proxy's address and has no path, got: " + url);
        }
    }
}

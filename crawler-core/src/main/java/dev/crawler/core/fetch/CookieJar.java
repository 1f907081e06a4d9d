package dev.crawler.core.fetch;

import io.netty.handler.codec.http.cookie.ClientCookieDecoder;
import io.netty.handler.codec.http.cookie.ClientCookieEncoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.util.NetUtil;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The cookies of one crawl run, kept per host, in memory: for shops that set a session or consent
 * cookie before they show prices.
 *
 * <h2>What is kept, and what is sent</h2>
 * <ul>
 *   <li><b>Per host.</b> A cookie is kept for the host whose response set it, and sent back to that
 *       host only, never to another host, not even to a sibling subdomain its {@code Domain} names. A
 *       {@code Domain} that the host is not inside (a cookie "for" another site) is refused.</li>
 *   <li><b>Path</b>: sent to paths under the cookie's {@code Path} (RFC 6265 path-match); without one,
 *       under the directory of the page that set it.</li>
 *   <li><b>Expiry</b>: {@code Max-Age} (or else {@code Expires}) is honoured; a cookie without either
 *       lasts the run; one that has expired, or is set with {@code Max-Age=0}, is deleted.</li>
 *   <li><b>Secure</b>: sent over https only, and refused when set over plain http.</li>
 *   <li><b>Bounds</b>: a cookie whose name and value exceed {@value #MAX_COOKIE_BYTES} bytes is refused;
 *       a host keeps {@code fetch.maxCookiesPerHost} cookies, dropping its oldest for a new one; all hosts
 *       together take at most {@code fetch.maxCookieBytes}, and the least recently used host's cookies
 *       are dropped first. A dropped session cookie costs at most a page fetched as a new visitor.</li>
 * </ul>
 * Nothing is written to disk: a resumed crawl starts without cookies, as a new visitor.
 *
 * <p>Thread-safe: used from the event loops, under this object's monitor, held only for a map
 * update or lookup and never across I/O.
 */
final class CookieJar {
    /** The most bytes of name and value one cookie may have (RFC 6265, section 6.1). */
    static final int MAX_COOKIE_BYTES = 4096;
    /** Bookkeeping per cookie, counted against the jar's memory besides its name, value and path. */
    private static final int OVERHEAD_BYTES = 64;
    private static final CookieJar OFF = new CookieJar(0, 0, InstantSource.system());

    private final int maxPerHost;
    private final long maxBytes;
    private final InstantSource clock;
    /** Host to its cookies, least recently used first. */
    private final LinkedHashMap<String, HostCookies> hosts = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /**
     * @param maxPerHost cookies kept for one host at most
     * @param maxBytes   memory all hosts' cookies may take
     * @param clock      when cookies expire
     */
    CookieJar(int maxPerHost, long maxBytes, InstantSource clock) {
        this.maxPerHost = maxPerHost;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** A jar that keeps nothing and sends nothing: {@code fetch.cookies: off}. */
    static CookieJar off() {
        return OFF;
    }

    private boolean keeps() {
        return maxPerHost > 0;
    }

    /** The {@code Cookie} header for a request to {@code uri}, if any kept cookie applies. */
    Optional<String> header(URI uri) {
        if (!keeps()) {
            return Optional.empty();
        }
        String path = path(uri);
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        long now = clock.millis();
        List<Cookie> matching = new ArrayList<>();
        synchronized (this) {
            HostCookies cookies = hosts.get(host(uri));
            if (cookies == null) {
                return Optional.empty();
            }
            Iterator<StoredCookie> all = cookies.byKey.values().iterator();
            while (all.hasNext()) {
                StoredCookie cookie = all.next();
                if (cookie.expiresAtMillis() <= now) {
                    all.remove();
                    bytes -= cookie.bytes();
                } else if ((secure || !cookie.secure()) && pathMatches(path, cookie.path())) {
                    DefaultCookie sent = new DefaultCookie(cookie.name(), cookie.value());
                    sent.setPath(cookie.path());
                    matching.add(sent);
                }
            }
        }
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        // Longer paths first, as RFC 6265 asks (the lax encoder keeps the order it is given); the sort is stable.
        matching.sort(Comparator.comparingInt((Cookie cookie) -> cookie.path().length()).reversed());
        return Optional.of(ClientCookieEncoder.LAX.encode(matching));
    }

    /** Keeps what the {@code Set-Cookie} headers of a response from {@code uri} set, within the rules above. */
    void store(URI uri, List<String> setCookies) {
        if (!keeps() || setCookies.isEmpty()) {
            return;
        }
        String host = host(uri);
        boolean secureRequest = "https".equalsIgnoreCase(uri.getScheme());
        long now = clock.millis();
        for (String header : setCookies) {
            Cookie cookie = ClientCookieDecoder.LAX.decode(header);
            if (cookie == null || !acceptable(cookie, host, secureRequest)) {
                continue;
            }
            String path = cookie.path() != null && cookie.path().startsWith("/") ? cookie.path() : defaultPath(uri);
            long maxAge = cookie.maxAge();
            if (maxAge != Cookie.UNDEFINED_MAX_AGE && maxAge <= 0) {
                remove(host, new Key(cookie.name(), path));
                continue;
            }
            long expires = maxAge == Cookie.UNDEFINED_MAX_AGE || maxAge > Long.MAX_VALUE / 1000 - now
                    ? Long.MAX_VALUE : now + maxAge * 1000;
            put(host, new StoredCookie(cookie.name(), cookie.value(), path, cookie.isSecure(), expires));
        }
    }

    /** Cookies kept now, in all hosts: for tests. */
    synchronized int size() {
        return hosts.values().stream().mapToInt(cookies -> cookies.byKey.size()).sum();
    }

    /** Bytes the kept cookies are counted as: for tests. */
    synchronized long bytes() {
        return bytes;
    }

    private static boolean acceptable(Cookie cookie, String host, boolean secureRequest) {
        if (cookie.name().length() + cookie.value().length() > MAX_COOKIE_BYTES) {
            return false;
        }
        if (cookie.isSecure() && !secureRequest) {
            return false;
        }
        String domain = cookie.domain();
        if (domain == null || domain.isEmpty()) {
            return true;
        }
        String bare = (domain.startsWith(".") ? domain.substring(1) : domain).toLowerCase(Locale.ROOT);
        boolean literal = NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host);
        return host.equals(bare) || (!literal && host.endsWith("." + bare));
    }

    private synchronized void put(String host, StoredCookie cookie) {
        HostCookies cookies = hosts.computeIfAbsent(host, h -> new HostCookies());
        Key key = new Key(cookie.name(), cookie.path());
        StoredCookie replaced = cookies.byKey.remove(key);
        if (replaced != null) {
            bytes -= replaced.bytes();
        }
        cookies.byKey.put(key, cookie);
        bytes += cookie.bytes();
        while (cookies.byKey.size() > maxPerHost) {
            bytes -= cookies.removeOldest().bytes();
        }
        Iterator<Map.Entry<String, HostCookies>> leastRecent = hosts.entrySet().iterator();
        while (bytes > maxBytes && leastRecent.hasNext()) {
            Map.Entry<String, HostCookies> entry = leastRecent.next();
            if (!entry.getKey().equals(host)) {
                bytes -= entry.getValue().bytes();
                leastRecent.remove();
            }
        }
        while (bytes > maxBytes && !cookies.byKey.isEmpty()) {
            bytes -= cookies.removeOldest().bytes();
        }
    }

    private synchronized void remove(String host, Key key) {
        HostCookies cookies = hosts.get(host);
        StoredCookie removed = cookies == null ? null : cookies.byKey.remove(key);
        if (removed != null) {
            bytes -= removed.bytes();
        }
    }

    private static String host(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String path(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** RFC 6265, section 5.1.4: the directory of the request path. */
    private static String defaultPath(URI uri) {
        String path = path(uri);
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** RFC 6265, section 5.1.4. */
    static boolean pathMatches(String requestPath, String cookiePath) {
        if (requestPath.equals(cookiePath)) {
            return true;
        }
        return requestPath.startsWith(cookiePath)
                && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
    }

    private record Key(String name, String path) {
    }

    /**
     * @param expiresAtMillis epoch milliseconds, {@link Long#MAX_VALUE} for a cookie that lasts the run
     */
    private record StoredCookie(String name, String value, String path, boolean secure, long expiresAtMillis) {
        long bytes() {
            return (long) name.length() + value.length() + path.length() + OVERHEAD_BYTES;
        }
    }

    /** One host's cookies, oldest first. */
    private static final class HostCookies {
        final LinkedHashMap<Key, StoredCookie> byKey = new LinkedHashMap<>();

        StoredCookie removeOldest() {
            Iterator<StoredCookie> oldest = byKey.values().iterator();
            StoredCookie cookie = oldest.next();
            oldest.remove();
            return cookie;
        }

        long bytes() {
            long total = 0;
            for (StoredCookie cookie : byKey.values()) {
                total += cookie.bytes();
            }
            return total;
        }

        @Override
        public String toString() {
            // Values are secrets of a kind (sessions): never printed.
            return byKey.size() + " cookies";
        }
    }

    @Override
    public synchronized String toString() {
        return keeps() ? "CookieJar[" + hosts.size() + " hosts, " + bytes + " bytes]" : "CookieJar[off]";
    }
}

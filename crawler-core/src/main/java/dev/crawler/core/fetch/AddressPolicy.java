package dev.crawler.core.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which hosts may connect to which addresses: the guard against a crawl being led, by a link or a
 * redirect, to an address inside the network it runs in (server-side request forgery).
 *
 * <h2>The rule</h2>
 * A host may resolve to any address when it is <em>trusted</em>: the host of one of the crawl's seeds
 * (an operator chose it, which is how the loopback testbed and an intranet crawl work), or any host
 * at all when {@code scope.allowPrivateAddresses} is on. Every other host must resolve to a
 * {@linkplain #isPublic public} address; otherwise the fetch fails as
 * {@link FailureClass#BLOCKED_ADDRESS} before any connection is made. The check runs on the address
 * DNS actually returned, at connect time, so a public-looking name that resolves inward (DNS
 * rebinding) is caught too.
 *
 * <p>Hosts are compared by name (lower case, without port), since the resolver sees names, not
 * origins: a seed {@code http://10.0.0.5:8080} trusts {@code 10.0.0.5} on every port and scheme.
 *
 * <h2>Through a proxy</h2>
 * A host fetched through a proxy is not resolved here: the proxy resolves it (so the target's name
 * never reaches local DNS), and the address it connects to is the proxy's business. What can be
 * checked without DNS still is, by {@link #permitsWithoutResolving}: an untrusted host given as an
 * address literal must be public, and an untrusted name that can only mean a local or internal host
 * ({@code localhost} and {@code *.localhost}, a name without a dot, {@code *.local},
 * {@code *.internal}, {@code *.home.arpa}) is refused. A public-looking name that resolves inward is
 * then for the proxy to refuse, as outbound proxies usually do. The proxy's own address is the
 * operator's choice and is not checked.
 *
 * <p>Immutable; thread-safe.
 */
public final class AddressPolicy {
    private static final AddressPolicy ALLOW_ALL = new AddressPolicy(Set.of(), true);
    /** Names under these never leave a local network (RFC 6761, RFC 6762, RFC 8375, and common practice). */
    private static final List<String> LOCAL_SUFFIXES = List.of(".localhost", ".local", ".internal", ".home.arpa");

    private final Set<String> trustedHosts;
    private final boolean allowPrivate;

    /**
     * @param trustedHosts host names (or address literals) that may resolve anywhere: the seeds' hosts
     * @param allowPrivate whether every host may resolve anywhere
     */
    public AddressPolicy(Set<String> trustedHosts, boolean allowPrivate) {
        this.trustedHosts = trustedHosts.stream().map(AddressPolicy::normalise).collect(Collectors.toUnmodifiableSet());
        this.allowPrivate = allowPrivate;
    }

    /** No restriction: for fetches an operator asked for by name, such as sitemap seeds. */
    public static AddressPolicy allowAll() {
        return ALLOW_ALL;
    }

    /** Whether {@code host} may be connected to at {@code address}. */
    public boolean permits(String host, InetAddress address) {
        return allowPrivate || isPublic(address) || trustedHosts.contains(normalise(host));
    }

    /**
     * Whether {@code host} may be fetched through a proxy, which resolves it: see "Through a proxy" above.
     * Needs no DNS.
     */
    public boolean permitsWithoutResolving(String host) {
        String name = normalise(host);
        if (allowPrivate || trustedHosts.contains(name)) {
            return true;
        }
        if (NetUtil.isValidIpV4Address(name) || NetUtil.isValidIpV6Address(name)) {
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(name);
            try {
                return bytes != null && isPublic(InetAddress.getByAddress(bytes));
            } catch (UnknownHostException e) {
                // Only thrown for a byte array of the wrong length, which a valid literal never gives.
                return false;
            }
        }
        String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return bare.contains(".") && !bare.equals("localhost") && !LOCAL_SUFFIXES.stream().anyMatch(bare::endsWith);
    }

    /**
     * Whether an address is reachable on the public internet: not loopback, private (RFC 1918, IPv6
     * unique-local), link-local, carrier-grade NAT, "this network", multicast or unspecified.
     */
    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xFF;
            int second = bytes[1] & 0xFF;
            boolean thisNetwork = first == 0;
            boolean carrierNat = first == 100 && second >= 64 && second <= 127;
            boolean broadcast = first == 255;
            return !(thisNetwork || carrierNat || broadcast);
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (bytes[0] & 0xFE) == 0xFC;
            return !uniqueLocal;
        }
        return true;
    }

    private static String normalise(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        // An IPv6 literal may come bracketed from a URL and bare from a socket address.
        return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
    }

    @Override
    public String toString() {
        return allowPrivate ? "AddressPolicy[any address]" : "AddressPolicy[public addresses; trusted " + trustedHosts + "]";
    }
}

package dev.crawler.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {
    private final AddressPolicy seedsOnly = new AddressPolicy(Set.of("127.0.3.1", "intranet.example", "[fd00::1]"), false);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "0.0.0.0", "100.64.0.1", "100.127.255.255", "224.0.0.1", "255.255.255.255",
            "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"})
    void nonPublicAddressesAreRecognised(String literal) throws Exception {
        assertThat(AddressPolicy.isPublic(InetAddress.getByName(literal))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2606:4700::1111"})
    void publicAddressesAreRecognised(String literal) throws Exception {
        assertThat(AddressPolicy.isPublic(InetAddress.getByName(literal))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "127.0.3.1, 127.0.3.1, true",
            "INTRANET.example, 10.0.0.5, true",
            "fd00::1, fd00::1, true",
            "127.0.3.6, 127.0.3.6, false",
            "shop.example, 192.168.0.10, false",
            "shop.example, 93.184.216.34, true"})
    void onlySeedHostsMayResolveToPrivateAddresses(String host, String address, boolean permitted) throws Exception {
        assertThat(seedsOnly.permits(host, InetAddress.getByName(address))).isEqualTo(permitted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "169.254.169.254"})
    void allowingPrivateAddressesLetsEveryHostUseThem(String address) throws Exception {
        assertThat(new AddressPolicy(Set.of(), true).permits("anything.example", InetAddress.getByName(address))).isTrue();
        assertThat(AddressPolicy.allowAll().permits("anything.example", InetAddress.getByName(address))).isTrue();
    }

    /** Through a proxy nothing is resolved: literals and names that only ever mean a local host are judged as written. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "shop.example,         true",
            "www.shop.example.,    true",
            "93.184.216.34,        true",
            "2606:4700::1111,      true",
            "127.0.3.1,            true",
            "intranet.example,     true",
            "[fd00::1],            true",
            "127.0.3.6,            false",
            "10.1.2.3,             false",
            "[::1],                false",
            "::ffff:10.0.0.1,      false",
            "localhost,            false",
            "LOCALHOST.,           false",
            "admin.localhost,      false",
            "intranet,             false",
            "printer.local,        false",
            "db.internal,          false",
            "router.home.arpa,     false"})
    void throughAProxyOnlyWhatNeedsNoDnsIsChecked(String host, boolean permitted) {
        assertThat(seedsOnly.permitsWithoutResolving(host)).isEqualTo(permitted);
        assertThat(AddressPolicy.allowAll().permitsWithoutResolving(host)).isTrue();
    }
}

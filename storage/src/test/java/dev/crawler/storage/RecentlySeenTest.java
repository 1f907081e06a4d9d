package dev.crawler.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentlySeenTest {

    @Test
    void aFingerprintIsKnownOnceAddedAndNoOtherIs() {
        RecentlySeen recent = new RecentlySeen(1024);
        byte[] added = UrlFingerprint.of("http://shop.example/p/1");

        recent.add(added);

        assertThat(recent.contains(UrlFingerprint.of("http://shop.example/p/1"))).isTrue();
        assertThat(recent.contains(UrlFingerprint.of("http://shop.example/p/2"))).isFalse();
    }

    @Test
    void theMostRecentFingerprintsAreKeptWhenMoreArriveThanItHolds() {
        RecentlySeen recent = new RecentlySeen(1024);
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            byte[] fingerprint = UrlFingerprint.of("http://shop.example/p/" + i);
            all.add(fingerprint);
            recent.add(fingerprint);
        }

        long keptOfLast100 = all.subList(9_900, 10_000).stream().filter(recent::contains).count();
        long keptOfAll = all.stream().filter(recent::contains).count();
        assertThat(keptOfLast100).as("the newest entry of a set is never the one replaced").isGreaterThanOrEqualTo(95);
        assertThat(keptOfAll).as("bounded by its capacity").isLessThanOrEqualTo(1024);
    }

    @Test
    void anAllZeroFingerprintIsNeverMistakenForAnEmptySlot() {
        RecentlySeen recent = new RecentlySeen(16);

        assertThat(recent.contains(new byte[16])).isFalse();
        recent.add(new byte[16]);
        assertThat(recent.contains(new byte[16])).isFalse();
    }
}

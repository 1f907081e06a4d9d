package dev.crawler.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostStateTest {
    private static final String A = "http://127.0.1.1:8080";
    private static final String B = "http://127.0.1.2:8080";
    private static final Instant AT = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path temp;

    @Test
    void aHostIsParkedOnceWhateverTimesItIsParkedAndForgottenWhenItAnswers() throws Exception {
        try (StoreDb db = PartDb.open(temp)) {
            HostState hosts = new HostState(db);
            StoreBatch parked = new StoreBatch();
            hosts.park(parked, new ParkedHost(B, "connect: Connection refused", 3, AT));
            hosts.park(parked, new ParkedHost(A, "robots.txt: HTTP 500", 0, AT));
            hosts.park(parked, new ParkedHost(B, "connect: timed out", 6, AT.plusSeconds(60)));
            assertThat(parked.counterDeltas()).as("each parking is counted").containsEntry(Counters.HOSTS_PARKED, 3L);
            PartDb.write(db, parked);

            assertThat(hosts.parkedHosts()).containsExactly(new ParkedHost(A, "robots.txt: HTTP 500", 0, AT),
                    new ParkedHost(B, "connect: timed out", 6, AT.plusSeconds(60)));

            StoreBatch recovered = new StoreBatch();
            hosts.unpark(recovered, A);
            PartDb.write(db, recovered);
            assertThat(hosts.parkedHosts()).extracting(ParkedHost::origin).containsExactly(B);
        }
    }

    @Test
    void aHostKeepsItsLatestPaceApartFromItsParking() throws Exception {
        try (StoreDb db = PartDb.open(temp)) {
            HostState hosts = new HostState(db);
            StoreBatch batch = new StoreBatch();
            hosts.learnPace(batch, new HostPace(A, 2_000, 1, "HTTP 429", AT));
            hosts.learnPace(batch, new HostPace(A, 4_000, 2, "HTTP 429 (Retry-After: 4)", AT.plusSeconds(9)));
            hosts.park(batch, new ParkedHost(A, "pushed back too often", 0, AT));
            PartDb.write(db, batch);

            StoreBatch recovered = new StoreBatch();
            hosts.unpark(recovered, A);
            PartDb.write(db, recovered);

            assertThat(hosts.paces()).containsExactly(new HostPace(A, 4_000, 2, "HTTP 429 (Retry-After: 4)", AT.plusSeconds(9)));
            assertThat(hosts.parkedHosts()).isEmpty();
        }
    }
}

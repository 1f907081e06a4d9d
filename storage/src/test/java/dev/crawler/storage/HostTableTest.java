package dev.crawler.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostTableTest {
    private static final String A = "http://127.0.1.1:8080";
    private static final String B = "http://127.0.1.2:8080";

    @TempDir
    Path temp;

    @Test
    void idsAreHandedOutInOrderOncePerOriginAndReadBackBothWays() throws Exception {
        try (StoreDb db = PartDb.open(temp)) {
            HostTable hosts = new HostTable(db);
            StoreBatch batch = new StoreBatch();
            assertThat(hosts.idFor(batch, A)).isZero();
            assertThat(hosts.idFor(batch, B)).isOne();
            assertThat(hosts.idFor(batch, A)).as("the same origin, later in the same batch").isZero();
            PartDb.write(db, batch);

            HostTable reopened = new HostTable(db);
            assertThat(reopened.id(B)).contains(1);
            assertThat(reopened.origin(0)).isEqualTo(A);
            StoreBatch next = new StoreBatch();
            assertThat(reopened.idFor(next, "http://c:80")).isEqualTo(2);
            next.close();
        }
    }

    @Test
    void anUnknownIdIsRefusedButCanStillBeDescribed() {
        try (StoreDb db = PartDb.open(temp)) {
            HostTable hosts = new HostTable(db);

            assertThat(hosts.id(A)).isEmpty();
            assertThatThrownBy(() -> hosts.origin(7)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7");
            assertThat(hosts.describe(7)).isEqualTo("host #7");
        }
    }
}

package dev.crawler.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeenSetTest {
    private static final String SHOP = "http://127.0.1.1:8080";
    private static final DiscoveredUrl A = new DiscoveredUrl(SHOP + "/a", SHOP, 1, 1);
    private static final DiscoveredUrl B = new DiscoveredUrl(SHOP + "/b", SHOP, 1, 1);

    @TempDir
    Path temp;

    @Test
    void aUrlIsUnseenOnceInAListAndUntilItsAdditionIsWritten() throws Exception {
        try (StoreDb db = PartDb.open(temp)) {
            SeenSet seen = new SeenSet(db);
            List<SeenSet.Unseen> unseen = seen.unseen(List.of(A, A, B));
            assertThat(unseen).extracting(SeenSet.Unseen::url).containsExactly(A, B);

            StoreBatch unwritten = new StoreBatch();
            seen.add(unwritten, unseen.get(0));
            unwritten.close();
            assertThat(new SeenSet(db).unseen(List.of(A))).as("an addition not written is not seen").hasSize(1);

            StoreBatch batch = new StoreBatch();
            seen.add(batch, unseen.get(0));
            PartDb.write(db, batch);
            assertThat(new SeenSet(db).unseen(List.of(A, B))).as("a fresh seen set, with nothing cached, reads the disk")
                    .extracting(SeenSet.Unseen::url).containsExactly(B);
        }
    }

    @Test
    void aUrlAskedAboutOnceIsSeenByTheSameSetWithoutBeingAdded() {
        try (StoreDb db = PartDb.open(temp)) {
            SeenSet seen = new SeenSet(db);
            assertThat(seen.unseen(List.of(A))).hasSize(1);

            // What keeps a URL over its host's budget from being counted again with every page that links it.
            assertThat(seen.unseen(List.of(A, B))).extracting(SeenSet.Unseen::url).containsExactly(B);
            assertThat(new SeenSet(db).unseen(List.of(A))).as("the cache does not outlive the set").hasSize(1);
        }
    }

    @Test
    void aUrlIsKnownByItsTextAloneWhateverHostItIsQueuedUnder() {
        try (StoreDb db = PartDb.open(temp)) {
            List<SeenSet.Unseen> unseen = new SeenSet(db).unseen(List.of(A, new DiscoveredUrl(SHOP + "/a", "http://other:80", 3, 3)));

            assertThat(unseen).singleElement().satisfies(url -> assertThat(url.fingerprint()).hasSize(16));
        }
    }
}

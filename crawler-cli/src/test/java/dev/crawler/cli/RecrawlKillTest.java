package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.storage.ChangeEvent;
import dev.crawler.storage.Counters;
import dev.crawler.testbed.ChangeTruth;
import dev.crawler.testbed.EpochConfig;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recrawl killed with SIGKILL in a child JVM, partway through recording changes, and then finished
 * by {@code crawler resume} and by running {@code crawler recrawl} again, records every true change
 * exactly once: the events are written in the batch that updates the records they compare.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RecrawlKillTest {
    private static final String[] FAST = {"--delay", "0", "--per-host", "4", "--adaptive-delay", "0"};

    @TempDir
    Path temp;

    @Test
    void aRecrawlKilledMidwayThenResumedRecordsEveryChangeExactlyOnce() throws Exception {
        EpochConfig epochs = EpochConfig.defaults().withShares(0.25, 0.1, 0.02, 0.02, 0.02);
        try (Testbed testbed = Testbed.start(TestbedConfig.defaults().withShops(3).withProductsPerShop(150).withEpochs(epochs))) {
            Path dir = temp.resolve("crawl");
            Path seeds = Files.write(temp.resolve("seeds.txt"), testbed.homePages().stream().map(URI::toString).toList());
            Cli.succeed("crawl", seeds.toString(), "--dir", dir.toString(), "--delay", "0", "--per-host", "4", "--adaptive-delay", "0");
            testbed.advanceEpoch();
            ChangeTruth truth = testbed.changes(0, 1);
            Instant started = Instant.now();

            Process child = Cli.start(temp, "recrawl", List.of(), "recrawl", "--dir", dir.toString(), "--now", "--delay", "30ms",
                    "--per-host", "1", "--adaptive-delay", "0");
            try {
                Eventually.await("the child to record some changes", Duration.ofSeconds(60),
                        () -> StoredCounters.read(dir, Counters.CHANGES) >= 10);
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            long beforeResume = StoredCounters.read(dir, Counters.CHANGES);
            assertThat(beforeResume).as("killed partway").isLessThan(truth.changes().size());

            Cli.succeed(concat("resume", "--dir", dir.toString()));
            Cli.Result again = Cli.succeed(concat("recrawl", "--dir", dir.toString()));
            assertThat(again.err()).as("nothing is due again so soon").contains("Revisiting 0 pages");

            List<ChangeEvent> events = RecrawlTest.changesSince(dir, started);
            Set<String> recorded = events.stream().map(e -> RecrawlTest.key(e.url(), e.field().name(), e.oldValue(), e.newValue()))
                    .collect(Collectors.toSet());
            Set<String> expected = truth.changes().stream()
                    .map(c -> RecrawlTest.key(c.url(), c.field().name(), c.oldValue(), c.newValue())).collect(Collectors.toSet());
            assertThat(events).as("no change recorded twice").hasSameSizeAs(recorded);
            assertThat(recorded).as("every change, and only those, after %d were recorded before the kill", beforeResume)
                    .isEqualTo(expected);
            assertThat(StoredCounters.read(dir, Counters.CHANGES)).isEqualTo(expected.size());
            System.out.printf("RecrawlKillTest: killed after %d of %d changes; after resume %d recorded, none twice%n",
                    beforeResume, expected.size(), recorded.size());
        }
    }

    private static String[] concat(String... args) {
        String[] all = new String[args.length + FAST.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(FAST, 0, all, args.length, FAST.length);
        return all;
    }
}

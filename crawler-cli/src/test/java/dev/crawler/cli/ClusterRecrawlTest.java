package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.cluster.KafkaBroker;
import dev.crawler.testbed.ChangeTruth;
import dev.crawler.testbed.EpochConfig;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Price monitoring of a cluster crawl: two members crawl a world, then revisit it as it changes: both
 * together; one of them alone, which takes the other's part of the crawl over during its run (its
 * pages' schedules and validators from the state topic, its products from the products topic); and
 * both again, one SIGKILLed partway, the other finishing its part; and both watching, until
 * {@code crawler stop --cluster} ends both watches. Each time the changes the cluster exports, from its
 * history topic, are the testbed's own account of what changed: each true change once, nothing that did
 * not happen.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ClusterRecrawlTest {
    private static final List<String> FAST = List.of("--delay", "0", "--per-host", "4", "--adaptive-delay", "0");
    private static final String CRAWL = "watched";

    @TempDir
    Path temp;

    @Test
    void membersRevisitTheirPartsAndOneAloneOrSurvivingAKillRevisitsThePartItTakesOverAndWatchesStopOnTheClustersWord() throws Exception {
        EpochConfig epochs = EpochConfig.defaults().withShares(0.08, 0.04, 0.02, 0.02, 0.02).withNoValidatorsEvery(3);
        TestbedConfig world = TestbedConfig.defaults().withShops(6).withProductsPerShop(50).withEpochs(epochs);
        try (KafkaBroker broker = KafkaBroker.start(temp.resolve("broker")); Testbed testbed = Testbed.start(world)) {
            Path seeds = Files.write(temp.resolve("seeds.txt"), testbed.homePages().stream().map(URI::toString).toList());
            // The shortest session timeout a member accepts: a member that is not running loses its part after 6 s.
            Path config = Files.writeString(temp.resolve("cluster.yaml"), "cluster:\n  sessionTimeout: 6s\n");
            List<Process> crawling = new ArrayList<>();
            for (int member = 0; member < 2; member++) {
                List<String> args = new ArrayList<>(List.of("crawl", seeds.toString(), "--dir", dir(member).toString(), "--config",
                        config.toString(), "--cluster", broker.bootstrap(), "--crawl-id", CRAWL, "--partitions", "8"));
                args.addAll(FAST);
                crawling.add(Cli.start(temp, "crawl-" + member, List.of(), args.toArray(String[]::new)));
            }
            awaitSuccess(crawling, "crawl");

            testbed.advanceEpoch();
            Instant together = Instant.now();
            awaitSuccess(List.of(recrawl(0, "together"), recrawl(1, "together")), "together");
            assertRecordedOnce(changesSince(broker, together, "together"), testbed.changes(0, 1), "both members revisiting");

            testbed.advanceEpoch();
            Instant alone = Instant.now();
            awaitSuccess(List.of(recrawl(0, "alone")), "alone");
            assertRecordedOnce(changesSince(broker, alone, "alone"), testbed.changes(1, 2), "one member revisiting alone");
            assertThat(Files.readString(dir(0).resolve("crawler.log")))
                    .as("the member alone took over the other's part, with what its revisits need")
                    .containsPattern("partition \\d+: \\d+ URLs queued and \\d+ settled restored .*with [1-9]\\d* page states; products applied up to offset [1-9]");

            testbed.advanceEpoch();
            Instant killed = Instant.now();
            int logged = testbed.requestLog().size();
            Process survivor = recrawl(0, "killed");
            Process victim = recrawl(1, "killed");
            assertThat(testbed.requestLog().awaitEntries(logged + world.shops() * world.productsPerShop() / 4, Duration.ofMinutes(2)))
                    .as("a quarter of the world revisited").isTrue();
            victim.destroyForcibly();
            assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
            awaitSuccess(List.of(survivor), "killed");
            assertRecordedOnce(changesSince(broker, killed, "killed"), testbed.changes(2, 3), "a member SIGKILLed mid-recrawl");

            testbed.advanceEpoch();
            Instant watched = Instant.now();
            List<Process> watching = List.of(watch(0), watch(1));
            Eventually.await("both watches to finish their first round", Duration.ofMinutes(2),
                    () -> roundsDone("watch-0") && roundsDone("watch-1"));
            Cli.succeed("stop", "--cluster", broker.bootstrap(), "--crawl-id", CRAWL);
            awaitSuccess(watching, "watch");
            for (int member = 0; member < 2; member++) {
                assertThat(Files.readString(temp.resolve("watch-" + member + ".out"))).as("a stop said to the cluster ends a parked watch")
                        .contains("Stopped after");
            }
            assertRecordedOnce(changesSince(broker, watched, "watched"), testbed.changes(3, 4), "both members watching");
            assertThat(Cli.succeed("status", "--cluster", broker.bootstrap(), "--crawl-id", CRAWL).out())
                    .as("the cluster's status counts the history topic").containsPattern("history topic end offsets +[1-9]\\d*");
        }
    }

    private Process recrawl(int member, String phase) throws Exception {
        List<String> args = new ArrayList<>(List.of("recrawl", "--dir", dir(member).toString(), "--now"));
        args.addAll(FAST);
        return Cli.start(temp, phase + "-" + member, List.of(), args.toArray(String[]::new));
    }

    private Process watch(int member) throws Exception {
        List<String> args = new ArrayList<>(List.of("watch", "--dir", dir(member).toString(), "--now"));
        args.addAll(FAST);
        return Cli.start(temp, "watch-" + member, List.of(), args.toArray(String[]::new));
    }

    /** Whether the watch logged as {@code name} has finished a round: it then waits for the next, hours away. */
    private boolean roundsDone(String name) {
        try {
            return Files.readString(temp.resolve(name + ".err")).contains("Round 1:");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private void awaitSuccess(List<Process> processes, String phase) throws Exception {
        for (int i = 0; i < processes.size(); i++) {
            Process process = processes.get(i);
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("%s: member %d finished", phase, i).isTrue();
            assertThat(process.exitValue()).as(Files.readString(temp.resolve(phase + "-" + i + ".err"))).isZero();
        }
    }

    /** The cluster's changes observed since {@code since}, as export --cluster --changes-since writes them (JSON Lines). */
    private List<String> changesSince(KafkaBroker broker, Instant since, String phase) throws Exception {
        Path out = temp.resolve(phase + "-changes.jsonl");
        Cli.succeed("export", "--cluster", broker.bootstrap(), "--crawl-id", CRAWL, "--changes-since", since.toString(),
                "--format", "jsonl", "--out", out.toString());
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            var row = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
            keys.add(RecrawlTest.key(row.get("url").asText(), row.get("field").asText().toUpperCase(java.util.Locale.ROOT),
                    text(row.get("old_value")), text(row.get("new_value"))));
        }
        return keys;
    }

    private static void assertRecordedOnce(List<String> recorded, ChangeTruth truth, String phase) {
        Set<String> truthKeys = new HashSet<>();
        for (ChangeTruth.ProductChange change : truth.changes()) {
            truthKeys.add(RecrawlTest.key(change.url(), change.field().name(), change.oldValue(), change.newValue()));
        }
        assertThat(truthKeys).as("%s: the world changed", phase).hasSizeGreaterThan(10);
        assertThat(recorded).as("%s: each change recorded once", phase).doesNotHaveDuplicates();
        assertThat(new HashSet<>(recorded)).as("%s: changes recorded that did not happen", phase).isSubsetOf(truthKeys);
        assertThat(recorded.size()).as("%s: changes recorded of %d", phase, truthKeys.size())
                .isGreaterThanOrEqualTo((int) Math.ceil(truthKeys.size() * 0.99));
        System.out.printf("ClusterRecrawlTest: %s: %d of %d true changes recorded, each once, none false%n", phase,
                recorded.size(), truthKeys.size());
    }

    private static @org.jspecify.annotations.Nullable String text(com.fasterxml.jackson.databind.JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private Path dir(int member) {
        return temp.resolve("member-" + member);
    }
}

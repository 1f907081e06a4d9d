package dev.crawler.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestbedMainTest {

  @Test
  void parsesEveryOptionInBothForms() {
    TestbedArgs args = TestbedArgs.parse("--shops", "3", "--products=50", "--seed", "-9", "--port", "0",
        "--latency", "250ms", "--page-bytes", "20000-40000", "--per-page=10", "--outside-hosts", "1",
        "--truth", "t.json", "--seeds-out=s.txt", "--faults", "--plain-shops", "2");
    assertThat(args.config()).isEqualTo(new TestbedConfig(3, 50, -9, "127.0.1.", "127.0.2.", 1, 0, 20_000, 40_000,
        Duration.ofMillis(250), 10, 2));
    assertThat(args.truth()).contains(Path.of("t.json"));
    assertThat(args.seedsOut()).contains(Path.of("s.txt"));
    assertThat(args.faults()).isTrue();
    assertThat(args.help()).isFalse();
  }

  @Test
  void sitemapsAndTheRobotsLatencyAreOptIn() {
    TestbedConfig config = TestbedArgs.parse("--sitemaps", "--robots-latency=2s").config();
    assertThat(config.sitemaps()).isTrue();
    assertThat(config.robotsLatency()).isEqualTo(Duration.ofSeconds(2));
    assertThat(TestbedConfig.defaults().sitemaps()).isFalse();
    assertThat(TestbedConfig.defaults().robotsLatency()).isZero();
  }

  @Test
  void plainShopsMayComeBeforeTheShopCountTheyAreBoundedBy() {
    assertThat(TestbedArgs.parse("--plain-shops", "5", "--shops", "6").config().plainShops()).isEqualTo(5);
    assertThatThrownBy(() -> TestbedArgs.parse("--plain-shops=3", "--shops=2"))
        .hasMessage("--plain-shops must be between 0 and the number of shops (2) but was 3");
  }

  @Test
  void noArgumentsMeanTheDefaults() {
    TestbedArgs args = TestbedArgs.parse();
    assertThat(args.config()).isEqualTo(TestbedConfig.defaults());
    assertThat(args.truth()).isEmpty();
    assertThat(args.faults()).isFalse();
    assertThat(TestbedArgs.parse("--help").help()).isTrue();
  }

  @Test
  void acceptsTheUsualDurationForms() {
    assertThat(TestbedArgs.duration("--latency", "0ms")).isZero();
    assertThat(TestbedArgs.duration("--latency", "0")).isZero();
    assertThat(TestbedArgs.duration("--latency", "1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(TestbedArgs.duration("--latency", "2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(TestbedArgs.duration("--latency", "PT0.25S")).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void badArgumentsGiveOneLineMessagesNamingThem() {
    List<String[]> bad = List.of(new String[] {"--shops", "many"}, new String[] {"--bogus", "1"},
        new String[] {"--latency", "soon"}, new String[] {"--truth"}, new String[] {"--shops", "0"},
        new String[] {"--page-bytes", "5"}, new String[] {"--plain-shops", "5"},
        new String[] {"--plain-shops", "-1"}, new String[] {"--plain-shops", "some"},
        new String[] {"--epoch", "-1"}, new String[] {"--epoch", "1001"}, new String[] {"--changes-since", "1"},
        new String[] {"--no-validators-every", "-2"});
    for (String[] args : bad) {
      assertThatThrownBy(() -> TestbedArgs.parse(args)).isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")
              .containsAnyOf(args[0], args[0].substring(2)));
    }
  }

  @Test
  void startWritesTruthAndSeedsThenPrintsOneReadyLine(@TempDir Path dir) throws IOException {
    Path truth = dir.resolve("out/truth.json");
    Path seeds = dir.resolve("seeds.txt");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    AtomicBoolean filesWereThereBeforeReady = new AtomicBoolean();
    TestbedArgs args = TestbedArgs.parse("--shops", "2", "--products", "10", "--truth", truth.toString(),
        "--seeds-out", seeds.toString(), "--faults");
    try (TestbedMain.Running running = TestbedMain.start(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
        r -> filesWereThereBeforeReady.set(Files.exists(truth) && Files.exists(seeds) && stdout.size() == 0))) {
      int port = running.testbed().port();
      assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("READY port=" + port + " shops=2"
          + System.lineSeparator());
      assertThat(filesWereThereBeforeReady).isTrue();
      assertThat(Files.readAllLines(seeds)).containsExactly("http://127.0.1.1:" + port + "/",
          "http://127.0.1.2:" + port + "/");
      assertThat(GroundTruth.readJson(truth)).isEqualTo(running.testbed().groundTruth());
      assertThat(running.faults()).hasValueSatisfying(f -> assertThat(f.port()).isEqualTo(port));
      assertThat(new WebClient().get(running.faults().orElseThrow().uri(Fault.SERVER_ERROR)).statusCode())
          .isEqualTo(500);
    }
  }

  @Test
  void epochOptionsChooseTheEpochTheChangesAndTheShopsWithoutValidators() {
    TestbedArgs args = TestbedArgs.parse("--epoch", "3", "--changes=c.json", "--changes-since", "1",
        "--no-validators-every", "2");
    assertThat(args.epoch()).isEqualTo(3);
    assertThat(args.changes()).contains(Path.of("c.json"));
    assertThat(args.changesSince()).isEqualTo(1);
    assertThat(args.config().epochs()).isEqualTo(EpochConfig.defaults().withNoValidatorsEvery(2));
    assertThat(TestbedArgs.parse().epoch()).isZero();
    assertThat(TestbedArgs.parse().changesSince()).isZero();
  }

  @Test
  void startServesTheAskedEpochAndWritesItsTruthAndChanges(@TempDir Path dir) throws IOException {
    Path truth = dir.resolve("truth.json");
    Path changes = dir.resolve("changes.json");
    Path requests = dir.resolve("requests.tsv");
    TestbedArgs args = TestbedArgs.parse("--shops", "2", "--products", "40", "--epoch", "2", "--changes-since", "1",
        "--changes", changes.toString(), "--truth", truth.toString(), "--request-log", requests.toString());
    try (TestbedMain.Running running = TestbedMain.start(args, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), r -> { })) {
      Testbed testbed = running.testbed();
      assertThat(testbed.epoch()).isEqualTo(2);
      assertThat(GroundTruth.readJson(truth)).isEqualTo(testbed.groundTruth(2));
      assertThat(ChangeTruth.readJson(changes)).isEqualTo(testbed.changes(1, 2));
      String page = testbed.groundTruth().products().get(0).url();
      WebClient client = new WebClient();
      client.get(page, "If-None-Match", client.get(page).headers().firstValue("ETag").orElseThrow());
    }
    assertThat(Files.readAllLines(requests)).first().isEqualTo("host\tmethod\tpath\tstart_ns\tend_ns\tstatus\tconditional");
    assertThat(Files.readAllLines(requests)).last().asString().endsWith("\t304\ttrue");
  }
}

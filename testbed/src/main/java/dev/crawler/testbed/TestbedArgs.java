package dev.crawler.testbed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of {@link TestbedMain}, parsed by hand. Options take their value as the next
 * argument or after {@code =}: {@code --shops 4} or {@code --shops=4}.
 *
 * @param requestLog where to write the request log (TSV) when the testbed stops, for benchmarks that
 *     judge politeness from the server's side
 * @param faults also start a {@link FaultShop} on the same port
 * @param epoch the epoch to serve from the start; the ground truth written is that epoch's
 * @param changes where to write the {@link ChangeTruth} from {@code changesSince} to {@code epoch}
 * @param changesSince the earlier epoch of {@code changes}; at most {@code epoch}
 * @param help print usage and exit
 */
record TestbedArgs(TestbedConfig config, Optional<Path> truth, Optional<Path> seedsOut, Optional<Path> requestLog,
    boolean faults, int epoch, Optional<Path> changes, int changesSince, boolean help) {

  TestbedArgs {
    EpochConfig.checkEpoch("--epoch", epoch);
    if (changesSince < 0 || changesSince > epoch) {
      throw new IllegalArgumentException("--changes-since must be between 0 and --epoch (" + epoch + ") but was "
          + changesSince);
    }
  }

  static final String USAGE = String.join("\n",
      "usage: java -jar testbed-all.jar [options]",
      "  --shops N            number of shops (default 4)",
      "  --products N         products per shop (default 200)",
      "  --seed N             seed for names, prices, sizes and links (default 42)",
      "  --port N             port for every address, 0 = pick a free one (default 0)",
      "  --latency D          delay before each response: 0ms, 250ms, 2s, PT0.5S (default 0ms)",
      "  --page-bytes MIN-MAX product page size range (default 30000-80000)",
      "  --per-page N         products per category page (default 24)",
      "  --outside-hosts N    out-of-scope hosts the shops link to (default 2)",
      "  --plain-shops N      how many of the shops (the last N) carry no structured data (default 0)",
      "  --sitemaps           robots.txt lists a sitemap index; its sitemaps list every product page",
      "  --robots-latency D   extra delay before robots.txt and sitemaps are answered (default 0ms)",
      "  --epoch N            serve the world as it is N epochs on (default 0, the generated catalogue)",
      "  --no-validators-every N  every Nth shop sends no ETag/Last-Modified and never 304 (default 0: none)",
      "  --changes FILE       write the true changes from --changes-since to --epoch as JSON",
      "  --changes-since N    the earlier epoch of --changes (default 0)",
      "  --truth FILE         write the ground truth as JSON",
      "  --seeds-out FILE     write one home page URL per line",
      "  --request-log FILE   on shutdown, write every request as TSV: host, method, path, start ns, end ns, status,",
      "                       conditional (true when it carried If-None-Match or If-Modified-Since)",
      "  --faults             also serve the fault shop (127.0.3.1-6) on the same port",
      "  --help               print this and exit",
      "Prints \"READY port=PORT shops=N\" when listening; runs until SIGTERM or SIGINT.");

  private static final Set<String> VALUED = Set.of("--shops", "--products", "--seed", "--port", "--latency",
      "--per-page", "--outside-hosts", "--plain-shops", "--page-bytes", "--truth", "--seeds-out", "--request-log",
      "--robots-latency", "--epoch", "--no-validators-every", "--changes", "--changes-since");

  /** @throws IllegalArgumentException with a one-line message naming the bad argument */
  static TestbedArgs parse(String... args) {
    TestbedConfig config = TestbedConfig.defaults();
    Optional<Path> truth = Optional.empty();
    Optional<Path> seedsOut = Optional.empty();
    Optional<Path> requestLog = Optional.empty();
    boolean faults = false;
    int epoch = 0;
    Optional<Path> changes = Optional.empty();
    int changesSince = 0;
    // Applied after the loop: its bound is --shops, which may come later on the line.
    Optional<Integer> plainShops = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (name.equals("--help") || name.equals("-h")) {
        return new TestbedArgs(config, truth, seedsOut, requestLog, faults, 0, Optional.empty(), 0, true);
      }
      if (name.equals("--faults")) {
        faults = true;
        continue;
      }
      if (name.equals("--sitemaps")) {
        config = config.withSitemaps(true);
        continue;
      }
      if (!VALUED.contains(name)) {
        throw new IllegalArgumentException("unknown option " + name + " (try --help)");
      }
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException(name + " needs a value");
      }
      switch (name) {
        case "--shops" -> config = config.withShops(integer(name, value));
        case "--products" -> config = config.withProductsPerShop(integer(name, value));
        case "--seed" -> config = config.withSeed(longValue(name, value));
        case "--port" -> config = config.withPort(integer(name, value));
        case "--latency" -> config = config.withLatency(duration(name, value));
        case "--robots-latency" -> config = config.withRobotsLatency(duration(name, value));
        case "--per-page" -> config = config.withProductsPerCategoryPage(integer(name, value));
        case "--outside-hosts" -> config = config.withOutsideHosts(integer(name, value));
        case "--plain-shops" -> plainShops = Optional.of(integer(name, value));
        case "--page-bytes" -> config = pageBytes(config, name, value);
        case "--truth" -> truth = Optional.of(path(name, value));
        case "--seeds-out" -> seedsOut = Optional.of(path(name, value));
        case "--request-log" -> requestLog = Optional.of(path(name, value));
        case "--epoch" -> epoch = integer(name, value);
        case "--no-validators-every" ->
            config = config.withEpochs(config.epochs().withNoValidatorsEvery(
                Checks.range(name, integer(name, value), 0, 254)));
        case "--changes" -> changes = Optional.of(path(name, value));
        case "--changes-since" -> changesSince = integer(name, value);
        default -> throw new IllegalArgumentException("unknown option " + name + " (try --help)");
      }
    }
    if (plainShops.isPresent()) {
      config = plainShops(config, plainShops.get());
    }
    return new TestbedArgs(config, truth, seedsOut, requestLog, faults, epoch, changes, changesSince, false);
  }

  private static TestbedConfig plainShops(TestbedConfig config, int plainShops) {
    if (plainShops < 0 || plainShops > config.shops()) {
      throw new IllegalArgumentException("--plain-shops must be between 0 and the number of shops (" + config.shops()
          + ") but was " + plainShops);
    }
    return config.withPlainShops(plainShops);
  }

  /** {@code 250ms}, {@code 2s}, {@code 1m}, {@code 0}, or ISO-8601 such as {@code PT0.5S}. */
  static Duration duration(String name, String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (text.startsWith("pt")) {
        return Duration.parse(value.trim());
      }
      if (text.equals("0")) {
        return Duration.ZERO;
      }
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      }
      if (text.endsWith("s")) {
        return Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
      }
      if (text.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
      }
    } catch (RuntimeException e) {
      // Falls through to the one message below, which names the option and shows the forms.
    }
    throw new IllegalArgumentException(name + " must be a duration like 250ms, 2s or PT0.5S but was \"" + value + "\"");
  }

  private static TestbedConfig pageBytes(TestbedConfig config, String name, String value) {
    String[] parts = value.split("[-:]", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(name + " must look like MIN-MAX but was \"" + value + "\"");
    }
    return config.withPageBytes(integer(name, parts[0]), integer(name, parts[1]));
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer but was \"" + value + "\"", e);
    }
  }

  private static long longValue(String name, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer but was \"" + value + "\"", e);
    }
  }

  private static Path path(String name, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " needs a file name");
    }
    return Path.of(value);
  }
}

package dev.crawler.testbed;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code java -jar testbed-0.1.0-SNAPSHOT-all.jar --shops 4 --products 200 --seed 42 --port 0
 * --latency 0ms --plain-shops 1 --truth FILE --seeds-out FILE}: starts the shops (at {@code --epoch N} if given),
 * writes the ground truth, the changes and the seed list if asked, prints exactly one line {@code READY port=PORT shops=N} to stdout, and serves until
 * SIGTERM or SIGINT. Bad arguments print one line to stderr and exit with status 1.
 */
public final class TestbedMain {

  private TestbedMain() {}

  public static void main(String[] args) {
    TestbedArgs parsed;
    try {
      parsed = TestbedArgs.parse(args);
    } catch (IllegalArgumentException e) {
      fail(e.getMessage());
      return;
    }
    if (parsed.help()) {
      System.out.println(TestbedArgs.USAGE);
      return;
    }
    try {
      start(parsed, System.out, running -> Runtime.getRuntime().addShutdownHook(
          new Thread(running::close, "testbed-shutdown")));
      // Serve until the JVM is told to stop; the shutdown hook then closes everything.
      new CountDownLatch(1).await();
    } catch (IOException | IllegalArgumentException e) {
      fail(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What {@link #start} started; closing stops it all. */
  record Running(Testbed testbed, Optional<FaultShop> faults, Optional<Path> requestLog) implements AutoCloseable {
    @Override
    public void close() {
      faults.ifPresent(FaultShop::close);
      testbed.close();
      requestLog.ifPresent(this::writeRequestLog);
    }

    private void writeRequestLog(Path file) {
      StringBuilder tsv = new StringBuilder("host\tmethod\tpath\tstart_ns\tend_ns\tstatus\tconditional\n");
      for (RequestRecord r : testbed.requestLog().entries()) {
        tsv.append(r.host()).append('\t').append(r.method()).append('\t').append(r.pathAndQuery()).append('\t')
            .append(r.startNanos()).append('\t').append(r.endNanos()).append('\t').append(r.status()).append('\t')
            .append(r.conditional()).append('\n');
      }
      try {
        Files.writeString(file, tsv, StandardCharsets.UTF_8);
      } catch (IOException e) {
        System.err.println("testbed: cannot write the request log to " + file + ": " + e.getMessage());
      }
    }
  }

  /**
   * Starts the testbed (and fault shop), writes the files, hands the result to {@code beforeReady}
   * (main registers its shutdown hook there), then prints the READY line. Everything started is
   * closed again if a later step fails.
   */
  static Running start(TestbedArgs args, PrintStream out, Consumer<Running> beforeReady) throws IOException {
    Testbed testbed = Testbed.start(args.config());
    Optional<FaultShop> faults = Optional.empty();
    try {
      testbed.advanceTo(args.epoch());
      if (args.faults()) {
        faults = Optional.of(Testbed.startFaults(FaultConfig.defaults().withPort(testbed.port())));
      }
      if (args.truth().isPresent()) {
        testbed.groundTruth().writeJson(args.truth().get());
      }
      if (args.changes().isPresent()) {
        testbed.changes(args.changesSince(), args.epoch()).writeJson(args.changes().get());
      }
      if (args.seedsOut().isPresent()) {
        writeSeeds(args.seedsOut().get(), testbed);
      }
    } catch (IOException | RuntimeException e) {
      faults.ifPresent(FaultShop::close);
      testbed.close();
      throw e;
    }
    Running running = new Running(testbed, faults, args.requestLog());
    beforeReady.accept(running);
    out.println("READY port=" + testbed.port() + " shops=" + testbed.shopHosts().size());
    out.flush();
    return running;
  }

  private static void writeSeeds(Path file, Testbed testbed) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    String lines = testbed.homePages().stream().map(URI::toString).collect(Collectors.joining("\n", "", "\n"));
    Files.writeString(file, lines, StandardCharsets.UTF_8);
  }

  private static void fail(String message) {
    System.err.println("testbed: " + message);
    System.err.flush();
    System.exit(1);
  }
}

package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.storage.Counters;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, "the end tells the truth": a run that parks a host ends saying so in its last line, with
 * exit code 4 and the host's URLs still queued; a resume tries the parked host again, and once it
 * answers the crawl ends done, with exit code 0, and the host no longer listed as parked.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class UnfinishedRunTest {
    @TempDir
    Path temp;

    @Test
    void aRunThatParksAHostSaysSoLastAndExits4AndAResumeFinishesItOnceTheHostIsBack() throws Exception {
        int port = freePortOn("127.0.1.1");
        String shop = "http://127.0.1.1:" + port;
        Path seeds = Files.writeString(temp.resolve("seeds.txt"), shop + "/\n");
        // Short retry waits, so the host fails its robots.txt often enough to be parked within a second or two.
        Path config = Files.writeString(temp.resolve("crawl.yaml"), "fetch:\n  retryBackoffBase: 50ms\n  retryBackoffMax: 400ms\n");
        Path dir = temp.resolve("crawl");

        Cli.Result crawl = Cli.run("crawl", seeds.toString(), "--dir", dir.toString(), "--config", config.toString(),
                "--delay", "0");

        assertThat(crawl.exitCode()).as(crawl.err()).isEqualTo(ExitCodes.UNFINISHED);
        assertThat(lastLine(crawl.out())).startsWith("Unfinished after ")
                .endsWith(": 0 pages fetched (0.0 pages/s), 0 products stored, 0 failed, 1 still queued "
                        + "(1 host parked, see 'crawler status')");
        assertThat(crawl.out()).contains("Continue with: crawler resume --dir " + dir);
        assertThat(Cli.succeed("status", "--dir", dir.toString()).out()).contains("Parked hosts (1)");

        try (Testbed testbed = Testbed.start(TestbedConfig.defaults().withShops(1).withProductsPerShop(20).withPort(port))) {
            Cli.Result resumed = Cli.run("resume", "--dir", dir.toString());

            assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCodes.OK);
            assertThat(lastLine(resumed.out())).startsWith("Done after ").endsWith(", 0 still queued");
            assertThat(StoredCounters.read(dir, Counters.PRODUCTS)).isEqualTo(testbed.groundTruth().products().size());
            assertThat(Cli.succeed("status", "--dir", dir.toString()).out()).as("the host answers again")
                    .doesNotContain("Parked hosts");
            assertThat(Files.readString(dir.resolve("crawler.log"))).contains(shop + ", parked in an earlier run, answers again");
        }
    }

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }

    /** A port nothing listens on at {@code address}, for now. */
    private static int freePortOn(String address) throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            return socket.getLocalPort();
        }
    }
}

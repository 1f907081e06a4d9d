package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.commit.CrawlCounters;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --max-pages}: the crawl stops at the budget, its progress shows pages of the budget and an
 * ETA, it ends saying it is unfinished (exit code 4), and the command it says to continue with raises
 * the budget (the stored one would stop at once).
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class PageBudgetTest {
    @TempDir
    Path temp;

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void aCrawlAtItsPageBudgetSaysHowToContinueWithALargerOne() throws Exception {
        try (Testbed testbed = Testbed.start(TestbedConfig.defaults().withShops(1).withProductsPerShop(40))) {
            Path seeds = Files.write(temp.resolve("seeds.txt"), testbed.homePages().stream().map(URI::toString).toList());
            Path dir = temp.resolve("crawl");

            Cli.Result crawl = Cli.run("crawl", seeds.toString(), "--dir", dir.toString(), "--delay", "0", "--max-pages", "5");

            assertThat(crawl.exitCode()).as(crawl.err()).isEqualTo(ExitCodes.UNFINISHED);
            assertThat(lastLine(crawl.out())).matches("Unfinished after [0-9.]+ s: 5 pages fetched \\(.*\\), \\d+ products stored, "
                    + "0 failed, \\d+ still queued \\(page budget spent\\)");

            assertThat(StoredCounters.read(dir, CrawlCounters.PAGES_FETCHED)).isEqualTo(5);
            assertThat(crawl.err()).as("the plain progress line, output not being a terminal")
                    .containsPattern("(?m)^\\[\\d+:\\d\\d:\\d\\d\\]  pages 5/5  .* hosts \\d+ active, 0 parked  ETA 0:00:00$");
            assertThat(crawl.out()).contains("The page budget of 5 pages is spent; a resume needs a larger --max-pages (0: no limit).\n"
                    + "Continue with: crawler resume --dir " + dir + " --max-pages 10\n");
            assertThat(Cli.succeed("status", "--dir", dir.toString()).out())
                    .endsWith("Continue with: crawler resume --dir " + dir + " --max-pages 10\n");

            Cli.Result resumed = Cli.run("resume", "--dir", dir.toString(), "--max-pages", "10");

            assertThat(resumed.exitCode()).isEqualTo(ExitCodes.UNFINISHED);
            assertThat(StoredCounters.read(dir, CrawlCounters.PAGES_FETCHED)).isEqualTo(10);
            assertThat(resumed.out()).contains("Continue with: crawler resume --dir " + dir + " --max-pages 20\n");
            assertThat(lastLine(resumed.out())).startsWith("Unfinished after ").contains(": 5 pages fetched")
                    .endsWith("(page budget spent)");
        }
    }
}

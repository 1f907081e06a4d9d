package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad input gets one line that says what is wrong, and an exit code that says what kind of problem. */
class CommandErrorsTest {
    @TempDir
    Path temp;

    @Test
    void aMissingSeedFileIsAUsageError() {
        Cli.Result result = Cli.run("crawl", temp.resolve("nope.txt").toString(), "--dir", temp.resolve("c").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("crawler: seed file " + temp.resolve("nope.txt") + " does not exist\n");
    }

    @Test
    void aSeedFileWithNoUsableUrlIsRefusedAfterNamingEachBadLine() throws Exception {
        Path seeds = Files.writeString(temp.resolve("seeds.txt"), "# nothing here\nftp://x.example/\nshop.example\n");

        Cli.Result result = Cli.run("crawl", seeds.toString(), "--dir", temp.resolve("c").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("line 2: only http and https", "line 3: not an absolute URL", "holds no usable URL");
        assertThat(temp.resolve("c")).doesNotExist();
    }

    @Test
    void strictSeedsRefuseToStartOnAnyBadLine() throws Exception {
        Path seeds = Files.writeString(temp.resolve("seeds.txt"), "http://127.0.0.1:9/\nnot-a-url\n");

        Cli.Result result = Cli.run("crawl", seeds.toString(), "--dir", temp.resolve("c").toString(), "--strict");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("line 2", "has 1 problem(s); fix them or drop --strict");
    }

    @Test
    void resumingAMissingDirectoryIsACrawlDirectoryError() {
        Cli.Result result = Cli.run("resume", "--dir", temp.resolve("nowhere").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CRAWL_DIRECTORY);
        assertThat(result.err()).isEqualTo("crawler: crawl directory " + temp.resolve("nowhere") + " does not exist\n");
    }

    @Test
    void aDirectoryThatIsNotACrawlIsNamedAsSuch() throws Exception {
        Files.createDirectories(temp.resolve("photos"));

        for (String command : new String[] {"resume", "status", "export"}) {
            Cli.Result result = command.equals("export")
                    ? Cli.run(command, "--dir", temp.resolve("photos").toString(), "--out", temp.resolve("x.csv").toString())
                    : Cli.run(command, "--dir", temp.resolve("photos").toString());
            assertThat(result.exitCode()).as(command).isEqualTo(ExitCodes.CRAWL_DIRECTORY);
            assertThat(result.err()).as(command).contains("is not a crawl directory").doesNotContain("Exception");
        }
    }

    @Test
    void aBadDelayNamesTheAcceptedForms() throws Exception {
        Path seeds = Files.writeString(temp.resolve("seeds.txt"), "http://127.0.0.1:9/\n");

        Cli.Result result = Cli.run("crawl", seeds.toString(), "--dir", temp.resolve("c").toString(), "--delay", "soon");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("'soon' is not a duration");
    }

    @Test
    void anUnknownExportFormatIsAUsageError() {
        Cli.Result result = Cli.run("export", "--dir", temp.toString(), "--format", "xlsx", "--out", "-");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("unknown export format 'xlsx'");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --per-host      | 0     | crawler: --per-host 0: must be 1..64, was 0
            --adaptive-delay | -1   | crawler: --adaptive-delay -1.0: must be 0..100, was -1.0
            --max-pages     | -5    | crawler: --max-pages -5: must not be negative, was -5
            --max-in-flight | 0     | crawler: --max-in-flight 0: must be 1..100000, was 0
            --max-depth     | -1    | crawler: --max-depth -1: must not be negative
            --user-agent    | ' '   | crawler: --user-agent ' ': must not be blank
            --log-level     | loud  | crawler: --log-level 'loud' is not a level; use error, warn, info, debug or trace
            """)
    void aBadFlagValueNamesTheFlagAndWhatItMustBe(String flag, String value, String message) throws Exception {
        Path seeds = Files.writeString(temp.resolve("seeds.txt"), "http://127.0.0.1:9/\n");

        Cli.Result result = Cli.run("crawl", seeds.toString(), "--dir", temp.resolve("c").toString(), flag, value);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo(message + "\n");
        assertThat(temp.resolve("c")).doesNotExist();
    }

    @Test
    void aMissingConfigFileIsAUsageError() throws Exception {
        Path seeds = Files.writeString(temp.resolve("seeds.txt"), "http://127.0.0.1:9/\n");

        Cli.Result result = Cli.run("crawl", seeds.toString(), "--dir", temp.resolve("c").toString(), "--config", temp.resolve("no.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("crawler: config file " + temp.resolve("no.yaml") + " does not exist\n");
    }

    @Test
    void aSeedLineWithTwoUrlsIsNamedWithItsLine() throws Exception {
        Path seeds = Files.writeString(temp.resolve("seeds.txt"), "http://127.0.0.1:9/ http://127.0.0.1:10/\n");

        Cli.Result result = Cli.run("crawl", seeds.toString(), "--dir", temp.resolve("c").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("crawler: " + seeds + " line 1: a seed line holds one URL and nothing else: "
                + "'http://127.0.0.1:9/ http://127.0.0.1:10/' (skipped)");
    }

    @Test
    void aSeedFileThatIsNotUtf8IsNamedAsSuch() throws Exception {
        Path seeds = Files.write(temp.resolve("seeds.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 'h', 0});

        Cli.Result result = Cli.run("crawl", seeds.toString(), "--dir", temp.resolve("c").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("crawler: seed file " + seeds + " is not UTF-8 text\n");
    }
}

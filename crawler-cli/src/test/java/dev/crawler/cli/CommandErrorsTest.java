package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every bad input gets one line that says what is wrong, and an exit code that says what kind of problem. */
class CommandErrorsTest {
    @TempDir
    Path temp;

    private record Result(int exitCode, String err) {
    }

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = CrawlerMain.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        return new Result(commandLine.execute(args), err.toString());
    }

    @Test
    void aMissingSeedFileIsAUsageError() {
        Result result = run("crawl", temp.resolve("nope.txt").toString(), "--dir", temp.resolve("c").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("crawler: seed file " + temp.resolve("nope.txt") + " does not exist\n");
    }

    @Test
    void aSeedFileWithNoUsableUrlIsRefusedAfterNamingEachBadLine() throws Exception {
        Path seeds = Files.writeString(temp.resolve("seeds.txt"), "# nothing here\nftp://x.example/\nshop.example\n");

        Result result = run("crawl", seeds.toString(), "--dir", temp.resolve("c").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("line 2: only http and https", "line 3: not an absolute URL", "holds no usable URL");
        assertThat(temp.resolve("c")).doesNotExist();
    }

    @Test
    void strictSeedsRefuseToStartOnAnyBadLine() throws Exception {
        Path seeds = Files.writeString(temp.resolve("seeds.txt"), "http://127.0.0.1:9/\nnot-a-url\n");

        Result result = run("crawl", seeds.toString(), "--dir", temp.resolve("c").toString(), "--strict");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("line 2", "has 1 bad line(s)");
    }

    @Test
    void resumingAMissingDirectoryIsACrawlDirectoryError() {
        Result result = run("resume", "--dir", temp.resolve("nowhere").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CRAWL_DIRECTORY);
        assertThat(result.err()).isEqualTo("crawler: crawl directory " + temp.resolve("nowhere") + " does not exist\n");
    }

    @Test
    void aDirectoryThatIsNotACrawlIsNamedAsSuch() throws Exception {
        Files.createDirectories(temp.resolve("photos"));

        for (String command : new String[] {"resume", "status", "export"}) {
            Result result = command.equals("export")
                    ? run(command, "--dir", temp.resolve("photos").toString(), "--out", temp.resolve("x.csv").toString())
                    : run(command, "--dir", temp.resolve("photos").toString());
            assertThat(result.exitCode()).as(command).isEqualTo(ExitCodes.CRAWL_DIRECTORY);
            assertThat(result.err()).as(command).contains("is not a crawl directory").doesNotContain("Exception");
        }
    }

    @Test
    void aBadDelayNamesTheAcceptedForms() throws Exception {
        Path seeds = Files.writeString(temp.resolve("seeds.txt"), "http://127.0.0.1:9/\n");

        Result result = run("crawl", seeds.toString(), "--dir", temp.resolve("c").toString(), "--delay", "soon");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("'soon' is not a duration");
    }

    @Test
    void anUnknownExportFormatIsAUsageError() {
        Result result = run("export", "--dir", temp.toString(), "--format", "xlsx", "--out", "-");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("unknown export format 'xlsx'");
    }
}

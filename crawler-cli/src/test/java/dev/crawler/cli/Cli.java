package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the command line in this JVM, or starts it in a child JVM, for tests. */
final class Cli {
    private Cli() {
    }

    /** What one in-process run printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = CrawlerMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs a command that must succeed; a failure shows what it printed on standard error. */
    static Result succeed(String... args) {
        Result result = run(args);
        assertThat(result.exitCode()).as("crawler %s%n%s", String.join(" ", args), result.err()).isZero();
        return result;
    }

    /** Starts {@code crawler ARGS} in a child JVM on the test classpath, its output going to NAME.out and NAME.err in {@code logs}. */
    static Process start(Path logs, String name, List<String> jvmOptions, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CrawlerMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectOutput(logs.resolve(name + ".out").toFile())
                .redirectError(logs.resolve(name + ".err").toFile())
                .start();
    }
}

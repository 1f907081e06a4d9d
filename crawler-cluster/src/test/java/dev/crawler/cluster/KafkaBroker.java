package dev.crawler.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker for tests, started and stopped by {@code scripts/kafka-broker.sh},
 * the same way a user's demo starts one: no embedded or mocked Kafka.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final long START_TIMEOUT_S = 180;

    private final Path script;
    private final Path dir;
    private final String bootstrap;

    private KafkaBroker(Path script, Path dir, String bootstrap) {
        this.script = script;
        this.dir = dir;
        this.bootstrap = bootstrap;
    }

    /** Starts a broker whose files live in {@code dir}; returns once it serves. */
    public static KafkaBroker start(Path dir) throws IOException, InterruptedException {
        Path script = findScript();
        Path out = dir.resolveSibling(dir.getFileName() + "-start.out");
        Process start = new ProcessBuilder(script.toString(), "start", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!start.waitFor(START_TIMEOUT_S, TimeUnit.SECONDS)) {
            start.destroyForcibly();
            throw new IllegalStateException("the broker script did not finish within " + START_TIMEOUT_S + " s:\n" + Files.readString(out));
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        if (start.exitValue() != 0 || lines.isEmpty()) {
            throw new IllegalStateException("the broker did not start:\n" + String.join("\n", lines));
        }
        // The script's promise: the bootstrap address is its last line.
        return new KafkaBroker(script, dir, lines.get(lines.size() - 1).strip());
    }

    public String bootstrap() {
        return bootstrap;
    }

    /** Stops the broker and waits for it to exit (the script stops it by its PID). */
    @Override
    public void close() throws IOException, InterruptedException {
        Process stop = new ProcessBuilder(script.toString(), "stop", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!stop.waitFor(60, TimeUnit.SECONDS)) {
            stop.destroyForcibly();
            throw new IllegalStateException("the broker in " + dir + " did not stop within 60 s");
        }
    }

    private static Path findScript() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path script = at.resolve("scripts/kafka-broker.sh");
            if (Files.isExecutable(script)) {
                return script;
            }
        }
        throw new IllegalStateException("scripts/kafka-broker.sh not found above " + Path.of("").toAbsolutePath());
    }
}

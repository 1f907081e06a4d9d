package dev.crawler.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a crawl's {@code crawler.log}, written at {@code --log-level trace}, says was sent and what was
 * committed: the engine logs each request as it is sent, the committer each outcome once it is
 * durable. So the URLs requested and not committed are the ones in flight, and after a kill, the ones
 * it left to be fetched again. Read while another process writes the log.
 */
final class CrawlLogWatch {
    private static final Pattern REQUESTED = Pattern.compile("engine\\.CrawlEngine - requesting (\\S+)$");
    private static final Pattern COMMITTED = Pattern.compile("commit\\.Committer - (http\\S+) ");

    private final Path log;
    private long runStart;

    CrawlLogWatch(Path crawlDirectory) {
        this.log = crawlDirectory.resolve("crawler.log");
    }

    /** A new run starts: what it does is what the log gets from here on. */
    void runStarts() {
        runStart = size();
    }

    /** Pages (robots.txt aside) this run requested. */
    Set<String> requestedThisRun() {
        return matches(lines(runStart), REQUESTED, false);
    }

    /** Hosts whose robots.txt this run requested. */
    Set<String> robotsRequestedThisRun() {
        return matches(lines(runStart), REQUESTED, true);
    }

    /** Pages (robots.txt aside) any run requested. */
    Set<String> requestedEver() {
        return matches(lines(0), REQUESTED, false);
    }

    /** Outcomes any run committed. */
    Set<String> committedEver() {
        return matches(lines(0), COMMITTED, false);
    }

    /** Outcomes this run committed. */
    Set<String> committedThisRun() {
        return matches(lines(runStart), COMMITTED, false);
    }

    /** Pages this run requested that no run has committed yet. */
    Set<String> inFlight() {
        Set<String> flying = requestedThisRun();
        flying.removeAll(committedEver());
        return flying;
    }

    /** Pages requested by any run and committed by none: what the kills so far left to fetch again. */
    Set<String> leftInFlight() {
        Set<String> left = requestedEver();
        left.removeAll(committedEver());
        return left;
    }

    private static Set<String> matches(List<String> lines, Pattern pattern, boolean robots) {
        Set<String> found = new HashSet<>();
        for (String line : lines) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find() && matcher.group(1).endsWith("/robots.txt") == robots) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }

    private long size() {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The complete lines from byte {@code from} on (a line still being written is left for the next read). */
    private List<String> lines(long from) {
        if (!Files.exists(log)) {
            return List.of();
        }
        try {
            byte[] all = Files.readAllBytes(log);
            int end = all.length;
            while (end > from && all[end - 1] != '\n') {
                end--;
            }
            if (end <= from) {
                return List.of();
            }
            return new String(all, (int) from, end - (int) from, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

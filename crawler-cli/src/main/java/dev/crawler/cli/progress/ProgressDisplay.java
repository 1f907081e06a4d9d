package dev.crawler.cli.progress;

import dev.crawler.core.engine.ProgressListener;
import java.io.PrintWriter;
import java.time.Duration;

/** Shows a running crawl's progress; closed when the crawl ends, to finish the display. */
public interface ProgressDisplay extends ProgressListener, AutoCloseable {
    /** How often the engine should report: often enough for a live bar, rarely enough for a log. */
    Duration interval();

    @Override
    void close();

    /**
     * A progress bar when standard output is a terminal (a person watches), else a plain line every
     * few seconds (a log file or a pipe reads it).
     *
     * @param pagesAtStart pages fetched by earlier runs of the crawl
     */
    static ProgressDisplay choose(boolean terminal, PrintWriter err, long pagesAtStart, long maxPages) {
        return terminal ? TerminalProgress.onConsole(pagesAtStart, maxPages) : new PlainProgress(err, pagesAtStart);
    }
}

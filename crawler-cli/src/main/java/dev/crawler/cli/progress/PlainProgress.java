package dev.crawler.cli.progress;

import dev.crawler.core.engine.CrawlProgress;
import java.io.PrintWriter;
import java.time.Duration;

/** One line of figures every few seconds, for output that is not a terminal. */
public final class PlainProgress implements ProgressDisplay {
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final PrintWriter out;
    private final long pagesAtStart;

    public PlainProgress(PrintWriter out, long pagesAtStart) {
        this.out = out;
        this.pagesAtStart = pagesAtStart;
    }

    @Override
    public Duration interval() {
        return INTERVAL;
    }

    @Override
    public void onProgress(CrawlProgress progress) {
        out.println(new ProgressFigures(progress, pagesAtStart).line());
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}

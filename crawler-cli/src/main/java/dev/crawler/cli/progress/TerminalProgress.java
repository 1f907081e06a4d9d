package dev.crawler.cli.progress;

import dev.crawler.core.engine.CrawlProgress;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A live progress bar (me.tongfei:progressbar) on the terminal: pages done out of the page budget
 * (or a running count without one), elapsed time and, with a budget, the ETA, followed by rate,
 * products, queue, failures and hosts.
 *
 * <p>The library redraws from its own thread every second; {@link #onProgress} only updates the
 * numbers, so the engine's dispatcher never waits for the terminal. The ETA comes from the engine's
 * figures ({@link ProgressFigures#eta()}), not from the library's guess.
 */
public final class TerminalProgress implements ProgressDisplay {
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final ProgressBar bar;
    private final long pagesAtStart;
    private volatile ProgressFigures latest;

    TerminalProgress(ProgressBarConsumer consumer, long pagesAtStart, long maxPages) {
        this.pagesAtStart = pagesAtStart;
        this.latest = new ProgressFigures(new CrawlProgress(pagesAtStart, 0, 0, 0, 0, 0, Duration.ZERO, maxPages), pagesAtStart);
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName("Crawling")
                .setInitialMax(maxPages > 0 ? maxPages : -1)
                .setUnit(" pages", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(consumer)
                .setUpdateIntervalMillis((int) INTERVAL.toMillis())
                .continuousUpdate()
                .startsFrom(pagesAtStart, Duration.ZERO);
        // Without a page budget there is nothing to estimate: show elapsed time only.
        this.bar = (maxPages > 0 ? builder.setEtaFunction(state -> latest.eta()) : builder.hideEta()).build();
    }

    /** A bar on standard error, the stream that carries progress while standard output carries results. */
    static TerminalProgress onConsole(long pagesAtStart, long maxPages) {
        return new TerminalProgress(new ConsoleProgressBarConsumer(System.err), pagesAtStart, maxPages);
    }

    @Override
    public Duration interval() {
        return INTERVAL;
    }

    @Override
    public void onProgress(CrawlProgress progress) {
        latest = new ProgressFigures(progress, pagesAtStart);
        bar.stepTo(progress.pagesFetched());
        bar.setExtraMessage(latest.details());
    }

    /** Draws the bar now, on the calling thread; tests use it instead of waiting for the library's redraw. */
    void redraw() {
        bar.refresh();
    }

    /** Draws the final state and ends the line, so what follows starts on a line of its own. */
    @Override
    public void close() {
        bar.close();
    }
}

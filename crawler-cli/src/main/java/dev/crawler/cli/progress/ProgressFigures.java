package dev.crawler.cli.progress;

import dev.crawler.core.engine.CrawlProgress;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What the progress displays show, worked out from one engine snapshot. Pure, and timed only by the
 * engine's own clock (the snapshot's elapsed time), so tests control every number.
 *
 * @param pagesAtStart pages the crawl had fetched before this run, which the rate must not count
 */
public record ProgressFigures(CrawlProgress progress, long pagesAtStart) {

    /** Pages fetched per second by this run. */
    public double pagesPerSecond() {
        double seconds = progress.elapsed().toNanos() / 1e9;
        long thisRun = Math.max(0, progress.pagesFetched() - pagesAtStart);
        return seconds <= 0 ? 0 : thisRun / seconds;
    }

    /** Time left to reach the page budget at the current rate; empty without a budget or a rate yet. */
    public Optional<Duration> eta() {
        long budget = progress.maxPages();
        double rate = pagesPerSecond();
        if (budget <= 0 || rate <= 0) {
            return Optional.empty();
        }
        long left = Math.max(0, budget - progress.pagesFetched());
        return Optional.of(Duration.ofMillis(Math.round(left / rate * 1000)));
    }

    /** Everything but the page count and elapsed time, which a progress bar shows in its own way. */
    public String details() {
        return String.format(Locale.ROOT, "%.1f pages/s  products %d  queued %d  failed %d  in flight %d  hosts %d active, %d parked",
                pagesPerSecond(), progress.products(), progress.queued(), progress.failed(), progress.inFlight(),
                progress.activeHosts(), progress.parkedHosts());
    }

    /** The whole state as one line, for logs and for output that is not a terminal. */
    public String line() {
        String pages = progress.maxPages() > 0
                ? progress.pagesFetched() + "/" + progress.maxPages()
                : String.valueOf(progress.pagesFetched());
        String eta = eta().map(left -> "  ETA " + clock(left)).orElse("");
        return "[" + clock(progress.elapsed()) + "]  pages " + pages + "  " + details() + eta;
    }

    /** {@code 0:01:05}: hours, minutes, seconds. */
    public static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}

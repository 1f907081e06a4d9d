package dev.crawler.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.engine.CrawlProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** The progress a crawl shows, on a terminal (a live bar) and elsewhere (a plain line). */
class ProgressDisplayTest {
    /** 600 pages, 100 of them before this run, in 50 s: 10 pages/s; 400 left of a 1000-page budget. */
    private static final CrawlProgress BOUNDED = new CrawlProgress(600, 420, 3_100, 7, 12, 5, Duration.ofSeconds(50), 1_000, 4, 1);
    private static final CrawlProgress UNBOUNDED = new CrawlProgress(600, 420, 3_100, 7, 12, 5, Duration.ofSeconds(50), 0, 4, 1);

    @Test
    void theFiguresCountOnlyThisRunsPagesForTheRateAndTheEta() {
        ProgressFigures figures = new ProgressFigures(BOUNDED, 100);

        assertThat(figures.pagesPerSecond()).isEqualTo(10.0);
        assertThat(figures.eta()).contains(Duration.ofSeconds(40));
        assertThat(new ProgressFigures(UNBOUNDED, 100).eta()).isEmpty();
        assertThat(new ProgressFigures(new CrawlProgress(600, 420, 3_100, 7, 12, 5, Duration.ZERO, 1_000, 4, 1), 100).eta()).as("no rate yet").isEmpty();
    }

    @Test
    void aPlainLineCarriesEveryFigureWhenOutputIsNotATerminal() {
        StringWriter out = new StringWriter();
        ProgressDisplay display = ProgressDisplay.choose(false, new PrintWriter(out), 100, 1_000);

        display.onProgress(BOUNDED);
        display.close();

        assertThat(display.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(out.toString()).isEqualTo("[0:00:50]  pages 600/1000  10.0 pages/s  products 420  queued 3100  failed 7  "
                + "in flight 12  hosts 4 active, 1 parked  ETA 0:00:40" + System.lineSeparator());
    }

    @Test
    void aPlainLineWithoutAPageBudgetHasNoEta() {
        assertThat(new ProgressFigures(UNBOUNDED, 100).line()).startsWith("[0:00:50]  pages 600  10.0 pages/s").doesNotContain("ETA");
    }

    @Test
    void theTerminalBarShowsPagesOfTheBudgetTheEtaAndEveryFigure() {
        List<String> frames = new CopyOnWriteArrayList<>();
        TerminalProgress bar = new TerminalProgress(new DelegatingProgressBarConsumer(frames::add, 200), 100, 1_000);

        bar.onProgress(BOUNDED);
        bar.redraw();
        String frame = frames.get(frames.size() - 1);
        bar.close();

        assertThat(bar.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(frame).contains("Crawling", "60%", "600/1000 pages", "10.0 pages/s", "products 420",
                "queued 3100", "failed 7", "in flight 12", "hosts 4 active, 1 parked");
        assertThat(frame).as("(elapsed / ETA)").containsPattern("\\(\\d+:\\d\\d:\\d\\d / 0:00:40\\)");
    }

    @Test
    void theTerminalBarWithoutABudgetCountsPagesWithoutAnEta() {
        List<String> frames = new CopyOnWriteArrayList<>();
        TerminalProgress bar = new TerminalProgress(new DelegatingProgressBarConsumer(frames::add, 200), 100, 0);

        bar.onProgress(UNBOUNDED);
        bar.redraw();
        String frame = frames.get(frames.size() - 1);
        bar.close();

        assertThat(frame).contains("Crawling", "600/? pages", "10.0 pages/s", "products 420");
        assertThat(frame).as("elapsed only").containsPattern("\\(\\d+:\\d\\d:\\d\\d\\)");
    }
}

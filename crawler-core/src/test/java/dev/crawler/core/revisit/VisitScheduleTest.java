package dev.crawler.core.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.fetch.Validators;
import dev.crawler.storage.PageState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VisitScheduleTest {
    private static final Instant AT = Instant.parse("2030-01-01T00:00:00Z");
    private static final CrawlConfig.Revisit NO_JITTER = new CrawlConfig.Revisit(Duration.ofHours(1), Duration.ofDays(4),
            Duration.ofDays(1), 0);
    private static final String URL = "http://127.0.1.1:8080/p/lamp";

    private final VisitSchedule schedule = new VisitSchedule(NO_JITTER);

    @Test
    void aFirstVisitIsDueAfterTheInitialInterval() {
        PageState first = first();
        assertThat(first.nextVisit()).isEqualTo(AT.plus(Duration.ofDays(1)));
        assertThat(first.lastChange()).isEqualTo(AT);
        assertThat(first.queued()).isFalse();
    }

    @Test
    void aChangeHalvesTheIntervalAndNoChangeGrowsItByHalfWithinTheBounds() {
        PageState changed = schedule.revisited(first(), PageState.Kind.PRODUCT, Validators.NONE, "b", true, AT);
        assertThat(Duration.ofMillis(changed.intervalMillis())).isEqualTo(Duration.ofHours(12));
        PageState unchanged = schedule.revisited(first(), PageState.Kind.PRODUCT, Validators.NONE, "a", false, AT);
        assertThat(Duration.ofMillis(unchanged.intervalMillis())).isEqualTo(Duration.ofHours(36));

        PageState page = first();
        for (int i = 0; i < 20; i++) {
            page = schedule.revisited(page, PageState.Kind.PRODUCT, Validators.NONE, "a", false, AT);
        }
        assertThat(Duration.ofMillis(page.intervalMillis())).isEqualTo(Duration.ofDays(4));
        for (int i = 0; i < 20; i++) {
            page = schedule.revisited(page, PageState.Kind.PRODUCT, Validators.NONE, "x" + i, true, AT);
        }
        assertThat(Duration.ofMillis(page.intervalMillis())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void jitterSpreadsPagesVisitedTogetherWithinItsShareOfTheInterval() {
        VisitSchedule jittered = new VisitSchedule(new CrawlConfig.Revisit(Duration.ofHours(1), Duration.ofDays(4), Duration.ofDays(1), 0.1));
        java.util.Set<Instant> distinct = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            Instant next = jittered.first(URL + i, "http://127.0.1.1:8080", 1, PageState.Kind.PRODUCT, Validators.NONE, "a", AT).nextVisit();
            assertThat(next).isBetween(AT.plus(Duration.ofHours(24).minusMinutes(144)), AT.plus(Duration.ofHours(24).plusMinutes(144)));
            distinct.add(next);
        }
        assertThat(distinct).as("spread, not one instant").hasSizeGreaterThan(190);
        assertThat(jittered.first(URL, "o", 1, PageState.Kind.PRODUCT, Validators.NONE, "a", AT))
                .as("the same page and time draw the same jitter")
                .isEqualTo(jittered.first(URL, "o", 1, PageState.Kind.PRODUCT, Validators.NONE, "a", AT));
    }

    @Test
    void aGonePageKeepsWhenItWentAndWaitsTheLongestInterval() {
        PageState gone = schedule.gone(first(), 410, AT.plus(Duration.ofDays(1)));
        PageState stillGone = schedule.gone(gone, 410, AT.plus(Duration.ofDays(9)));
        assertThat(stillGone.goneAt()).isEqualTo(AT.plus(Duration.ofDays(1)));
        assertThat(stillGone.nextVisit()).isEqualTo(AT.plus(Duration.ofDays(13)));
        assertThat(schedule.revisited(stillGone, PageState.Kind.LISTING, Validators.NONE, "c", true, AT.plus(Duration.ofDays(20))).gone())
                .as("a page that answers again is no longer gone").isFalse();
    }

    private PageState first() {
        return schedule.first(URL, "http://127.0.1.1:8080", 2, PageState.Kind.PRODUCT, new Validators("\"t\"", null), "a", AT);
    }
}

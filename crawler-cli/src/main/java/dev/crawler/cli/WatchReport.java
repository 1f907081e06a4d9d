package dev.crawler.cli;

import dev.crawler.storage.CrawlStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What {@code crawler status} says about watching prices: the pages known, how many are due for a
 * revisit now, how many are gone, and what changed since the last {@code crawler recrawl} began.
 * One pass over the pages and one over the changes since then.
 *
 * @param lastRecrawl when the last recrawl began, or null when there was none
 */
record WatchReport(long pages, long due, long gone, @Nullable Instant lastRecrawl, long changes, long productsChanged) {

    static WatchReport of(CrawlStore store, Instant now) {
        long[] counts = new long[3];
        store.forEachPage(page -> {
            counts[0]++;
            if (page.dueAt(now) && !page.gone()) {
                counts[1]++;
            }
            if (page.gone()) {
                counts[2]++;
            }
        });
        Optional<Instant> last = store.setting(RecrawlCommand.LAST_RECRAWL).map(json -> Instant.parse(json.replace("\"", "")));
        long[] changes = new long[1];
        Set<String> products = new HashSet<>();
        last.ifPresent(since -> store.forEachChangeSince(since, event -> {
            changes[0]++;
            products.add(event.identity());
        }));
        return new WatchReport(counts[0], counts[1], counts[2], last.orElse(null), changes[0], products.size());
    }

    void print(PrintWriter out) {
        if (pages == 0) {
            return;
        }
        out.println();
        out.printf("Watching: %d pages known, %d due for a revisit now, %d gone%n", pages, due, gone);
        if (lastRecrawl != null) {
            out.printf("Since the last recrawl (%s): %d changes to %d products%n", lastRecrawl, changes, productsChanged);
        }
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pages", pages);
        json.put("due", due);
        json.put("gone", gone);
        json.put("lastRecrawl", lastRecrawl == null ? null : lastRecrawl.toString());
        json.put("changesSinceLastRecrawl", changes);
        json.put("productsChangedSinceLastRecrawl", productsChanged);
        return json;
    }
}

package dev.crawler.cli.export;

import dev.crawler.storage.ChangeEvent;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.PageState;
import dev.crawler.storage.ProductRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The exports of what changed: {@link #changes} writes the history's events, one row per product and
 * field changed; {@link #history} writes each product's series of price, currency and availability,
 * one row per product and time its values changed (its first visit included).
 */
public final class ChangeExport {
    static final List<String> CHANGE_HEADERS = List.of("identity", "url", "field", "old_value", "new_value", "observed_at");
    static final List<String> HISTORY_HEADERS = List.of("identity", "url", "observed_at", "price", "currency", "availability");
    private static final Set<String> TEXT = Set.of("identity", "url", "old_value", "new_value", "currency", "availability");

    private ChangeExport() {
    }

    /** Writes every change observed at or after {@code since}, oldest first, in constant memory; returns how many. */
    public static long changes(CrawlStore store, Instant since, ProductExporter.Format format, Writer out, boolean raw)
            throws IOException {
        return changes(sink -> store.forEachChangeSince(since, sink), format, out, raw);
    }

    /** Writes every change {@code source} hands out, in its order; returns how many. */
    public static long changes(Consumer<Consumer<ChangeEvent>> source, ProductExporter.Format format, Writer out, boolean raw)
            throws IOException {
        try (RowWriter rows = new RowWriter(format, out, CHANGE_HEADERS, TEXT, raw)) {
            source.accept(event -> write(rows, Arrays.asList(event.identity(), event.url(), event.field().label(),
                    event.oldValue(), event.newValue(), event.observedAt().toString())));
            return rows.rows();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Writes each product's series, in identity order, holding one product's changes at a time. The
     * series is rebuilt from the current record and the product's events: its values before its
     * first change (at its page's first visit), then after each change.
     */
    public static long history(CrawlStore store, ProductExporter.Format format, Writer out, boolean raw) throws IOException {
        try (RowWriter rows = new RowWriter(format, out, HISTORY_HEADERS, TEXT, raw)) {
            store.forEachProductWithChanges((product, events) -> series(store, product, events, rows));
            return rows.rows();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void series(CrawlStore store, ProductRecord product, List<ChangeEvent> events, RowWriter rows) {
        Map<ChangeEvent.Field, @Nullable String> values = new HashMap<>();
        values.put(ChangeEvent.Field.PRICE, product.price() == null ? null : product.price().toPlainString());
        values.put(ChangeEvent.Field.CURRENCY, product.currency());
        values.put(ChangeEvent.Field.AVAILABILITY, product.availability());
        // Walk back from the current values to the first ones: each event's old value is what came before it.
        for (int i = events.size() - 1; i >= 0; i--) {
            values.put(events.get(i).field(), events.get(i).oldValue());
        }
        Instant first = store.pageState(product.url()).map(PageState::firstVisit).orElse(product.fetchedAt());
        TreeMap<Instant, List<ChangeEvent>> byTime = new TreeMap<>();
        for (ChangeEvent event : events) {
            if (event.field() != ChangeEvent.Field.NAME) {
                byTime.computeIfAbsent(event.observedAt(), at -> new ArrayList<>()).add(event);
            }
        }
        point(rows, product, first, values);
        byTime.forEach((at, changes) -> {
            changes.forEach(change -> values.put(change.field(), change.newValue()));
            point(rows, product, at, values);
        });
    }

    private static void point(RowWriter rows, ProductRecord product, Instant at, Map<ChangeEvent.Field, @Nullable String> values) {
        write(rows, Arrays.asList(product.identity(), product.url(), at.toString(), values.get(ChangeEvent.Field.PRICE),
                values.get(ChangeEvent.Field.CURRENCY), values.get(ChangeEvent.Field.AVAILABILITY)));
    }

    private static void write(RowWriter rows, List<@Nullable String> cells) {
        try {
            rows.write(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

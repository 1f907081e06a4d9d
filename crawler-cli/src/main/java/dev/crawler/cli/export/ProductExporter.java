package dev.crawler.cli.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.SequenceWriter;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.ProductRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Streams every stored product to a writer, one record at a time, so an export of any size runs in
 * constant memory.
 */
public final class ProductExporter {
    /** The export formats. */
    public enum Format {
        CSV, JSONL;

        /**
         * Reads a format name: {@code csv} or {@code jsonl} (also {@code json-lines}), any case.
         *
         * @throws IllegalArgumentException naming the known formats
         */
        public static Format parse(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "jsonl", "json-lines", "jsonlines" -> JSONL;
                default -> throw new IllegalArgumentException("unknown export format '" + name + "'; use csv or jsonl");
            };
        }
    }

    private final boolean raw;

    /** @param raw when true, cells that look like spreadsheet formulas are written as they are */
    public ProductExporter(boolean raw) {
        this.raw = raw;
    }

    /** Writes every product; returns how many. */
    public long export(CrawlStore store, Format format, Writer out) throws IOException {
        return export(store.records()::forEachProduct, format, out, record -> true);
    }

    /** Writes the products that pass {@code filter}, still one at a time; returns how many. */
    public long export(CrawlStore store, Format format, Writer out, Predicate<ProductRecord> filter) throws IOException {
        return export(store.records()::forEachProduct, format, out, filter);
    }

    /**
     * Where the records come from: a crawl's store, or a cluster crawl's products topic. Hands each
     * record to the consumer it is given, one at a time.
     */
    public interface Source {
        void forEachProduct(Consumer<ProductRecord> sink);
    }

    /** Writes the products of {@code source} that pass {@code filter}, one at a time; returns how many. */
    public long export(Source store, Format format, Writer out, Predicate<ProductRecord> filter) throws IOException {
        try {
            return format == Format.CSV ? csv(store, out, filter) : jsonLines(store, out, filter);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private long csv(Source store, Writer out, Predicate<ProductRecord> filter) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        for (String header : ProductColumns.headers()) {
            schema.addColumn(header);
        }
        CsvMapper mapper = new CsvMapper();
        long[] count = {0};
        try (SequenceWriter rows = mapper.writerFor(List.class).with(schema.build())
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out)) {
            store.forEachProduct(record -> {
                if (!filter.test(record)) {
                    return;
                }
                write(rows, cells(record));
                count[0]++;
            });
        }
        out.flush();
        return count[0];
    }

    private long jsonLines(Source store, Writer out, Predicate<ProductRecord> filter) throws IOException {
        ObjectMapper mapper = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        long[] count = {0};
        store.forEachProduct(record -> {
            if (!filter.test(record)) {
                return;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (ProductColumns column : ProductColumns.values()) {
                row.put(column.header(), column.valueOf(record));
            }
            try {
                out.write(mapper.writeValueAsString(row));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count[0]++;
        });
        out.flush();
        return count[0];
    }

    private List<String> cells(ProductRecord record) {
        List<String> cells = new ArrayList<>(ProductColumns.values().length);
        for (ProductColumns column : ProductColumns.values()) {
            String value = column.valueOf(record);
            String cell = value == null ? "" : value;
            cells.add(column.isText() && !raw ? FormulaGuard.neutralise(cell) : cell);
        }
        return cells;
    }

    private static void write(SequenceWriter rows, List<String> cells) {
        try {
            rows.write(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.crawler.cli.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes rows of named cells as CSV (RFC 4180, header row, CRLF) or JSON Lines, as the product export
 * does, with the same formula guard on the columns that hold text from the web. For the exports of
 * changes and history. Not thread-safe; one per export.
 */
public final class RowWriter implements AutoCloseable {
    private final ProductExporter.Format format;
    private final Writer out;
    private final List<String> headers;
    private final Set<String> textColumns;
    private final boolean raw;
    private final ObjectMapper json = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private final @Nullable SequenceWriter csvRows;
    private long rows;

    /**
     * @param textColumns the columns whose cells come from pages (names, URLs): neutralised unless {@code raw}
     */
    public RowWriter(ProductExporter.Format format, Writer out, List<String> headers, Set<String> textColumns, boolean raw)
            throws IOException {
        this.format = format;
        this.out = out;
        this.headers = List.copyOf(headers);
        this.textColumns = Set.copyOf(textColumns);
        this.raw = raw;
        if (format == ProductExporter.Format.CSV) {
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
            headers.forEach(schema::addColumn);
            this.csvRows = new CsvMapper().writerFor(List.class).with(schema.build())
                    .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out);
        } else {
            this.csvRows = null;
        }
    }

    /** Writes one row; {@code cells} in header order, null for an empty cell. */
    public void write(List<@Nullable String> cells) throws IOException {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells for " + headers.size() + " columns");
        }
        if (csvRows != null) {
            List<String> guarded = new ArrayList<>(cells.size());
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i) == null ? "" : cells.get(i);
                guarded.add(textColumns.contains(headers.get(i)) && !raw ? FormulaGuard.neutralise(cell) : cell);
            }
            csvRows.write(guarded);
        } else {
            Map<String, @Nullable String> row = new LinkedHashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                row.put(headers.get(i), cells.get(i));
            }
            out.write(json.writeValueAsString(row));
            out.write('\n');
        }
        rows++;
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        if (csvRows != null) {
            csvRows.close();
        }
        out.flush();
    }
}

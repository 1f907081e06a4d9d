package dev.crawler.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Exported CSV read back as a spreadsheet would read it, for tests. */
public final class ExportedCsv {
    private static final ObjectReader ROWS = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).readerForListOf(String.class);

    private ExportedCsv() {
    }

    /** Every row of CSV text, the header first. */
    public static List<List<String>> parse(String csv) {
        try (MappingIterator<List<String>> rows = ROWS.readValues(csv)) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data rows of an exported file, without the header. */
    static List<List<String>> rows(Path csv) {
        try (MappingIterator<List<String>> rows = ROWS.readValues(csv.toFile())) {
            List<List<String>> all = rows.readAll();
            return all.subList(1, all.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exports the crawl in {@code dir} to {@code csv} with {@code crawler export}, which must succeed, and reads the rows back. */
    static List<List<String>> export(Path dir, Path csv) {
        Cli.succeed("export", "--dir", dir.toString(), "--format", "csv", "--out", csv.toString());
        return rows(csv);
    }

    /** The first column of each row: the product's page URL. */
    static List<String> urls(List<List<String>> rows) {
        return rows.stream().map(row -> row.get(0)).toList();
    }
}

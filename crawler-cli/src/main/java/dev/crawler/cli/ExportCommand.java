package dev.crawler.cli;

import dev.crawler.cli.export.ProductExporter;
import dev.crawler.storage.CrawlStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crawler export --dir DIR --format csv --out FILE}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the crawl's products as CSV (RFC 4180, UTF-8, header row) or JSON Lines. "
                + "Works while the crawl runs, on what is committed so far.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The crawl's directory.")
    Path dir;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv or jsonl. Default: csv.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file, or - for standard output.")
    String out;

    @Option(names = "--raw", description = "Write cells that look like spreadsheet formulas as they are (CSV only).")
    boolean raw;

    @Override
    public Integer call() throws IOException {
        ProductExporter.Format chosen = parseFormat();
        try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
            long count;
            if (out.equals("-")) {
                Writer writer = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                count = new ProductExporter(raw).export(store, chosen, writer);
                writer.flush();
            } else {
                count = exportToFile(store, chosen, Path.of(out));
            }
            spec.commandLine().getErr().println("Exported " + count + " products" + (out.equals("-") ? "" : " to " + out));
        }
        return ExitCodes.OK;
    }

    /** Writes to a temporary file beside the target and moves it into place, so a failed export never leaves half a file. */
    private long exportToFile(CrawlStore store, ProductExporter.Format chosen, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserError("cannot write " + target + ": directory " + parent + " does not exist");
        }
        Path temp = Files.createTempFile(parent, ".export-", ".tmp");
        try {
            long count;
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                count = new ProductExporter(raw).export(store, chosen, writer);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return count;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private ProductExporter.Format parseFormat() {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> ProductExporter.Format.CSV;
            case "jsonl", "json-lines", "jsonlines" -> ProductExporter.Format.JSONL;
            default -> throw new UserError("unknown export format '" + format + "'; use csv or jsonl");
        };
    }
}

package dev.crawler.cli;

import dev.crawler.cli.export.ExportFilter;
import dev.crawler.cli.export.ChangeExport;
import dev.crawler.cli.export.ProductExporter;
import dev.crawler.cluster.ClusterUnavailableException;
import dev.crawler.cluster.HistoryTopic;
import dev.crawler.cluster.ProductsTopic;
import dev.crawler.storage.ChangeEvent;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.ProductRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crawler export --dir DIR --out FILE [--format csv|jsonl] [--host H] [--since INSTANT]}. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes the crawl's products as CSV (RFC 4180, UTF-8, header row) or JSON Lines, one record at a time "
                + "(any size in constant memory). Works while the crawl runs, on what is committed so far.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "The crawl's directory (or, for a cluster crawl, --cluster and --crawl-id).")
    @Nullable Path dir;

    @Option(names = "--cluster", paramLabel = "BOOTSTRAP",
            description = "Export a whole cluster crawl from its Kafka cluster (host:port[,...]): every member's products, once each "
                    + "(or, with --changes-since, every member's changes).")
    @Nullable String cluster;

    @Option(names = "--crawl-id", paramLabel = "NAME", description = "The cluster crawl to export, with --cluster.")
    @Nullable String crawlId;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file, or - for standard output.")
    String out;

    @Option(names = "--format", paramLabel = "FORMAT", description = "csv or jsonl. Default: csv (or the config file's export.format).")
    @Nullable String format;

    @Option(names = "--host", paramLabel = "HOST", description = "Only products from this host, e.g. shop.example.")
    @Nullable String host;

    @Option(names = "--since", paramLabel = "INSTANT",
            description = "Only products fetched at or after this time: 2026-01-31T00:00:00Z, or a date (2026-01-31, UTC).")
    @Nullable String since;

    @Option(names = "--changes-since", paramLabel = "INSTANT",
            description = "Instead of products, the changes of price, currency, availability and name observed at or after this "
                    + "time, one row per product and field: 2026-01-31T00:00:00Z, or a date (UTC).")
    @Nullable String changesSince;

    @Option(names = "--history", description = "Instead of products, each product's series of price, currency and availability: "
            + "one row per product and time its values changed, its first visit included.")
    boolean history;

    @Option(names = "--raw", description = "Write cells that look like spreadsheet formulas as they are (CSV only).")
    boolean raw;

    @Option(names = "--config", paramLabel = "FILE", description = "Take export.format and export.raw from this config file.")
    @Nullable Path config;

    @Override
    public Integer call() throws IOException {
        ExportSettings defaults = config == null ? ExportSettings.defaults() : ConfigFile.load(config).export();
        ProductExporter.Format chosen = parseFormat(format == null ? defaults.format() : format);
        ProductExporter exporter = new ProductExporter(raw || defaults.raw());
        ExportFilter filter = new ExportFilter(Optional.ofNullable(host).map(ExportCommand::hostOf),
                Optional.ofNullable(since).map(ExportCommand::instantOf));
        if (cluster != null || crawlId != null) {
            if (cluster == null || crawlId == null) {
                throw new UserError("a cluster crawl is exported with both --cluster BOOTSTRAP and --crawl-id NAME");
            }
            String bootstrap = cluster;
            String crawl = crawlId;
            if (history) {
                throw new UserError("--history reads one crawl directory; for a cluster crawl, export the changes with "
                        + "--changes-since, or each member's series with --dir");
            }
            if (changesSince != null) {
                checkChangeFilters();
                Instant from = instantOf(changesSince);
                boolean rawCells = raw || defaults.raw();
                writeRows(writer -> ChangeExport.changes(sink -> readHistory(bootstrap, crawl, from, scratch(), sink), chosen, writer,
                        rawCells), "changes");
                return ExitCodes.OK;
            }
            write(sink -> readTopic(bootstrap, crawl, scratch(), sink), exporter, chosen, filter);
            return ExitCodes.OK;
        }
        if (dir == null) {
            throw new UserError("say which crawl to export: --dir DIR, or --cluster BOOTSTRAP --crawl-id NAME");
        }
        if (changesSince != null || history) {
            return exportChanges(dir, chosen, raw || defaults.raw());
        }
        try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
            write(store.records()::forEachProduct, exporter, chosen, filter);
        }
        return ExitCodes.OK;
    }

    /** {@code --changes-since} or {@code --history}: rows of changes instead of products. */
    private int exportChanges(Path crawl, ProductExporter.Format chosen, boolean rawCells) throws IOException {
        if (changesSince != null && history) {
            throw new UserError("--changes-since and --history are two exports; choose one");
        }
        checkChangeFilters();
        try (CrawlStore store = CrawlStore.openReadOnly(crawl)) {
            String what = history ? "rows of history" : "changes";
            if (history) {
                writeRows(writer -> ChangeExport.history(store, chosen, writer, rawCells), what);
            } else {
                Instant from = instantOf(changesSince);
                writeRows(writer -> ChangeExport.changes(store, from, chosen, writer, rawCells), what);
            }
        }
        return ExitCodes.OK;
    }

    private void checkChangeFilters() {
        if (host != null || since != null) {
            throw new UserError("--host and --since filter products; they do not apply to --changes-since or --history");
        }
    }

    /** Writes what {@code body} writes to --out, as a file moved into place or standard output. */
    private void writeRows(RowsBody body, String what) throws IOException {
        long count;
        if (out.equals("-")) {
            Writer writer = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            count = body.write(writer);
            writer.flush();
        } else {
            Path target = Path.of(out);
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new UserError("cannot write " + target + ": directory " + parent + " does not exist");
            }
            Path temp = Files.createTempFile(parent, ".export-", ".tmp");
            try {
                try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    count = body.write(writer);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        spec.commandLine().getErr().println("Exported " + count + " " + what + (out.equals("-") ? "" : " to " + out));
    }

    @FunctionalInterface
    private interface RowsBody {
        long write(Writer writer) throws IOException;
    }

    /**
     * Where the topic's latest records wait on disk: beside the output file, whose disk is meant to
     * take the export anyway, or in the temporary directory when the export goes to standard output.
     */
    private Path scratch() {
        Path parent = out.equals("-") ? null : Path.of(out).toAbsolutePath().getParent();
        return parent != null ? parent : Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static void readHistory(String bootstrap, String crawlId, Instant since, Path scratch,
            java.util.function.Consumer<ChangeEvent> sink) {
        try {
            HistoryTopic.forEachChangeSince(bootstrap, crawlId, since, scratch, sink);
        } catch (ClusterUnavailableException | org.apache.kafka.common.KafkaException | IllegalArgumentException e) {
            throw new UserError("cannot read cluster crawl '" + crawlId + "' at " + bootstrap + ": " + e.getMessage());
        }
    }

    private static void readTopic(String bootstrap, String crawlId, Path scratch, java.util.function.Consumer<ProductRecord> sink) {
        try {
            ProductsTopic.forEachProduct(bootstrap, crawlId, scratch, sink);
        } catch (ClusterUnavailableException | org.apache.kafka.common.KafkaException | IllegalArgumentException e) {
            throw new UserError("cannot read cluster crawl '" + crawlId + "' at " + bootstrap + ": " + e.getMessage());
        }
    }

    private void write(ProductExporter.Source source, ProductExporter exporter, ProductExporter.Format chosen, ExportFilter filter)
            throws IOException {
        long count;
        if (out.equals("-")) {
            Writer writer = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            count = exporter.export(source, chosen, writer, filter);
            writer.flush();
        } else {
            count = exportToFile(source, exporter, chosen, filter, Path.of(out));
        }
        spec.commandLine().getErr().println("Exported " + count + " products" + (out.equals("-") ? "" : " to " + out));
    }

    /** Writes to a temporary file beside the target and moves it into place, so a failed export never leaves half a file. */
    private static long exportToFile(ProductExporter.Source store, ProductExporter exporter, ProductExporter.Format chosen,
            ExportFilter filter, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserError("cannot write " + target + ": directory " + parent + " does not exist");
        }
        Path temp = Files.createTempFile(parent, ".export-", ".tmp");
        try {
            long count;
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                count = exporter.export(store, chosen, writer, filter);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return count;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static ProductExporter.Format parseFormat(String name) {
        try {
            return ProductExporter.Format.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** A host name; an origin or URL is accepted too, and only its host is kept (records carry no port). */
    static String hostOf(String text) {
        String trimmed = text.strip();
        if (trimmed.contains("://")) {
            String parsed = URI.create(trimmed).getHost();
            if (parsed == null) {
                throw new UserError("--host '" + text + "' is not a host name such as shop.example");
            }
            return parsed;
        }
        if (trimmed.isEmpty() || trimmed.contains("/") || trimmed.chars().anyMatch(Character::isWhitespace)) {
            throw new UserError("--host '" + text + "' is not a host name such as shop.example");
        }
        int colon = trimmed.lastIndexOf(':');
        return colon > 0 && trimmed.indexOf(':') == colon ? trimmed.substring(0, colon) : trimmed;
    }

    static Instant instantOf(String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new UserError("--since '" + text + "' is not a time such as 2026-01-31T00:00:00Z or a date such as 2026-01-31");
            }
        }
    }
}

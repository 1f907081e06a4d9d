package dev.crawler.cli;

import dev.crawler.cli.export.ProductExporter;

/**
 * The export defaults a config file may set; {@code crawler export} flags override them.
 *
 * @param format {@code csv} or {@code jsonl} (default csv)
 * @param raw    write cells that look like spreadsheet formulas as they are (default false)
 */
record ExportSettings(String format, boolean raw) {
    ExportSettings {
        try {
            ProductExporter.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("export.format: " + e.getMessage(), e);
        }
    }

    static ExportSettings defaults() {
        return new ExportSettings("csv", false);
    }
}

package dev.crawler.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real shop pages of {@code shared/fixtures/real-pages}, as every extraction benchmark reads them:
 * the bytes as served, the URL the page came from, and that URL as a {@link URI} for the extractor.
 */
record FixturePages(List<byte[]> bodies, List<String> urls, List<URI> uris) {
    static FixturePages load() throws IOException {
        List<byte[]> bodies = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        List<URI> uris = new ArrayList<>();
        Path manifest = ExtractionBenchmark.findManifest();
        Path root = manifest.getParent().getParent().getParent().getParent();
        for (String line : Files.readAllLines(manifest)) {
            String[] fields = line.split("\t", -1);
            if (fields.length < 9 || !fields[0].endsWith(".html")) {
                continue;
            }
            bodies.add(Files.readAllBytes(root.resolve(fields[0])));
            urls.add(fields[8]);
            // The manifest keeps each page's URL as the shop wrote it; a fragment or a bar is no URI.
            uris.add(URI.create(fields[8].replaceAll("#.*", "").replace("|", "%7C")));
        }
        return new FixturePages(bodies, urls, uris);
    }
}

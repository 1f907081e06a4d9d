package dev.crawler.benchmarks;

import dev.crawler.core.extract.ExtractionRules;
import dev.crawler.core.extract.ProductExtractor;
import dev.crawler.core.url.Origin;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of product extraction against plain {@code Jsoup.parse} of the same bytes, over the real
 * shop pages in {@code shared/fixtures}: {@link #parseAndExtract} is parse plus products (the target
 * is at most 1.3 times {@link #plainJsoupParse}), {@link #fullPageWork} is everything the crawl does
 * for a page (decode, parse, links, products). Each invocation processes every fixture page once.
 *
 * <p>Run: {@code scripts/bench.sh extraction}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class ExtractionBenchmark {
    private final List<String> urls = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();
    private final List<URI> pageUris = new ArrayList<>();
    private final ProductExtractor products = new ProductExtractor(ExtractionRules.none());
    private PageWork work;
    /** The fixture pages' own origins: a crawl of these shops would follow their links, so the benchmark does too. */
    private final Set<String> origins = new HashSet<>();

    @Setup(Level.Trial)
    public void load() throws IOException {
        FixturePages pages = FixturePages.load();
        urls.addAll(pages.urls());
        pageUris.addAll(pages.uris());
        bodies.addAll(pages.bodies());
        for (String url : pages.urls()) {
            Origin.of(url.replaceAll("#.*", "")).ifPresent(origins::add);
        }
    }

    /**
     * A fresh extractor for every pass over the pages: the link cache starts cold, as it would on
     * fifty different shops, instead of answering every link from the previous pass.
     */
    @Setup(Level.Invocation)
    public void freshWork() {
        work = new PageWork(origins);
    }

    @Benchmark
    public int plainJsoupParse() {
        int nodes = 0;
        for (int i = 0; i < bodies.size(); i++) {
            try {
                nodes += Jsoup.parse(new java.io.ByteArrayInputStream(bodies.get(i)), null, urls.get(i)).childNodeSize();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return nodes;
    }

    @Benchmark
    public int parseAndExtract() {
        int found = 0;
        for (int i = 0; i < bodies.size(); i++) {
            try {
                Document doc = Jsoup.parse(new java.io.ByteArrayInputStream(bodies.get(i)), null, urls.get(i));
                found += products.extract(doc, pageUris.get(i)).size();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return found;
    }

    @Benchmark
    public int fullPageWork() {
        int found = 0;
        for (int i = 0; i < bodies.size(); i++) {
            found += work.process(urls.get(i), bodies.get(i)).products().size();
        }
        return found;
    }

    /** {@code shared/fixtures/real-pages/MANIFEST.tsv}, found by walking up from the working directory. */
    static Path findManifest() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures/real-pages/MANIFEST.tsv");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/fixtures/real-pages/MANIFEST.tsv not found above " + Path.of("").toAbsolutePath());
    }
}

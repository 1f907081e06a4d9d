package dev.crawler.benchmarks;

import dev.crawler.core.extract.ExtractionRules;
import dev.crawler.core.extract.ProductExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Extraction alone, for profiling and for comparing builds on a busy machine: the fixture pages of
 * {@link ExtractionBenchmark} are parsed once, then extracted over and over in one thread, and the
 * thread's CPU time per pass is printed in blocks of five passes, then the best block and the
 * bytes the last block allocated per pass. CPU time of one thread is what
 * other load on the machine moves least; run it under JFR to see where extraction spends it.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.crawler.benchmarks.ExtractionProfileRun SECONDS</pre>
 */
public final class ExtractionProfileRun {
    private static final int BLOCK = 5;

    private ExtractionProfileRun() {
    }

    public static void main(String[] args) throws IOException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        FixturePages pages = FixturePages.load();
        List<Document> docs = new ArrayList<>();
        List<URI> uris = pages.uris();
        for (int i = 0; i < pages.bodies().size(); i++) {
            docs.add(Jsoup.parse(new ByteArrayInputStream(pages.bodies().get(i)), null, pages.urls().get(i)));
        }
        ProductExtractor products = new ProductExtractor(ExtractionRules.none());
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        double best = Double.MAX_VALUE;
        double allocated = 0;
        long found = 0;
        while (System.nanoTime() < end) {
            long cpu = threads.getCurrentThreadCpuTime();
            long bytes = threads.getThreadAllocatedBytes(self);
            for (int pass = 0; pass < BLOCK; pass++) {
                for (int i = 0; i < docs.size(); i++) {
                    found += products.extract(docs.get(i), uris.get(i)).size();
                }
            }
            double perPass = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / BLOCK;
            allocated = (threads.getThreadAllocatedBytes(self) - bytes) / 1e6 / BLOCK;
            best = Math.min(best, perPass);
            System.out.printf("%.1f ms CPU per pass%n", perPass);
        }
        System.out.printf("best %.1f ms CPU per pass over %d pages; %.1f MB allocated per pass; %d products in all%n", best,
                docs.size(), allocated, found);
    }
}

package dev.crawler.benchmarks;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Two or more builds of the extractor compared in one JVM, pass by pass, for a machine whose other
 * load moves JMH's figures by more than the difference being measured.
 *
 * <p>Each build's {@code benchmarks.jar} is loaded in a class loader of its own (Jsoup included),
 * and the passes go round: a plain parse of the fixture pages with the first build's Jsoup, then
 * each build's parse plus extraction (or, with {@code --extract-only}, extraction of pages parsed
 * once). Whatever the machine does meanwhile falls on every build alike. The first quarter of the
 * time is warm-up; then the thread's CPU time per pass is collected, and its median and tenth
 * percentile printed per build, with the ratio to the plain parse.
 *
 * <pre>java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.crawler.benchmarks.InterleavedComparison SECONDS [--extract-only] JAR...</pre>
 */
public final class InterleavedComparison {

    private interface Pass {
        int run() throws ReflectiveOperationException;
    }

    private InterleavedComparison() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: InterleavedComparison SECONDS [--extract-only] JAR...");
        }
        int seconds = Integer.parseInt(args[0]);
        boolean extractOnly = args.length > 1 && args[1].equals("--extract-only");
        List<String> jars = List.of(args).subList(extractOnly ? 2 : 1, args.length);
        FixturePages pages = FixturePages.load();
        List<byte[]> bodies = pages.bodies();
        List<String> urls = pages.urls();
        List<URI> uris = pages.uris();
        List<String> names = new ArrayList<>();
        List<Pass> passes = new ArrayList<>();
        for (String jar : jars) {
            ClassLoader loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Method parse = loader.loadClass("org.jsoup.Jsoup").getMethod("parse", java.io.InputStream.class, String.class, String.class);
            Class<?> rules = loader.loadClass("dev.crawler.core.extract.ExtractionRules");
            Class<?> extractorClass = loader.loadClass("dev.crawler.core.extract.ProductExtractor");
            Object extractor = extractorClass.getConstructor(rules).newInstance(rules.getMethod("none").invoke(null));
            Method extract = extractorClass.getMethod("extract", loader.loadClass("org.jsoup.nodes.Document"), URI.class);
            Method childNodeSize = loader.loadClass("org.jsoup.nodes.Node").getMethod("childNodeSize");
            if (passes.isEmpty()) {
                names.add("plain parse");
                passes.add(() -> {
                    int nodes = 0;
                    for (int i = 0; i < bodies.size(); i++) {
                        nodes += (int) childNodeSize.invoke(parse.invoke(null, new ByteArrayInputStream(bodies.get(i)), null, urls.get(i)));
                    }
                    return nodes;
                });
            }
            names.add((extractOnly ? "extraction " : "parse + extraction ") + jar);
            if (extractOnly) {
                List<Object> docs = new ArrayList<>();
                for (int i = 0; i < bodies.size(); i++) {
                    docs.add(parse.invoke(null, new ByteArrayInputStream(bodies.get(i)), null, urls.get(i)));
                }
                passes.add(() -> {
                    int found = 0;
                    for (int i = 0; i < docs.size(); i++) {
                        found += ((List<?>) extract.invoke(extractor, docs.get(i), uris.get(i))).size();
                    }
                    return found;
                });
            } else {
                passes.add(() -> {
                    int found = 0;
                    for (int i = 0; i < bodies.size(); i++) {
                        Object doc = parse.invoke(null, new ByteArrayInputStream(bodies.get(i)), null, urls.get(i));
                        found += ((List<?>) extract.invoke(extractor, doc, uris.get(i))).size();
                    }
                    return found;
                });
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<List<Double>> cpu = new ArrayList<>();
        passes.forEach(pass -> cpu.add(new ArrayList<>()));
        long start = System.nanoTime();
        long warm = start + seconds * 250_000_000L;
        long end = start + seconds * 1_000_000_000L;
        long sink = 0;
        while (System.nanoTime() < end || cpu.get(0).isEmpty()) {
            boolean measured = System.nanoTime() > warm;
            for (int k = 0; k < passes.size(); k++) {
                long before = threads.getCurrentThreadCpuTime();
                sink += passes.get(k).run();
                if (measured) {
                    cpu.get(k).add((threads.getCurrentThreadCpuTime() - before) / 1e6);
                }
            }
        }
        double parseMedian = 0;
        for (int k = 0; k < passes.size(); k++) {
            List<Double> times = cpu.get(k);
            Collections.sort(times);
            double median = times.get(times.size() / 2);
            double tenth = times.get(times.size() / 10);
            parseMedian = k == 0 ? median : parseMedian;
            System.out.printf("%-70s %d passes; CPU ms per pass: median %.1f, p10 %.1f; median / plain parse %.2f%n",
                    names.get(k), times.size(), median, tenth, median / parseMedian);
        }
        System.out.println("(checksum " + sink + ")");
    }
}

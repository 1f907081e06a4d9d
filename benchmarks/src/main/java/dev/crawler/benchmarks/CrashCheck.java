package dev.crawler.benchmarks;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.crawler.storage.Counters;
import dev.crawler.storage.CrawlStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Judges a crash test ({@code scripts/crash-test.sh}): a crawl killed and resumed many times, against an
 * uninterrupted crawl of the same world. It passes when
 * <ul>
 *   <li>the two exports hold the same products, row for row in every column but {@code fetched_at};</li>
 *   <li>the crashed crawl's export names no product twice (by URL, and by URL and SKU);</li>
 *   <li>no failure was lost: both crawls recorded the same URLs as failed, with the same class, and
 *       their failure and skip counters agree; nothing is left queued or waiting to be retried;</li>
 *   <li>no page was fetched more than twice over all the runs of the crashed crawl, by the testbed's
 *       request log (robots.txt, which every run reads afresh, left out).</li>
 * </ul>
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.crawler.benchmarks.CrashCheck \
 *     REFERENCE_DIR REFERENCE_CSV CRASHED_DIR CRASHED_CSV REQUEST_LOG_TSV</pre>
 *
 * Prints one line per criterion, then {@code PASS} or {@code FAIL}; exits 1 on a failure.
 */
public final class CrashCheck {
    private static final ObjectReader ROWS = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).readerForListOf(String.class);
    private static final int MAX_FETCHES = 2;

    private final List<String> failures = new ArrayList<>();

    private CrashCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: CrashCheck REFERENCE_DIR REFERENCE_CSV CRASHED_DIR CRASHED_CSV REQUEST_LOG_TSV");
            System.exit(2);
        }
        CrashCheck check = new CrashCheck();
        check.exports(Path.of(args[1]), Path.of(args[3]));
        check.failures(Path.of(args[0]), Path.of(args[2]));
        check.fetches(Path.of(args[4]));
        if (check.failures.isEmpty()) {
            System.out.println("PASS");
        } else {
            System.out.println("FAIL: " + String.join("; ", check.failures));
            System.exit(1);
        }
    }

    private void exports(Path reference, Path crashed) throws IOException {
        List<List<String>> expected = rows(reference);
        List<List<String>> actual = rows(crashed);
        Map<List<String>, Long> missing = difference(expected, actual);
        Map<List<String>, Long> extra = difference(actual, expected);
        report(missing.isEmpty() && extra.isEmpty(), String.format(Locale.ROOT,
                "products: %d exported by the uninterrupted crawl, %d by the crashed one; %d rows missing, %d extra",
                expected.size(), actual.size(), count(missing), count(extra)));
        int sku = column(crashed, "sku");
        long urlDuplicates = duplicates(actual, row -> row.get(0));
        long identityDuplicates = duplicates(actual, row -> row.get(0) + "#" + row.get(sku));
        report(urlDuplicates == 0 && identityDuplicates == 0, String.format(Locale.ROOT,
                "duplicates: %d product URLs and %d URL+SKU identities exported more than once", urlDuplicates, identityDuplicates));
    }

    private void failures(Path referenceDir, Path crashedDir) {
        Crawl reference = Crawl.read(referenceDir);
        Crawl crashed = Crawl.read(crashedDir);
        Set<String> lost = new TreeSet<>(reference.failures.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
        Set<String> extra = new TreeSet<>(crashed.failures.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
        Set<String> both = new TreeSet<>(lost);
        both.retainAll(extra);
        lost.removeAll(both);
        extra.removeAll(both);
        report(lost.isEmpty() && extra.isEmpty(), String.format(Locale.ROOT,
                "failures: %d recorded by the uninterrupted crawl, %d by the crashed one; %d lost, %d extra%s",
                reference.failures.size(), crashed.failures.size(), lost.size(), extra.size(),
                lost.isEmpty() && extra.isEmpty() ? "" : " (lost " + first(lost) + ", extra " + first(extra) + ")"));
        Map<String, Long> expectedCounters = outcomeCounters(reference.counters);
        Map<String, Long> actualCounters = outcomeCounters(crashed.counters);
        report(expectedCounters.equals(actualCounters), "outcome counters: " + actualCounters
                + (expectedCounters.equals(actualCounters) ? ", as uninterrupted" : ", uninterrupted had " + expectedCounters));
        long queued = crashed.counters.getOrDefault(Counters.URLS_QUEUED, 0L);
        long retrying = crashed.counters.getOrDefault(Counters.URLS_RETRYING, 0L);
        report(queued == 0 && retrying == 0, "left over: " + queued + " URLs queued, " + retrying + " waiting to be retried");
    }

    private void fetches(Path requestLog) throws IOException {
        List<String> lines = Files.readAllLines(requestLog);
        Map<String, Long> times = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t");
            if (!fields[2].equals("/robots.txt")) {
                times.merge(fields[0] + fields[2], 1L, Long::sum);
            }
        }
        long twice = times.values().stream().filter(n -> n == 2).count();
        Map<String, Long> tooOften = new TreeMap<>(times);
        tooOften.values().removeIf(n -> n <= MAX_FETCHES);
        long most = times.values().stream().mapToLong(Long::longValue).max().orElse(0);
        report(tooOften.isEmpty(), String.format(Locale.ROOT,
                "fetches: %d requests for %d pages (robots.txt aside); %d pages fetched twice, %d more than twice (most: %d)%s",
                times.values().stream().mapToLong(Long::longValue).sum(), times.size(), twice, tooOften.size(), most,
                tooOften.isEmpty() ? "" : " " + first(tooOften.keySet())));
    }

    private void report(boolean ok, String line) {
        System.out.println((ok ? "  ok    " : "  FAIL  ") + line);
        if (!ok) {
            failures.add(line);
        }
    }

    /** What a crawl decided about its URLs: failure records (URL to class) and counters. */
    private record Crawl(Map<String, String> failures, Map<String, Long> counters) {
        static Crawl read(Path dir) {
            Map<String, String> failures = new HashMap<>();
            try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
                store.records().forEachFailure(failure -> failures.put(failure.url(), failure.failureClass()));
                return new Crawl(failures, store.counters());
            }
        }
    }

    /** The counters that say how URLs ended, which a crash must not change (unlike pages fetched or retries). */
    private static Map<String, Long> outcomeCounters(Map<String, Long> counters) {
        return counters.entrySet().stream()
                .filter(e -> e.getKey().startsWith("failures.") || e.getKey().equals("pages.failed")
                        || e.getKey().equals("urls.skipped") || e.getKey().equals(Counters.PRODUCTS))
                .filter(e -> e.getValue() != 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** Data rows without fetched_at, the last column, which differs between two crawls by nature. */
    private static List<List<String>> rows(Path csv) throws IOException {
        try (MappingIterator<List<String>> rows = ROWS.readValues(csv.toFile())) {
            List<List<String>> all = rows.readAll();
            if (!all.get(0).get(all.get(0).size() - 1).equals("fetched_at")) {
                throw new IllegalArgumentException(csv + ": the last column is not fetched_at");
            }
            return all.subList(1, all.size()).stream().map(row -> row.subList(0, row.size() - 1)).toList();
        }
    }

    private static int column(Path csv, String name) throws IOException {
        try (MappingIterator<List<String>> rows = ROWS.readValues(csv.toFile())) {
            int index = rows.next().indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException(csv + " has no column " + name);
            }
            return index;
        }
    }

    /** Rows of {@code a} not matched by a row of {@code b}, as a multiset. */
    private static Map<List<String>, Long> difference(List<List<String>> a, List<List<String>> b) {
        Map<List<String>, Long> left = a.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        for (List<String> row : b) {
            left.computeIfPresent(row, (k, n) -> n == 1 ? null : n - 1);
        }
        return left;
    }

    private static long count(Map<List<String>, Long> multiset) {
        return multiset.values().stream().mapToLong(Long::longValue).sum();
    }

    private static long duplicates(List<List<String>> rows, Function<List<String>, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, Collectors.counting())).values().stream().filter(n -> n > 1).count();
    }

    private static String first(Set<String> items) {
        return items.isEmpty() ? "none" : items.iterator().next() + (items.size() > 1 ? " and " + (items.size() - 1) + " more" : "");
    }
}

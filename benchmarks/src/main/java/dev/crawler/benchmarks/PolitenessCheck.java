package dev.crawler.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges a crawl's politeness from the server's side: reads the testbed's request log (TSV written
 * with {@code --request-log}) and counts, per host, requests that started closer than the delay to
 * the previous one, and moments with more requests in flight than the permits.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.crawler.benchmarks.PolitenessCheck LOG DELAY_MS PERMITS</pre>
 */
public final class PolitenessCheck {
    private PolitenessCheck() {
    }

    record Request(String host, long start, long end) {
    }

    public static void main(String[] args) throws IOException {
        Path log = Path.of(args[0]);
        long delayNanos = Long.parseLong(args[1]) * 1_000_000L;
        int permits = Integer.parseInt(args[2]);
        Map<String, List<Request>> byHost = new HashMap<>();
        List<String> lines = Files.readAllLines(log);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            byHost.computeIfAbsent(f[0], h -> new ArrayList<>()).add(new Request(f[0], Long.parseLong(f[3]), Long.parseLong(f[4])));
        }
        long tooClose = 0;
        long overPermits = 0;
        long requests = 0;
        long minGap = Long.MAX_VALUE;
        for (List<Request> host : byHost.values()) {
            host.sort(Comparator.comparingLong(Request::start));
            requests += host.size();
            for (int i = 1; i < host.size(); i++) {
                long gap = host.get(i).start() - host.get(i - 1).start();
                minGap = Math.min(minGap, gap);
                if (permits == 1 && gap < delayNanos) {
                    tooClose++;
                }
                if (inFlightAt(host, i) > permits) {
                    overPermits++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "politeness: %d requests to %d hosts; %d closer than %d ms; %d over %d in flight; smallest gap %.1f ms%n",
                requests, byHost.size(), tooClose, delayNanos / 1_000_000, overPermits, permits,
                minGap == Long.MAX_VALUE ? 0.0 : minGap / 1e6);
    }

    /** Requests of one host in flight when request {@code i} started (itself included). */
    private static int inFlightAt(List<Request> sorted, int i) {
        long at = sorted.get(i).start();
        int count = 1;
        for (int j = i - 1; j >= 0 && j >= i - 64; j--) {
            if (sorted.get(j).end() > at) {
                count++;
            }
        }
        return count;
    }
}

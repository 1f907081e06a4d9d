package dev.crawler.cli;

import dev.crawler.storage.HostPace;
import dev.crawler.storage.HostQueues;
import dev.crawler.storage.ParkedHost;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The host part of {@code crawler status}: the hosts with the longest queues, the hosts the crawl
 * parked and why, the hosts that wait only for retries, and the hosts that taught the crawl a slower
 * pace by pushing back.
 *
 * @param hostsWithWork how many hosts have any URL queued or retrying
 * @param longest       up to the top-N hosts by URLs waiting, longest first
 * @param parked        hosts the engine stopped asking after failures in a row, most recent first
 * @param backingOff    hosts with nothing left but retries after transient failures, soonest due first
 * @param queues        the queue of every host with work, by origin
 * @param complete      false when the queue count stopped early: its numbers are then lower bounds
 * @param paced         every host that ever pushed back, the slowest learned pace first
 * @param top           how many hosts the text lists at most in a ranking
 */
record HostReport(int hostsWithWork, List<HostQueues.Host> longest, List<ParkedHost> parked,
        List<HostQueues.Host> backingOff, Map<String, HostQueues.Host> queues, boolean complete, List<HostPace> paced,
        int top) {

    static HostReport of(HostQueues counted, List<ParkedHost> parked, List<HostPace> paces, int top) {
        List<HostQueues.Host> withWork = counted.hosts().stream().filter(h -> h.queued() + h.retrying() > 0).toList();
        List<HostQueues.Host> longest = withWork.stream()
                .sorted(Comparator.comparingLong((HostQueues.Host h) -> h.queued() + h.retrying()).reversed()
                        .thenComparing(HostQueues.Host::origin))
                .limit(top)
                .toList();
        List<HostQueues.Host> backingOff = withWork.stream()
                .filter(h -> h.queued() == 0 && h.retrying() > 0)
                .sorted(Comparator.comparing((HostQueues.Host h) -> h.nextRetryAt().orElseThrow()).thenComparing(HostQueues.Host::origin))
                .toList();
        List<ParkedHost> recentFirst = parked.stream().sorted(Comparator.comparing(ParkedHost::at).reversed()).toList();
        Map<String, HostQueues.Host> queues = withWork.stream()
                .collect(Collectors.toMap(HostQueues.Host::origin, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<HostPace> slowestFirst = paces.stream()
                .sorted(Comparator.comparingLong(HostPace::delayMillis).reversed().thenComparing(HostPace::origin))
                .toList();
        return new HostReport(withWork.size(), longest, recentFirst, backingOff, queues, counted.complete(), slowestFirst, top);
    }

    void print(PrintWriter out) {
        if (hostsWithWork > 0) {
            out.printf("  Longest queues (%s%d hosts with work)%n", complete ? "" : "at least ", hostsWithWork);
            for (HostQueues.Host host : longest) {
                out.printf("    %-40s queued %d  retrying %d%n", host.origin(), host.queued(), host.retrying());
            }
        }
        if (!parked.isEmpty()) {
            out.printf("  Parked hosts (%d): not asked again in the run that parked them; 'resume' tries them again%n",
                    parked.size());
            for (ParkedHost host : parked) {
                out.printf("    %-40s %s (at %s; %d URLs waiting)%n", host.origin(), why(host), host.at(), waiting(host.origin()));
            }
        }
        if (!backingOff.isEmpty()) {
            out.printf("  Backing off (%d): only retries left after transient failures%n", backingOff.size());
            for (HostQueues.Host host : backingOff) {
                out.printf("    %-40s %d URL(s), next retry at %s%n", host.origin(), host.retrying(),
                        host.nextRetryAt().map(Object::toString).orElse("?"));
            }
        }
        List<HostPace> slowed = paced.stream().filter(pace -> pace.delayMillis() > 0).toList();
        if (!slowed.isEmpty()) {
            out.printf("  Learned pace (%d hosts slowed by pushing back; a resume starts from it)%n", slowed.size());
            for (HostPace pace : slowed.subList(0, Math.min(top, slowed.size()))) {
                out.printf("    %-40s delay %s after %d push-backs, last: %s (at %s)%n", pace.origin(),
                        seconds(pace.delayMillis()), pace.pushBacks(), pace.lastPushBack(), pace.at());
            }
        }
        if (!complete) {
            out.println("  (queues counted in part: the frontier is larger than status reads)");
        }
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** {@code 5 in a row, last: connect: Connection refused}, or the reason alone for a host parked for what it said. */
    private static String why(ParkedHost host) {
        return host.consecutiveFailures() > 0 ? host.consecutiveFailures() + " in a row, last: " + host.reason() : host.reason();
    }

    private long waiting(String origin) {
        HostQueues.Host host = queues.get(origin);
        return host == null ? 0 : host.queued() + host.retrying();
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("complete", complete);
        json.put("withWork", hostsWithWork);
        json.put("longestQueues", longest.stream().map(HostReport::queueJson).toList());
        List<Map<String, Object>> parkedJson = new ArrayList<>();
        for (ParkedHost host : parked) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("origin", host.origin());
            entry.put("reason", host.reason());
            entry.put("consecutiveFailures", host.consecutiveFailures());
            entry.put("at", host.at().toString());
            entry.put("waiting", waiting(host.origin()));
            parkedJson.add(entry);
        }
        json.put("parked", parkedJson);
        json.put("backingOff", backingOff.stream().map(HostReport::queueJson).toList());
        List<Map<String, Object>> pacedJson = new ArrayList<>();
        for (HostPace pace : paced) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("origin", pace.origin());
            entry.put("learnedDelayMillis", pace.delayMillis());
            entry.put("pushBacks", pace.pushBacks());
            entry.put("lastPushBack", pace.lastPushBack());
            entry.put("at", pace.at().toString());
            pacedJson.add(entry);
        }
        json.put("paced", pacedJson);
        return json;
    }

    private static Map<String, Object> queueJson(HostQueues.Host host) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("origin", host.origin());
        entry.put("queued", host.queued());
        entry.put("retrying", host.retrying());
        entry.put("nextRetryAt", host.nextRetryAt().map(Object::toString).orElse(null));
        return entry;
    }
}

package dev.crawler.core.seeds;

import dev.crawler.core.url.Origin;
import dev.crawler.core.url.UrlCanonicalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A seed file read line by line: one URL a line, blank lines and {@code #} comments allowed. Bad
 * lines are kept as problems with their line numbers, so the caller can report them all at once.
 *
 * @param urls     the canonical seed URLs, each once, in file order
 * @param problems the lines that are not usable seeds
 */
public record SeedList(List<String> urls, List<Problem> problems) {
    public SeedList {
        urls = List.copyOf(urls);
        problems = List.copyOf(problems);
    }

    /** One unusable line. */
    public record Problem(int lineNumber, String line, String reason) {
        @Override
        public String toString() {
            return "line " + lineNumber + ": " + reason + ": '" + line + "'";
        }
    }

    public static SeedList parse(List<String> lines, UrlCanonicalizer canonicalizer) {
        Set<String> urls = new LinkedHashSet<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Optional<String> problem = check(line);
            if (problem.isPresent()) {
                problems.add(new Problem(i + 1, line, problem.get()));
                continue;
            }
            Optional<String> canonical = canonicalizer.canonicalize(line);
            if (canonical.isEmpty()) {
                problems.add(new Problem(i + 1, line, "not a valid URL"));
            } else {
                urls.add(canonical.get());
            }
        }
        return new SeedList(new ArrayList<>(urls), problems);
    }

    private static Optional<String> check(String line) {
        if (line.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("a seed line holds one URL and nothing else");
        }
        int colon = line.indexOf("://");
        if (colon < 0) {
            return Optional.of("not an absolute URL (it needs http:// or https://)");
        }
        String scheme = line.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs can be crawled");
        }
        return Origin.of(line).isPresent() ? Optional.empty() : Optional.of("not a valid URL");
    }

    /** The origins of the seeds: by default, the crawl's scope. */
    public Set<String> origins() {
        Set<String> origins = new LinkedHashSet<>();
        for (String url : urls) {
            Origin.of(url).ifPresent(origins::add);
        }
        return origins;
    }
}

package dev.crawler.cli;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.fetch.HttpFetcher;
import dev.crawler.core.seeds.SeedList;
import dev.crawler.core.sitemap.SitemapExpander;
import dev.crawler.core.sitemap.SitemapLimits;
import dev.crawler.core.url.Origin;
import dev.crawler.core.url.UrlCanonicalizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a seed file: one URL a line, {@code #} comments, every bad line reported with its number.
 * A seed whose path ends in {@code .xml}, {@code .xml.gz} or {@code sitemap} is a sitemap: it is
 * fetched now (sitemap indexes too) and the pages it lists become the seeds in its place.
 */
final class SeedReader {
    /**
     * The seeds to queue.
     *
     * @param origins the hosts the seeds (and sitemap seeds) are on: by default, the crawl's scope
     */
    record Seeds(List<String> urls, Set<String> origins) {
    }

    private final Path file;
    private final boolean strict;
    private final PrintWriter err;
    private final CrawlConfig.Fetch fetch;
    private final Duration pause;
    private final SitemapLimits sitemapLimits;
    private final UrlCanonicalizer canonicalizer;
    private int problems;

    /**
     * @param config the crawl's settings: seeds are canonicalized by its scope rules, sitemaps fetched
     *               with its fetch settings and its politeness delay between requests
     */
    SeedReader(Path file, boolean strict, PrintWriter err, CrawlConfig config, SitemapLimits sitemapLimits) {
        this.file = file;
        this.strict = strict;
        this.err = err;
        this.fetch = config.fetch();
        this.pause = config.politeness().delay();
        this.sitemapLimits = sitemapLimits;
        this.canonicalizer = new UrlCanonicalizer(config.scope().trackingParams(), config.scope().maxUrlLength());
    }

    /**
     * @throws UserError when the file cannot be read, holds no usable URL, or (with {@code --strict})
     *                   has any bad line
     */
    Seeds read() {
        List<String> lines = readLines();
        SeedList list = SeedList.parse(lines, canonicalizer);
        for (SeedList.Problem problem : list.problems()) {
            report(file + " " + problem);
        }
        List<String> sitemaps = list.urls().stream().filter(SeedReader::isSitemap).toList();
        Set<String> urls = new LinkedHashSet<>();
        Set<String> origins = new LinkedHashSet<>();
        for (String url : list.urls()) {
            if (!isSitemap(url)) {
                urls.add(url);
                Origin.of(url).ifPresent(origins::add);
            }
        }
        if (!sitemaps.isEmpty()) {
            expandSitemaps(sitemaps, lines, urls, origins);
        }
        if (strict && problems > 0) {
            throw new UserError(file + " has " + problems + " problem(s); fix them or drop --strict");
        }
        if (urls.isEmpty()) {
            throw new UserError("seed file " + file + " holds no usable URL");
        }
        return new Seeds(new ArrayList<>(urls), origins);
    }

    /** Whether a seed names a sitemap rather than a page. */
    static boolean isSitemap(String url) {
        String path = Optional.ofNullable(URI.create(url).getPath()).orElse("").toLowerCase(Locale.ROOT);
        return path.endsWith(".xml") || path.endsWith(".xml.gz") || path.endsWith("sitemap");
    }

    private void expandSitemaps(List<String> sitemaps, List<String> lines, Set<String> urls, Set<String> origins) {
        try (HttpFetcher fetcher = new HttpFetcher(fetch)) {
            SitemapExpander expander = new SitemapExpander(
                    uri -> fetcher.fetch(uri, Origin.of(uri).orElseThrow()), sitemapLimits, pause,
                    fetch.totalTimeout().plusSeconds(5));
            for (String sitemap : sitemaps) {
                String where = file + " " + lineOf(sitemap, lines);
                SitemapExpander.Expansion expansion = expander.expand(URI.create(sitemap));
                expansion.problems().forEach(problem -> report(where + ": sitemap " + problem));
                int invalid = 0;
                for (String page : expansion.pageUrls()) {
                    Optional<String> canonical = canonicalizer.canonicalize(page);
                    if (canonical.isPresent() && Origin.of(canonical.get()).isPresent()) {
                        urls.add(canonical.get());
                    } else {
                        invalid++;
                    }
                }
                if (invalid > 0) {
                    report(where + ": sitemap " + sitemap + " lists " + invalid + " URL(s) that cannot be crawled");
                }
                Origin.of(sitemap).ifPresent(origins::add);
                err.println("crawler: " + where + ": sitemap " + sitemap + " gave " + expansion.pageUrls().size() + " page URL(s)");
                err.flush();
            }
        }
    }

    /** "line N" of the seed that canonicalizes to {@code url}; sitemaps are few, so a scan is fine. */
    private String lineOf(String url, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            @Nullable String canonical = canonicalizer.canonicalize(lines.get(i).strip()).orElse(null);
            if (url.equals(canonical)) {
                return "line " + (i + 1);
            }
        }
        return "";
    }

    private void report(String problem) {
        problems++;
        err.println("crawler: " + problem + (strict ? "" : " (skipped)"));
        err.flush();
    }

    private List<String> readLines() {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError("seed file " + file + " does not exist");
        } catch (MalformedInputException e) {
            throw new UserError("seed file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UserError("cannot read seed file " + file + ": " + e.getMessage());
        }
    }
}

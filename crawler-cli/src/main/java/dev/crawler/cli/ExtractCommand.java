package dev.crawler.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.extract.ExtractedProduct;
import dev.crawler.core.extract.ExtractionRules;
import dev.crawler.core.extract.ProductExtractor;
import dev.crawler.core.fetch.FetchOutcome;
import dev.crawler.core.fetch.HttpFetcher;
import dev.crawler.core.parse.PageParser;
import dev.crawler.core.url.LenientUri;
import dev.crawler.core.url.Origin;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crawler extract FILE|URL [--base-url URL] [--rules FILE] [--explain]}: the products one page yields, as
 * JSON, with the extractor that supplied each field. The tool to reach for while writing site rules:
 * {@code --rules} applies the site rules of a config file, as a crawl with that file would.
 */
@Command(name = "extract", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Prints the products found on one page (a saved file or a URL) as JSON, "
                + "with which extractor found each field.")
final class ExtractCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|URL", description = "A saved HTML page, or an http(s) URL to fetch once.")
    String source;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The page's address, for resolving links and images in a saved file and for choosing "
                    + "the site rule by host. Default: the file's own URI.")
    String baseUrl;

    @Option(names = {"--config", "--rules"}, paramLabel = "FILE",
            description = "A config file, as a crawl with --config FILE reads it: its extraction.siteRules apply to the "
                    + "page (the way to try CSS rules on a saved page before crawling), and its fetch settings "
                    + "(user agent, timeouts, proxies) fetch a URL.")
    @Nullable Path configFile;

    @Option(names = "--explain",
            description = "Also print to standard error how the general page extractor read the page: its price "
                    + "candidates with scores and reasons, and the identifier and availability it chose.")
    boolean explain;

    @Override
    public Integer call() throws IOException {
        // The config file is read first: a mistake in it is reported before any page is fetched.
        ConfigDocument config = configFile == null ? ConfigDocument.defaults() : ConfigFile.load(configFile);
        ExtractionRules rules = config.extraction();
        Page page = source.startsWith("http://") || source.startsWith("https://")
                ? fetch(LenientUri.parse(source).orElseThrow(() -> new UserError("'" + source + "' is not a URL")), config.fetch())
                : read(Path.of(source));
        if (configFile != null && !rules.siteRules().isEmpty()) {
            warnWithoutMatchingRule(rules, page.uri);
        }
        // Decoded as a crawl decodes a page: a saved file has no header, so its BOM, its own declaration or the bytes decide.
        Document doc = PageParser.parse(page.body, page.contentType, page.uri.toString());
        ProductExtractor extractor = new ProductExtractor(rules);
        List<ExtractedProduct> products = extractor.extract(doc, page.uri);
        if (explain) {
            extractor.explain(doc, page.uri).forEach(spec.commandLine().getErr()::println);
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        spec.commandLine().getOut().println(json.writeValueAsString(products.stream().map(ExtractCommand::view).toList()));
        spec.commandLine().getOut().flush();
        if (products.isEmpty()) {
            spec.commandLine().getErr().println("crawler: no product found on " + page.uri);
        }
        return ExitCodes.OK;
    }

    /** @param contentType the response's Content-Type, or {@code ""} for a saved file */
    private record Page(URI uri, byte[] body, String contentType) {
    }

    /** Rules apply by the page's host: a saved file without --base-url has none, which is the usual slip. */
    private void warnWithoutMatchingRule(ExtractionRules rules, URI page) {
        String host = page.getHost() == null ? "" : page.getHost();
        if (rules.ruleFor(host).isPresent()) {
            return;
        }
        String hint = host.isEmpty()
                ? "the page has no host; give the shop's address with --base-url"
                : "no hostPattern in it matches " + host;
        spec.commandLine().getErr().println("crawler: no site rule of " + configFile + " applies: " + hint);
    }

    private Page read(Path file) throws IOException {
        try {
            URI uri = baseUrl == null ? file.toAbsolutePath().toUri() : LenientUri.parse(baseUrl)
                    .filter(URI::isAbsolute)
                    .orElseThrow(() -> new UserError("--base-url '" + baseUrl + "' is not a URL"));
            return new Page(uri, Files.readAllBytes(file), "");
        } catch (NoSuchFileException e) {
            throw new UserError("file " + file + " does not exist (give a saved page or an http(s) URL)");
        }
    }

    private Page fetch(URI uri, CrawlConfig.Fetch settings) {
        String origin = Origin.of(uri).orElseThrow(() -> new UserError("'" + uri + "' is not an http(s) URL"));
        try (HttpFetcher fetcher = fetcher(settings)) {
            FetchOutcome outcome = fetcher.fetch(uri, origin).get(2, TimeUnit.MINUTES);
            if (outcome instanceof FetchOutcome.Failure failure) {
                throw new UserError("fetching " + uri + " failed (" + failure.failureClass().label() + "): " + failure.message());
            }
            FetchOutcome.Response response = (FetchOutcome.Response) outcome;
            if (response.status() != 200) {
                throw new UserError("fetching " + uri + " answered HTTP " + response.status());
            }
            return new Page(uri, response.body(), response.header("content-type").orElse(""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while fetching " + uri);
        } catch (ExecutionException | TimeoutException e) {
            throw new UserError("fetching " + uri + " failed: " + e.getMessage());
        }
    }

    /** A proxy whose credentials' environment variable is not set is the config's mistake, said in one line. */
    private static HttpFetcher fetcher(CrawlConfig.Fetch settings) {
        try {
            return new HttpFetcher(settings);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The product as a person wants to read it: fields in the export's order, then where each came from. */
    private static Map<String, Object> view(ExtractedProduct product) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("url", product.url());
        view.put("name", product.name());
        view.put("price", product.price());
        view.put("currency", product.currency());
        view.put("sku", product.sku());
        view.put("gtin", product.gtin());
        view.put("brand", product.brand());
        view.put("availability", product.availability());
        view.put("image", product.image());
        view.put("rating", product.rating());
        view.put("review_count", product.reviewCount());
        // Which extractor found each field, in the same order as the fields.
        Map<String, Object> sources = new LinkedHashMap<>();
        view.keySet().stream().filter(product.sources()::containsKey).forEach(field -> sources.put(field, product.sources().get(field)));
        product.sources().forEach(sources::putIfAbsent);
        view.put("sources", sources);
        return view;
    }
}

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
import dev.crawler.core.parse.CharsetDetector;
import dev.crawler.core.url.Origin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crawler extract FILE|URL}: the products one page yields, as JSON, with the extractor that
 * supplied each field. The tool to reach for while writing site rules.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Prints the products found on one page (a saved file or a URL) as JSON, "
                + "with which extractor found each field.")
final class ExtractCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|URL", description = "A saved HTML page, or an http(s) URL to fetch once.")
    String source;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The page's address, for resolving links and images in a saved file. Default: the file's own URI.")
    String baseUrl;

    private ExtractionRules rules = ExtractionRules.none();

    /** Site rules to apply, for callers (and the --rules option) that have them. */
    void rules(ExtractionRules value) {
        this.rules = value;
    }

    @Override
    public Integer call() throws IOException {
        Page page = source.startsWith("http://") || source.startsWith("https://") ? fetch(URI.create(source)) : read(Path.of(source));
        Document doc = Jsoup.parse(new ByteArrayInputStream(page.body), page.charset.orElse(null), page.uri.toString());
        List<ExtractedProduct> products = new ProductExtractor(rules).extract(doc, page.uri);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        spec.commandLine().getOut().println(json.writeValueAsString(products.stream().map(ExtractCommand::view).toList()));
        spec.commandLine().getOut().flush();
        if (products.isEmpty()) {
            spec.commandLine().getErr().println("crawler: no product found on " + page.uri);
        }
        return ExitCodes.OK;
    }

    private record Page(URI uri, byte[] body, Optional<String> charset) {
    }

    private Page read(Path file) throws IOException {
        try {
            URI uri = baseUrl != null ? URI.create(baseUrl) : file.toAbsolutePath().toUri();
            return new Page(uri, Files.readAllBytes(file), Optional.empty());
        } catch (NoSuchFileException e) {
            throw new UserError("file " + file + " does not exist (give a saved page or an http(s) URL)");
        } catch (IllegalArgumentException e) {
            throw new UserError("--base-url '" + baseUrl + "' is not a URL");
        }
    }

    private Page fetch(URI uri) {
        String origin = Origin.of(uri).orElseThrow(() -> new UserError("'" + uri + "' is not an http(s) URL"));
        try (HttpFetcher fetcher = new HttpFetcher(CrawlConfig.Fetch.defaults())) {
            FetchOutcome outcome = fetcher.fetch(uri, origin).get(2, TimeUnit.MINUTES);
            if (outcome instanceof FetchOutcome.Failure failure) {
                throw new UserError("fetching " + uri + " failed (" + failure.failureClass().label() + "): " + failure.message());
            }
            FetchOutcome.Response response = (FetchOutcome.Response) outcome;
            if (response.status() != 200) {
                throw new UserError("fetching " + uri + " answered HTTP " + response.status());
            }
            return new Page(uri, response.body(), response.header("content-type").flatMap(CharsetDetector::fromContentType));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while fetching " + uri);
        } catch (ExecutionException | TimeoutException e) {
            throw new UserError("fetching " + uri + " failed: " + e.getMessage());
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
        view.put("sources", product.sources());
        return view;
    }
}

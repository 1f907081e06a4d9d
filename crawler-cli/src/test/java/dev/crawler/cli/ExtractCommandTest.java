package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawler.testbed.ProductTruth;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExtractCommandTest {
    @TempDir
    Path temp;

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = CrawlerMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Result(commandLine.execute(args), out.toString(), err.toString());
    }

    @Test
    void aSavedPageYieldsItsProductAndWhichExtractorFoundEachField() throws Exception {
        Path page = Files.writeString(temp.resolve("lamp.html"), """
                <html lang="en"><head><title>Lamp</title>
                <meta property="og:type" content="product"><meta property="og:title" content="Brass Lamp (OG)">
                <script type="application/ld+json">{"@type":"Product","name":"Brass Lamp","sku":"L-1",
                  "offers":{"@type":"Offer","price":"49.90","priceCurrency":"EUR","availability":"https://schema.org/InStock"}}</script>
                </head><body><h1>Brass Lamp</h1></body></html>""");

        Result result = run("extract", page.toString(), "--base-url", "https://shop.example/p/lamp");

        assertThat(result.exitCode()).isZero();
        JsonNode product = new ObjectMapper().readTree(result.out()).get(0);
        assertThat(product.get("url").asText()).isEqualTo("https://shop.example/p/lamp");
        assertThat(product.get("name").asText()).isEqualTo("Brass Lamp");
        assertThat(product.get("price").decimalValue()).isEqualByComparingTo("49.90");
        assertThat(product.get("currency").asText()).isEqualTo("EUR");
        assertThat(product.get("sources").get("price").asText()).isEqualTo("json-ld");
    }

    @Test
    void aUrlIsFetchedOnceAndExtracted() throws Exception {
        try (Testbed testbed = Testbed.start(TestbedConfig.defaults().withShops(1).withProductsPerShop(3))) {
            ProductTruth truth = testbed.groundTruth().products().get(0);

            Result result = run("extract", truth.url());

            assertThat(result.exitCode()).as(result.err()).isZero();
            JsonNode product = new ObjectMapper().readTree(result.out()).get(0);
            assertThat(product.get("name").asText()).isEqualTo(truth.name());
            assertThat(product.get("sku").asText()).isEqualTo(truth.sku());
        }
    }

    @Test
    void aMissingFileIsAOneLineUsageError() {
        Result result = run("extract", temp.resolve("nope.html").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("crawler: file ").contains("does not exist").doesNotContain("Exception");
    }

    @Test
    void aPageWithoutProductsPrintsAnEmptyListAndSaysSo() throws Exception {
        Path page = Files.writeString(temp.resolve("about.html"), "<html><body><p>About us</p></body></html>");

        Result result = run("extract", page.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(result.out())).isEmpty();
        assertThat(result.err()).contains("no product found");
    }
}

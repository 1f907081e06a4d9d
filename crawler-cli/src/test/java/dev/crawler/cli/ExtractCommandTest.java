package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawler.testbed.Fault;
import dev.crawler.testbed.FaultConfig;
import dev.crawler.testbed.FaultShop;
import dev.crawler.testbed.ForwardProxy;
import dev.crawler.testbed.ProductTruth;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crawler extract}: the products of one page, and which extractor (or site rule) found each field. */
class ExtractCommandTest {
    /** A shop page with no structured data at all: the general page extractor and site rules read it. */
    private static final String PLAIN_PAGE = """
            <html><head><title>Brass desk lamp | Lamps | Example Shop</title></head><body>
            <nav><a href="/">Home</a></nav>
            <form class="product" action="/cart"><input type="hidden" name="product_id" value="L-1042">
              <h1 class="product-title">Brass desk lamp</h1>
              <div class="price-box"><span class="price">€1,299.00</span></div>
              <p class="stock-status">In stock</p>
              <img class="main-photo" src="/img/l-1042.jpg">
            </form></body></html>""";

    /** A rules file as a user writes it: only the extraction section of a config file. */
    private static final String RULES = """
            extraction:
              siteRules:
                - hostPattern: "*.shop.example"
                  name: h1.product-title
                  price: .price-box .price
                  sku: "input[name=product_id]"
                  availability: .stock-status
                  image: img.main-photo
            """;

    @TempDir
    Path temp;

    @Test
    void aSavedPageYieldsItsProductAndWhichExtractorFoundEachField() throws Exception {
        Path page = Files.writeString(temp.resolve("lamp.html"), """
                <html lang="en"><head><title>Lamp</title>
                <meta property="og:type" content="product"><meta property="og:title" content="Brass Lamp (OG)">
                <script type="application/ld+json">{"@type":"Product","name":"Brass Lamp","sku":"L-1",
                  "offers":{"@type":"Offer","price":"49.90","priceCurrency":"EUR","availability":"https://schema.org/InStock"}}</script>
                </head><body><h1>Brass Lamp</h1></body></html>""");

        Cli.Result result = Cli.run("extract", page.toString(), "--base-url", "https://shop.example/p/lamp");

        assertThat(result.exitCode()).isZero();
        JsonNode product = new ObjectMapper().readTree(result.out()).get(0);
        assertThat(product.get("url").asText()).isEqualTo("https://shop.example/p/lamp");
        assertThat(product.get("name").asText()).isEqualTo("Brass Lamp");
        assertThat(product.get("price").decimalValue()).isEqualByComparingTo("49.90");
        assertThat(product.get("currency").asText()).isEqualTo("EUR");
        assertThat(product.get("sources").get("price").asText()).isEqualTo("json-ld");
    }

    @Test
    void aSavedPageInALegacyCharsetWithoutADeclarationIsDecodedAsACrawlDecodesIt() throws Exception {
        String name = "Кофеварка капельная «Добрыня»";
        String html = "<html><head><title>" + name + "</title></head><body><h1>" + name + "</h1>"
                + "<p>Эта кофеварка готовит до двенадцати чашек крепкого кофе за восемь минут. "
                + "Съёмный фильтр легко мыть, а подогрев сохраняет напиток горячим целый час.</p>"
                + "<p class=\"price\">4 990 руб.</p><button>Купить</button></body></html>";
        Path page = Files.write(temp.resolve("kettle.html"), html.getBytes(Charset.forName("windows-1251")));

        Cli.Result result = Cli.run("extract", page.toString(), "--base-url", "https://shop.example/p/kettle");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(new ObjectMapper().readTree(result.out()).get(0).get("name").asText()).isEqualTo(name);
    }

    @Test
    void aUrlWhoseHeaderLiesAboutItsCharsetIsDecodedByItsOwnDeclaration() throws Exception {
        try (FaultShop faults = Testbed.startFaults(FaultConfig.defaults())) {
            Cli.Result result = Cli.run("extract", faults.uri(Fault.LYING_CHARSET_CYRILLIC).toString());

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(new ObjectMapper().readTree(result.out()).get(0).get("name").asText()).isEqualTo(Fault.CYRILLIC_PRODUCT);
        }
    }

    @Test
    void aUrlIsFetchedOnceAndExtracted() throws Exception {
        try (Testbed testbed = Testbed.start(TestbedConfig.defaults().withShops(1).withProductsPerShop(3))) {
            ProductTruth truth = testbed.groundTruth().products().get(0);

            Cli.Result result = Cli.run("extract", truth.url());

            assertThat(result.exitCode()).as(result.err()).isZero();
            JsonNode product = new ObjectMapper().readTree(result.out()).get(0);
            assertThat(product.get("name").asText()).isEqualTo(truth.name());
            assertThat(product.get("sku").asText()).isEqualTo(truth.sku());
        }
    }

    @Test
    void aUrlIsFetchedThroughTheProxyOfTheConfigFile() throws Exception {
        try (Testbed testbed = Testbed.start(TestbedConfig.defaults().withShops(1).withProductsPerShop(3));
                ForwardProxy proxy = Testbed.startProxy("127.0.5.1", null, null,
                        Map.of("lamps.test", testbed.shopHosts().get(0)))) {
            ProductTruth truth = testbed.groundTruth().products().get(0);
            URI real = URI.create(truth.url());
            // A name only the proxy can resolve: the page arrives only if the proxy fetched it.
            String throughProxy = "http://lamps.test:" + real.getPort() + real.getRawPath();
            Path config = Files.writeString(temp.resolve("proxy.yaml"), """
                    fetch:
                      proxies:
                        - hostPattern: "*"
                          url: %s
                    """.formatted(proxy.httpUrl()));

            Cli.Result direct = Cli.run("extract", throughProxy);
            Cli.Result result = Cli.run("extract", throughProxy, "--config", config.toString());

            assertThat(direct.exitCode()).as("no proxy, no such host").isEqualTo(ExitCodes.USAGE);
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.err()).as("a config without site rules warns of none").isEmpty();
            assertThat(new ObjectMapper().readTree(result.out()).get(0).get("sku").asText()).isEqualTo(truth.sku());
            assertThat(proxy.relays()).extracting(ForwardProxy.Relay::target).contains("lamps.test:" + real.getPort());
        }
    }

    @Test
    void aBaseUrlWithCharactersBrowsersAcceptIsReadAsTheyWouldSendIt() throws Exception {
        Path page = Files.writeString(temp.resolve("lamp.html"), PLAIN_PAGE);

        Cli.Result result = Cli.run("extract", page.toString(), "--base-url", "https://www.shop.example/p/lamp#a=3|p=14|s=0");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(new ObjectMapper().readTree(result.out()).get(0).get("url").asText()).isEqualTo("https://www.shop.example/p/lamp");
    }

    @Test
    void aBaseUrlThatIsNoUrlIsAOneLineUsageError() throws Exception {
        Path page = Files.writeString(temp.resolve("lamp.html"), PLAIN_PAGE);

        Cli.Result result = Cli.run("extract", page.toString(), "--base-url", "lamp.html");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("crawler: --base-url 'lamp.html' is not a URL\n");
    }

    @Test
    void aMissingFileIsAOneLineUsageError() {
        Cli.Result result = Cli.run("extract", temp.resolve("nope.html").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("crawler: file ").contains("does not exist").doesNotContain("Exception");
    }

    @Test
    void aPageWithoutProductsPrintsAnEmptyListAndSaysSo() throws Exception {
        Path page = Files.writeString(temp.resolve("about.html"), "<html><body><p>About us</p></body></html>");

        Cli.Result result = Cli.run("extract", page.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(result.out())).isEmpty();
        assertThat(result.err()).contains("no product found");
    }

    @Test
    void aRulesFileReadsAPageWithoutStructuredDataAndSaysTheSiteRuleFoundEachField() throws Exception {
        Path page = Files.writeString(temp.resolve("lamp.html"), PLAIN_PAGE);
        Path rules = Files.writeString(temp.resolve("rules.yaml"), RULES);

        Cli.Result without = Cli.run("extract", page.toString(), "--base-url", "https://www.shop.example/p/lamp");
        Cli.Result result = Cli.run("extract", page.toString(), "--base-url", "https://www.shop.example/p/lamp",
                "--rules", rules.toString());

        JsonNode seen = new ObjectMapper().readTree(without.out());
        assertThat(seen).as("no structured data: the general page extractor reads what a shopper sees").hasSize(1);
        assertThat(seen.get(0).get("name").asText()).isEqualTo("Brass desk lamp");
        assertThat(seen.get(0).get("sources").get("name").asText()).isEqualTo("page");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        JsonNode products = new ObjectMapper().readTree(result.out());
        assertThat(products).hasSize(1);
        JsonNode product = products.get(0);
        assertThat(product.get("url").asText()).isEqualTo("https://www.shop.example/p/lamp");
        assertThat(product.get("name").asText()).isEqualTo("Brass desk lamp");
        assertThat(product.get("price").decimalValue()).isEqualByComparingTo("1299.00");
        assertThat(product.get("currency").asText()).isEqualTo("EUR");
        assertThat(product.get("sku").asText()).isEqualTo("L-1042");
        assertThat(product.get("availability").asText()).isEqualTo("InStock");
        assertThat(product.get("image").asText()).isEqualTo("https://www.shop.example/img/l-1042.jpg");
        assertThat(product.get("sources").get("name").asText()).isEqualTo("site-rule");
        assertThat(product.get("sources").get("price").asText()).isEqualTo("site-rule");
    }

    @Test
    void rulesForNoHostOfThePageSaySoAndHowToGiveTheHost() throws Exception {
        Path page = Files.writeString(temp.resolve("lamp.html"), PLAIN_PAGE);
        Path rules = Files.writeString(temp.resolve("rules.yaml"), RULES);

        Cli.Result noHost = Cli.run("extract", page.toString(), "--rules", rules.toString());
        Cli.Result otherHost = Cli.run("extract", page.toString(), "--rules", rules.toString(), "--base-url", "https://other.example/p/1");

        assertThat(noHost.exitCode()).isZero();
        assertThat(noHost.err()).isEqualTo("crawler: no site rule of " + rules
                + " applies: the page has no host; give the shop's address with --base-url\n");
        assertThat(new ObjectMapper().readTree(noHost.out()).get(0).get("sources").get("name").asText())
                .as("without a rule that applies, the general page extractor still reads the page").isEqualTo("page");
        assertThat(otherHost.err()).startsWith("crawler: no site rule of " + rules + " applies: no hostPattern in it matches other.example\n");
    }

    @Test
    void aBadRulesFileIsAOneLineUsageErrorNamingTheLine() throws Exception {
        Path page = Files.writeString(temp.resolve("lamp.html"), PLAIN_PAGE);
        Path rules = Files.writeString(temp.resolve("rules.yaml"), RULES.replace("price: .price-box", "prize: .price-box"));

        Cli.Result result = Cli.run("extract", page.toString(), "--rules", rules.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("crawler: " + rules + " line 5: unknown setting 'extraction.siteRules[0].prize'; "
                + "did you mean 'extraction.siteRules[0].price'?\n");
    }

    @Test
    void aMissingRulesFileIsAOneLineUsageError() throws Exception {
        Path page = Files.writeString(temp.resolve("lamp.html"), PLAIN_PAGE);

        Cli.Result result = Cli.run("extract", page.toString(), "--rules", temp.resolve("nope.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("crawler: config file " + temp.resolve("nope.yaml") + " does not exist\n");
    }
}

package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.core.config.ConfigJson;
import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.config.ProxyRule;
import dev.crawler.core.extract.SiteRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path temp;

    private static ConfigDocument parse(String yaml) {
        return ConfigFile.parse(yaml, "crawl.yaml");
    }

    @Test
    void settingsLeftOutKeepTheirDefaults() {
        ConfigDocument document = parse("""
                politeness:
                  delay: 250ms
                limits:
                  maxPages: 500
                storage:
                  fsync: true
                """);

        ConfigDocument defaults = ConfigDocument.defaults();
        assertThat(document.politeness()).isEqualTo(defaults.politeness().withDelay(Duration.ofMillis(250)));
        assertThat(document.limits()).isEqualTo(defaults.limits().withMaxPages(500));
        assertThat(document.storage()).isEqualTo(defaults.storage().withFsync(true));
        assertThat(document.fetch()).isEqualTo(defaults.fetch());
        assertThat(document.export()).isEqualTo(defaults.export());
    }

    @Test
    void anEmptyFileIsTheDefaults() {
        assertThat(parse("")).isEqualTo(ConfigDocument.defaults());
        assertThat(parse("# only a comment\n")).isEqualTo(ConfigDocument.defaults());
    }

    @ParameterizedTest(name = "{0} is {1} ms")
    @CsvSource({"500ms, 500", "2s, 2000", "1m, 60000", "PT1S, 1000", "pt0.25s, 250", "0.5, 500", "3, 3000"})
    void durationsReadInEveryDocumentedForm(String written, long millis) {
        assertThat(parse("politeness:\n  delay: " + written + "\n").politeness().delay()).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void aChoiceIsWrittenAndReadByItsLowerCaseName() {
        ConfigDocument document = ConfigFile.parse("politeness:\n  crawlDelayAboveMax: honour\n", "crawl.yaml");

        assertThat(document.politeness().crawlDelayAboveMax()).isEqualTo(CrawlConfig.CrawlDelayAboveMax.HONOUR);
        assertThat(ConfigReference.defaultsFile()).contains("  crawlDelayAboveMax: \"skip\"\n");
    }

    @Test
    void siteRulesReachTheCrawlConfig() {
        ConfigDocument document = parse("""
                extraction:
                  siteRules:
                    - hostPattern: "*.shop.example"
                      name: h1.title
                      price: .price .amount
                """);

        CrawlConfig config = document.crawlConfig(Set.of("https://shop.example:443"));

        assertThat(config.extraction().siteRules())
                .containsExactly(new SiteRule("*.shop.example", "h1.title", ".price .amount", null, null, null, null));
    }

    @Test
    void proxyRulesAndCookieSettingsReachTheCrawlConfigWithoutAnyCredential() {
        ConfigDocument document = parse("""
                fetch:
                  cookies: "off"
                  proxies:
                    - hostPattern: "*.shop.example"
                      url: socks5://127.0.0.1:1080
                      usernameEnv: SHOP_PROXY_USER
                      passwordEnv: SHOP_PROXY_PASSWORD
                    - hostPattern: "*"
                      url: direct
                """);

        CrawlConfig config = document.crawlConfig(Set.of("https://shop.example:443"));

        assertThat(config.fetch().keepsCookies()).isFalse();
        assertThat(config.fetch().proxies()).containsExactly(
                new ProxyRule("*.shop.example", "socks5://127.0.0.1:1080", "SHOP_PROXY_USER", "SHOP_PROXY_PASSWORD"),
                new ProxyRule("*", "direct"));
        assertThat(ConfigJson.read(ConfigJson.write(config))).isEqualTo(config);
    }

    @Test
    void theSeedsOriginsAreAlwaysInScopeWithTheOriginsTheFileAdds() {
        ConfigDocument document = parse("scope:\n  allowedOrigins: [\"https://cdn.shop.example\"]\n");

        CrawlConfig config = document.crawlConfig(Set.of("https://shop.example:443"));

        assertThat(config.scope().allowedOrigins()).containsExactlyInAnyOrder("https://shop.example:443", "https://cdn.shop.example:443");
    }

    /** Every kind of mistake, with the one line that names the setting, its line and the problem. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a misspelled key       | politeness:\\n  dealy: 2s\\n                | crawl.yaml line 2: unknown setting 'politeness.dealy'; did you mean 'politeness.delay'?
            a misspelled section   | politness:\\n  delay: 2s\\n                | crawl.yaml line 1: unknown setting 'politness'; did you mean 'politeness'?
            a misspelled rule key  | extraction:\\n  siteRules:\\n    - hostPattern: a.example\\n      prize: .p\\n | crawl.yaml line 4: unknown setting 'extraction.siteRules[0].prize'; did you mean 'extraction.siteRules[0].price'?
            a bad duration         | politeness:\\n  delay: soon\\n               | crawl.yaml line 2: politeness.delay: 'soon' is not a duration; write seconds such as 0.5, or a unit: 500ms, 2s, 1m, or ISO 8601 such as PT1S
            a value out of range   | fetch:\\n  maxRetries: 3\\npoliteness:\\n  permitsPerHost: 0\\n | crawl.yaml line 4: politeness.permitsPerHost: must be 1..64, was 0
            a word for a number    | limits:\\n  maxPages: lots\\n              | crawl.yaml line 2: limits.maxPages: 'lots' is not a whole number
            a fraction for a count | limits:\\n  maxPages: 1.5\\n               | crawl.yaml line 2: limits.maxPages: '1.5' is not a whole number
            a word for a flag      | scope:\\n  followNofollow: maybe\\n        | crawl.yaml line 2: scope.followNofollow: 'maybe' is not true or false
            a value for a section  | politeness: 5\\n                           | crawl.yaml line 1: politeness: should be a section of settings
            a text for a list      | scope:\\n  trackingParams: utm\\n          | crawl.yaml line 2: scope.trackingParams: should be a list
            a key without value    | politeness:\\n  delay:\\n                  | crawl.yaml line 2: politeness.delay: has no value; give one, or delete the line to keep the default
            a key given twice      | politeness:\\n  delay: 1s\\n  delay: 2s\\n | crawl.yaml line 3: not valid YAML: Duplicate field 'delay'
            broken YAML            | politeness:\\n delay: 1s\\n  x: [\\n       | crawl.yaml line 3: not valid YAML: mapping values are not allowed here
            a list for the file    | - politeness\\n                            | crawl.yaml: a config file is a mapping of sections such as 'politeness:'; see 'crawler config --defaults'
            a blank user agent     | fetch:\\n  userAgent: ''\\n                | crawl.yaml line 2: fetch.userAgent: must not be blank
            a tiny cache           | storage:\\n  blockCacheBytes: 5\\n         | crawl.yaml line 2: storage.blockCacheBytes must be at least 1 MiB, was 5
            bad CSS in a rule      | extraction:\\n  siteRules:\\n    - hostPattern: a.example\\n      price: 'div[['\\n | crawl.yaml line 3: extraction.siteRules[0]: price selector is not valid CSS: 'div[[': Did not find balanced marker at '['
            a rule without host    | extraction:\\n  siteRules:\\n    - name: h1\\n | crawl.yaml line 3: extraction.siteRules[0]: hostPattern must be a host name such as shop.example.com or *.example.com, got: null
            an unknown format      | export:\\n  format: xlsx\\n                | crawl.yaml line 2: export.format: unknown export format 'xlsx'; use csv or jsonl
            a host for an origin   | scope:\\n  allowedOrigins: [shop.example]\\n | crawl.yaml line 2: scope.allowedOrigins: 'shop.example' is not an origin such as https://shop.example
            no sitemap files       | sitemaps:\\n  maxFiles: 0\\n               | crawl.yaml line 2: sitemaps.maxFiles: must be 1..100000, was 0
            a cookie mode          | fetch:\\n  cookies: always\\n               | crawl.yaml line 2: fetch.cookies: must be per-host or off, was 'always'
            a misspelled proxy key | fetch:\\n  proxies:\\n    - hostPattern: "*"\\n      uri: socks5://127.0.0.1:1080\\n | crawl.yaml line 4: unknown setting 'fetch.proxies[0].uri'; did you mean 'fetch.proxies[0].url'?
            a password in a proxy  | fetch:\\n  proxies:\\n    - hostPattern: "*"\\n      url: http://me:s3cret@127.0.0.1:3128\\n | crawl.yaml line 3: fetch.proxies[0]: url must not hold credentials; name the environment variables that hold them in usernameEnv and passwordEnv
            a proxy scheme         | fetch:\\n  proxies:\\n    - hostPattern: "*"\\n      url: ftp://127.0.0.1:21\\n | crawl.yaml line 3: fetch.proxies[0]: url must be http://HOST:PORT, socks5://HOST:PORT or direct, got: ftp://127.0.0.1:21
            a proxy without port   | fetch:\\n  proxies:\\n    - hostPattern: "*"\\n      url: socks5://127.0.0.1\\n | crawl.yaml line 3: fetch.proxies[0]: url must name the proxy's host and port, such as socks5://127.0.0.1:1080, got: socks5://127.0.0.1
            half the credentials   | fetch:\\n  proxies:\\n    - hostPattern: "*"\\n      url: socks5://127.0.0.1:1080\\n      usernameEnv: USER\\n | crawl.yaml line 3: fetch.proxies[0]: usernameEnv and passwordEnv go together: give both or neither
            an unknown choice      | politeness:\\n  crawlDelayAboveMax: wait\\n | crawl.yaml line 2: politeness.crawlDelayAboveMax: 'wait' is not one of: skip, honour
            a removed setting      | politeness:\\n  robotsErrorExpiry: 5m\\n  | crawl.yaml line 2: politeness.robotsErrorExpiry: no longer a setting (an unavailable robots.txt no longer blocks its host for a while: the host is parked with its URLs queued, and 'resume' tries it again); delete the line
            """)
    void aBadConfigIsRefusedWithOneLineNamingTheSettingAndItsLine(String mistake, String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n")))
                .isInstanceOf(UserError.class)
                .hasMessage(message);
    }

    @Test
    void aMissingConfigFileIsNamed() {
        Path missing = temp.resolve("nope.yaml");

        assertThatThrownBy(() -> ConfigFile.load(missing)).hasMessage("config file " + missing + " does not exist");
    }

    @Test
    void crawlWithABadConfigFileExitsWithAUsageErrorBeforeTouchingAnything() throws Exception {
        Path config = Files.writeString(temp.resolve("crawl.yaml"), "politeness:\n  dealy: 2s\n");
        Path seeds = Files.writeString(temp.resolve("seeds.txt"), "http://127.0.0.1:9/\n");

        Cli.Result result = Cli.run("crawl", seeds.toString(), "--dir", temp.resolve("c").toString(), "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("crawler: " + config + " line 2: unknown setting 'politeness.dealy'; "
                + "did you mean 'politeness.delay'?\n");
        assertThat(temp.resolve("c")).doesNotExist();
    }
}

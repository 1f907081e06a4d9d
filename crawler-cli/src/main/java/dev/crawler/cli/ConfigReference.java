package dev.crawler.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What every config setting means, in one place: {@code crawler config --defaults} prints it as the
 * comments of the default file (with the values taken from the code's defaults, so the two never
 * disagree), and {@code crawler config --reference} prints it as the README's table. Tests check that
 * every setting the records have is described here and listed in the README.
 */
final class ConfigReference {
    /**
     * One setting.
     *
     * @param key     its path in the file, e.g. {@code politeness.delay}; list items as {@code siteRules[].name}
     * @param flag    the command-line flag that overrides it, or empty
     * @param meaning one or two sentences for a person
     */
    record Setting(String key, String flag, String meaning) {
    }

    private static final Map<String, String> SECTIONS = new LinkedHashMap<>();
    private static final Map<String, Setting> SETTINGS = new LinkedHashMap<>();
    private static final Pattern PLAIN = Pattern.compile("\\d+(?:ms|s|m|h)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        section("politeness", "How kind the crawl is to each host.");
        setting("politeness.delay", "--delay", "Least time between two requests to one host.");
        setting("politeness.permitsPerHost", "--per-host", "Requests in flight to one host at most (1..64).");
        setting("politeness.maxCrawlDelay", "", "The longest robots.txt Crawl-delay followed as a matter of course; "
                + "see crawlDelayAboveMax for a longer one.");
        setting("politeness.adaptiveDelayFactor", "--adaptive-delay", "A slow host gets this many times its recent average response time "
                + "as its delay, when that is longer (0 turns it off).");
        setting("politeness.maxAdaptiveDelay", "", "The most the adaptive delay may slow a host down.");
        setting("politeness.maxRetryAfter", "", "The longest a Retry-After on a 429 or 503 may pause a host.");
        setting("politeness.parkAfterFailures", "", "A host that fails this many requests in a row without answering "
                + "(DNS, connect, timeout) is parked for the run; its URLs stay queued for a resume (0: never). So is a host whose robots.txt "
                + "cannot be read fetch.maxRetries + 1 times in a row (whatever this says).");
        setting("politeness.robotsExpiry", "", "How long a host's robots.txt is trusted before it is fetched again.");
        setting("politeness.maxPushBacks", "", "A host that pushes back (429, or 503 with Retry-After) is paused and "
                + "its URL queued again without using a retry; past this many push-backs on one URL the URL fails as "
                + "rate-limited, and past this many in a row the host is parked (1..255).");
        setting("politeness.pushBackFactor", "", "Each push-back multiplies the host's delay by this much: the pace the "
                + "crawl learns for it, kept across resumes (1.1..10).");
        setting("politeness.recoveryStep", "", "After recoveryAfter answers in a row the learned delay shrinks by this "
                + "much, never below politeness.delay or the host's Crawl-delay.");
        setting("politeness.recoveryAfter", "", "Answers in a row that earn one recoveryStep (1..10000).");
        setting("politeness.maxLearnedDelay", "", "The most push-backs may slow a host down.");
        setting("politeness.crawlDelayAboveMax", "", "A host whose robots.txt asks for a Crawl-delay above maxCrawlDelay: "
                + "skip (park it for the run, the reason shown in status) or honour (crawl it that slowly). "
                + "Its URLs stay queued either way.");

        section("fetch", "How one request is made.");
        setting("fetch.userAgent", "--user-agent", "Sent with every request. The default is a placeholder: "
                + "replace it with who you are and how to reach you.");
        setting("fetch.robotsName", "", "The name robots.txt groups are matched against (letters, - and _).");
        setting("fetch.connectTimeout", "", "Longest wait for a connection.");
        setting("fetch.readTimeout", "", "Longest silence while waiting for bytes.");
        setting("fetch.totalTimeout", "", "Longest a whole request may take.");
        setting("fetch.maxBodyBytes", "", "A longer body is cut and counted as too large (bytes, at least 1024).");
        setting("fetch.maxRetries", "", "Failures of one URL that may pass (timeouts, resets, 5xx) retried at most this often "
                + "(0..20); a host's push-backs do not count.");
        setting("fetch.ioThreads", "", "Network threads; one saturates a small machine (1..64).");
        setting("fetch.firstByteTimeout", "", "Longest wait from sending a request to the first byte of the answer.");
        setting("fetch.maxRedirects", "", "Redirect hops followed from one URL (0..20).");
        setting("fetch.retryBackoffBase", "", "Wait before the first retry of a transient failure; it doubles with each further try.");
        setting("fetch.retryBackoffMax", "", "Longest wait before a retry.");
        setting("fetch.dnsMinTtl", "", "DNS answers are kept at least this long, whatever their TTL.");
        setting("fetch.dnsMaxTtl", "", "DNS answers are kept at most this long, whatever their TTL.");
        setting("fetch.dnsNegativeTtl", "", "A name that did not resolve is not asked again for this long.");
        setting("fetch.cookies", "", "per-host: keep each host's cookies in memory for the run and send them back to "
                + "that host only (for shops that show prices after a session or consent cookie); off: keep and send none.");
        setting("fetch.maxCookiesPerHost", "", "Cookies kept for one host at most; its oldest goes first (1..1000).");
        setting("fetch.maxCookieBytes", "", "Memory all hosts' cookies may take (bytes); the least recently used host's go first.");
        setting("fetch.proxies", "", "Proxies by host, first matching rule first; hosts no rule matches are fetched "
                + "directly. Credentials come from environment variables, never from this file. Example in the README.");
        setting("fetch.proxies[].hostPattern", "", "* (every host), shop.example.com (that host) or *.example.com (it and "
                + "its subdomains).");
        setting("fetch.proxies[].url", "", "http://HOST:PORT (http sites forwarded, https tunnelled with CONNECT), "
                + "socks5://HOST:PORT (the proxy resolves names), or direct.");
        setting("fetch.proxies[].usernameEnv", "", "Name of the environment variable that holds the proxy user name.");
        setting("fetch.proxies[].passwordEnv", "", "Name of the environment variable that holds the proxy password.");

        section("scope", "Which URLs belong to the crawl.");
        setting("scope.allowedOrigins", "", "Origins such as https://shop.example the crawl may fetch besides the seeds' own.");
        setting("scope.maxDepth", "--max-depth", "Links followed at most this far from a seed.");
        setting("scope.maxUrlLength", "", "Longer URLs are dropped (at least 64).");
        setting("scope.maxLinksPerPage", "", "Links taken from one page at most.");
        setting("scope.followNofollow", "", "Whether rel=nofollow links are followed.");
        setting("scope.trackingParams", "", "Query parameters removed from every URL; a trailing * matches a prefix.");
        setting("scope.allowPrivateAddresses", "", "Whether hosts other than the seeds' may resolve to loopback, private "
                + "or link-local addresses (off: such fetches are refused, against server-side request forgery).");
        setting("scope.sitemapsFromRobots", "", "Queue the sitemaps each host's robots.txt lists, so that the pages they "
                + "list are crawled too (first, like seeds).");

        section("limits", "How much the crawl does and holds at once.");
        setting("limits.maxPages", "--max-pages", "Stop after this many pages in all, counting earlier runs (0: no limit).");
        setting("limits.maxInFlight", "--max-in-flight", "URLs being fetched, parsed or written at once, across all hosts (1..100000).");
        setting("limits.parseThreads", "", "Threads that parse pages; the default is one per core of the machine.");
        setting("limits.maxUrlsPerHost", "", "URLs one host may ever queue; a guard against spider traps.");

        section("extraction", "Reading products from pages.");
        setting("extraction.siteRules", "", "CSS rules for shops without structured data; each rule beats "
                + "structured data for the fields it names. A selector reads its first match: the attribute it names "
                + "(\"div.buy @data-sku\", or a trailing [data-...] test such as \"[data-sku]\"), else the content or value "
                + "attribute, else the text. Example in the README.");
        setting("extraction.siteRules[].hostPattern", "", "shop.example.com (that host) or *.example.com (it and its subdomains).");
        setting("extraction.siteRules[].name", "", "CSS selector of the product name.");
        setting("extraction.siteRules[].price", "", "CSS selector of the price text, e.g. \"$1,299.00\".");
        setting("extraction.siteRules[].currency", "", "CSS selector of a currency code or symbol, when the price text has none.");
        setting("extraction.siteRules[].sku", "", "CSS selector of the shop's product id.");
        setting("extraction.siteRules[].availability", "", "CSS selector of the stock text (\"In stock\", \"Sold out\").");
        setting("extraction.siteRules[].image", "", "CSS selector of the main product image.");

        section("revisit", "When 'crawler recrawl' and 'crawler watch' fetch a page again (each page keeps its own schedule).");
        setting("revisit.minInterval", "", "The shortest time a page waits between two visits, however often it changes.");
        setting("revisit.maxInterval", "", "The longest time a page waits between two visits, however rarely it changes.");
        setting("revisit.initialInterval", "", "A page's wait after its first visit; it halves after a visit that finds the page "
                + "changed and grows by half after one that finds it unchanged, within the two bounds.");
        setting("revisit.jitter", "", "The share of its wait by which a page's next visit may move either way (0..0.5), so that "
                + "pages crawled together do not fall due together.");

        section("sitemaps", "Sitemap seeds (a seed URL ending in .xml or sitemap).");
        setting("sitemaps.maxFiles", "", "Sitemap files read at most for one seed, index included.");
        setting("sitemaps.maxUrls", "", "Page URLs taken at most from one sitemap seed.");

        section("storage", "The crawl directory's database.");
        setting("storage.fsync", "--fsync", "Sync every commit to disk: survives power loss, costs speed. "
                + "A crash of the process loses nothing either way.");
        setting("storage.blockCacheBytes", "", "Memory for the database (bytes, at least 1 MiB).");
        setting("storage.writeBufferBytes", "", "Size of one in-memory write buffer (bytes, at least 1 MiB).");

        section("export", "Defaults for 'crawler export --config FILE'.");
        setting("export.format", "export --format", "csv or jsonl.");
        setting("export.raw", "export --raw", "Write cells that look like spreadsheet formulas as they are.");

        section("cluster", "One crawl shared by several processes through Kafka (see docs/CLUSTER.md).");
        setting("cluster.bootstrap", "--cluster", "Kafka bootstrap servers, host:port[,host:port...]; empty: the crawl runs "
                + "in this process alone.");
        setting("cluster.crawlId", "--crawl-id", "The crawl's name, the same on every member; its topics are named after it.");
        setting("cluster.partitions", "--partitions", "How many sets the hosts are split into (1..10000), fixed when the "
                + "crawl is first created; more than the members, so that members can come and go.");
        setting("cluster.sessionTimeout", "", "How long the others wait for a silent member before its hosts move "
                + "(6s..5m); a member stops fetching once a third of it passes without word from Kafka, and its "
                + "transactions time out at twice it (the broker's transaction.max.timeout.ms must allow that).");
        setting("cluster.memberId", "", "This member's lasting name; empty: made up when the crawl directory is created "
                + "and kept there.");
    }

    private static final String PROXY_EXAMPLE = """
              # Example:
              #   proxies:
              #     - hostPattern: "*.shop.example"
              #       url: socks5://127.0.0.1:1080
              #       usernameEnv: SHOP_PROXY_USER
              #       passwordEnv: SHOP_PROXY_PASSWORD
              #     - hostPattern: "*"
              #       url: http://proxy.internal:3128
            """;

    private static final String SITE_RULE_EXAMPLE = """
              # Example:
              #   siteRules:
              #     - hostPattern: shop.example.com
              #       name: h1.product-title
              #       price: .price-box .price
              #       currency: meta[itemprop=priceCurrency]
              #       sku: "input[name=product_id]"
              #       availability: .stock-status
              #       image: img.main-photo
            """;

    private ConfigReference() {
    }

    private static void section(String name, String meaning) {
        SECTIONS.put(name, meaning);
    }

    private static void setting(String key, String flag, String meaning) {
        SETTINGS.put(key, new Setting(key, flag, meaning));
    }

    static List<Setting> settings() {
        return List.copyOf(SETTINGS.values());
    }

    /** The default config file: every setting with its default value and a comment saying what it does. */
    static String defaultsFile() {
        JsonNode defaults = ConfigFile.MAPPER.valueToTree(ConfigDocument.defaults());
        StringBuilder yaml = new StringBuilder("""
                # crawler config file: every setting with its default. Keep only what you change.
                # Use it with: crawler crawl SEEDS --dir DIR --config FILE  (flags override the file)
                # Durations: 500ms, 2s, 1m or ISO 8601 (PT1S). Sizes are in bytes.
                """);
        Iterator<Map.Entry<String, JsonNode>> sections = defaults.fields();
        while (sections.hasNext()) {
            Map.Entry<String, JsonNode> section = sections.next();
            yaml.append('\n').append("# ").append(describeSection(section.getKey())).append('\n');
            yaml.append(section.getKey()).append(":\n");
            Iterator<Map.Entry<String, JsonNode>> values = section.getValue().fields();
            while (values.hasNext()) {
                Map.Entry<String, JsonNode> value = values.next();
                String key = section.getKey() + "." + value.getKey();
                for (String line : wrap(describe(key).meaning(), 96)) {
                    yaml.append("  # ").append(line).append('\n');
                }
                if (key.equals("extraction.siteRules")) {
                    yaml.append(SITE_RULE_EXAMPLE);
                }
                if (key.equals("fetch.proxies")) {
                    yaml.append(PROXY_EXAMPLE);
                }
                yaml.append("  ").append(value.getKey()).append(": ").append(scalar(value.getValue())).append('\n');
            }
        }
        return yaml.toString();
    }

    /** The settings as a Markdown table, for the README. */
    static String markdownTable() {
        JsonNode defaults = ConfigFile.MAPPER.valueToTree(ConfigDocument.defaults());
        StringBuilder table = new StringBuilder("| setting | default | flag | meaning |\n|---|---|---|---|\n");
        for (Setting setting : SETTINGS.values()) {
            JsonNode value = setting.key().contains("[]") ? null : defaults.at("/" + setting.key().replace('.', '/'));
            String shown = value == null ? "" : "`" + scalar(value).replace("|", "\\|") + "`";
            if (setting.key().equals("limits.parseThreads")) {
                shown = "one per core";
            }
            table.append("| `").append(setting.key()).append("` | ").append(shown).append(" | ")
                    .append(setting.flag().isEmpty() ? "" : "`" + setting.flag() + "`").append(" | ")
                    .append(setting.meaning().replace("|", "\\|")).append(" |\n");
        }
        return table.toString();
    }

    /** Splits text at spaces into lines of at most {@code width} characters (a longer word gets a line of its own). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String describeSection(String name) {
        String meaning = SECTIONS.get(name);
        if (meaning == null) {
            throw new IllegalStateException("config section '" + name + "' is not described in ConfigReference");
        }
        return meaning;
    }

    private static Setting describe(String key) {
        Setting setting = SETTINGS.get(key);
        if (setting == null) {
            throw new IllegalStateException("config setting '" + key + "' is not described in ConfigReference");
        }
        return setting;
    }

    /** One value in YAML flow syntax: JSON, except that durations are written bare. */
    private static String scalar(JsonNode value) {
        if (value.isTextual() && PLAIN.matcher(value.asText()).matches()) {
            return value.asText();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(scalar(item)));
            return "[" + String.join(", ", items) + "]";
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a config default could not be written", e);
        }
    }

    /** Every key the reference describes, list items included. */
    static List<String> keys() {
        return new ArrayList<>(SETTINGS.keySet());
    }
}

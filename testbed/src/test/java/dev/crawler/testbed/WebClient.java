package dev.crawler.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tiny test client for the testbed: fetch over loopback, pull out links and JSON-LD. */
final class WebClient {

  static final String USER_AGENT = "testbed-test/1.0";
  private static final Pattern ANCHOR_HREF = Pattern.compile("<a\\s[^>]*?href=\"([^\"]*)\"");
  private static final Pattern JSON_LD =
      Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);
  private static final Pattern CANONICAL = Pattern.compile("<link rel=\"canonical\" href=\"([^\"]*)\">");
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .proxy(HttpClient.Builder.NO_PROXY)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  HttpResponse<byte[]> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).header("User-Agent", USER_AGENT)
        .GET().build());
  }

  HttpResponse<byte[]> get(String uri) {
    return get(URI.create(uri));
  }

  /** A GET with extra headers, e.g. {@code If-None-Match}: name, value, name, value. */
  HttpResponse<byte[]> get(String uri, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20))
        .header("User-Agent", USER_AGENT).headers(headers).GET().build());
  }

  HttpResponse<byte[]> head(String uri) {
    return send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
  }

  private HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(request.uri().toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted fetching " + request.uri(), e);
    }
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** Every {@code <a href>} of the page, resolved against the page URL, entities decoded. */
  static List<URI> links(URI page, String html) {
    List<URI> links = new ArrayList<>();
    Matcher matcher = ANCHOR_HREF.matcher(html);
    while (matcher.find()) {
      String href = unescape(matcher.group(1));
      if (!href.startsWith("#")) {
        links.add(resolve(page, href));
      }
    }
    return links;
  }

  /**
   * RFC 3986 resolution. {@code java.net.URI#resolve} follows RFC 2396 and turns {@code ?page=2} on
   * {@code /c/chairs} into {@code /c/?page=2}; the shops use query-only links on purpose.
   */
  static URI resolve(URI base, String href) {
    if (href.startsWith("?")) {
      String raw = base.toString();
      int query = raw.indexOf('?');
      return URI.create((query < 0 ? raw : raw.substring(0, query)) + href);
    }
    return base.resolve(href);
  }

  static Optional<String> canonical(String html) {
    Matcher matcher = CANONICAL.matcher(html);
    return matcher.find() ? Optional.of(unescape(matcher.group(1))) : Optional.empty();
  }

  /** The schema.org Product node of the page's JSON-LD, wherever the shop put it. */
  static JsonNode jsonLdProduct(String html) {
    Matcher matcher = JSON_LD.matcher(html);
    if (!matcher.find()) {
      throw new AssertionError("no JSON-LD script on page");
    }
    try {
      JsonNode root = JSON.readTree(matcher.group(1).replace("<\\/", "</"));
      return findProduct(root).orElseThrow(() -> new AssertionError("no Product in " + root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<JsonNode> findProduct(JsonNode node) {
    if (node.isArray()) {
      for (JsonNode item : node) {
        Optional<JsonNode> found = findProduct(item);
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }
    if ("Product".equals(node.path("@type").asText())) {
      return Optional.of(node);
    }
    return node.has("@graph") ? findProduct(node.get("@graph")) : Optional.empty();
  }

  static String unescape(String text) {
    return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}

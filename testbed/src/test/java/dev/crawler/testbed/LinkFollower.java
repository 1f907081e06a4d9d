package dev.crawler.testbed;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A minimal polite crawler for tests: starts at the home pages, fetches robots.txt per host, follows
 * {@code <a href>} links within the shop hosts, strips tracking parameters, and skips the paths the
 * shops' robots.txt disallows. It records what it saw so tests can compare with {@link GroundTruth}.
 */
final class LinkFollower {

  private static final Pattern TRACKING = Pattern.compile("^(utm_[a-z]+|gclid|ref)=.*");

  final Set<String> fetched = new TreeSet<>();
  final Set<String> notFound = new TreeSet<>();
  final Set<String> disallowed = new TreeSet<>();
  final Set<String> outsideHosts = new TreeSet<>();
  final Set<String> trackingLinks = new TreeSet<>();

  private final WebClient client;
  private final Set<String> scope = new HashSet<>();

  LinkFollower(WebClient client) {
    this.client = client;
  }

  void crawl(List<URI> homePages) {
    Deque<URI> queue = new ArrayDeque<>();
    for (URI home : homePages) {
      scope.add(home.getAuthority());
      URI robots = home.resolve("/robots.txt");
      fetch(robots);
      queue.add(home);
      fetched.add(home.toString());
    }
    while (!queue.isEmpty()) {
      URI page = queue.removeFirst();
      HttpResponse<byte[]> response = client.get(page);
      if (response.statusCode() == 404) {
        notFound.add(page.toString());
        continue;
      }
      if (response.statusCode() != 200) {
        throw new AssertionError(page + " answered " + response.statusCode());
      }
      for (URI link : WebClient.links(page, WebClient.text(response))) {
        URI canonical = canonical(link);
        if (!scope.contains(canonical.getAuthority())) {
          outsideHosts.add(canonical.getHost());
        } else if (canonical.getPath().startsWith("/private/") || canonical.getPath().startsWith("/cart")) {
          disallowed.add(canonical.toString());
        } else if (fetched.add(canonical.toString())) {
          queue.add(canonical);
        }
      }
    }
  }

  private void fetch(URI uri) {
    HttpResponse<byte[]> response = client.get(uri);
    fetched.add(uri.toString());
    if (response.statusCode() == 404) {
      notFound.add(uri.toString());
    }
  }

  /** Drops the fragment and tracking parameters. */
  private URI canonical(URI link) {
    String query = link.getRawQuery();
    String kept = null;
    if (query != null) {
      StringBuilder keep = new StringBuilder();
      for (String pair : query.split("&")) {
        if (TRACKING.matcher(pair).matches()) {
          trackingLinks.add(link.toString());
        } else {
          keep.append(keep.length() == 0 ? "" : "&").append(pair);
        }
      }
      kept = keep.length() == 0 ? null : keep.toString();
    }
    return URI.create(link.getScheme() + "://" + link.getRawAuthority() + link.getRawPath()
        + (kept == null ? "" : "?" + kept));
  }
}

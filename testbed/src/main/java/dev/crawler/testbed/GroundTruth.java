package dev.crawler.testbed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a polite, in-scope crawler starting at the testbed's home pages should see. Computed from the
 * same model that renders the pages, never by parsing them.
 *
 * <p>All URLs are absolute ({@code http://127.0.1.1:PORT/...}). The sets iterate in sorted order and
 * are immutable.
 *
 * @param products every product of every shop, shop by shop, in catalogue order
 * @param expectedUrls every URL a polite in-scope crawler should request: each shop's robots.txt and
 *     home page, every category page including pagination, every product page in canonical form
 *     (without tracking parameters), and the linked URLs that answer 404
 * @param notFoundUrls the subset of {@code expectedUrls} that answers 404
 * @param disallowedUrls URLs linked from pages but disallowed by robots.txt ({@code /private/...},
 *     {@code /cart...}); the server answers them with 200 if asked anyway
 * @param outsideHosts addresses of the out-of-scope hosts the shops link to, e.g. {@code "127.0.2.1"}
 */
public record GroundTruth(List<ProductTruth> products, Set<String> expectedUrls, Set<String> notFoundUrls,
    Set<String> disallowedUrls, Set<String> outsideHosts) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public GroundTruth {
    products = List.copyOf(products);
    expectedUrls = sorted(expectedUrls);
    notFoundUrls = sorted(notFoundUrls);
    disallowedUrls = sorted(disallowedUrls);
    outsideHosts = sorted(outsideHosts);
    if (!expectedUrls.containsAll(notFoundUrls)) {
      throw new IllegalArgumentException("notFoundUrls must be a subset of expectedUrls");
    }
  }

  /** Writes this ground truth as indented JSON (stable order), creating or replacing the file. */
  public void writeJson(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    JSON.writeValue(file.toFile(), this);
  }

  /** Reads a file written by {@link #writeJson(Path)}. */
  public static GroundTruth readJson(Path file) throws IOException {
    return JSON.readValue(file.toFile(), GroundTruth.class);
  }

  private static Set<String> sorted(Set<String> values) {
    SortedSet<String> copy = new TreeSet<>(values);
    return Collections.unmodifiableSortedSet(copy);
  }
}

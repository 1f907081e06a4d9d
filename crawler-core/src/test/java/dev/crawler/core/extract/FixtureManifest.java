package dev.crawler.core.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real-page fixtures in {@code shared/fixtures/real-pages/MANIFEST.tsv} (see that folder's
 * README for the conventions): tab-separated, UTF-8, one header row, no quoting.
 */
final class FixtureManifest {

  static final String MANIFEST = "shared/fixtures/real-pages/MANIFEST.tsv";

  /** One manifest row; {@code file} is resolved, the other values are as written. */
  record Page(Path file, Map<String, String> columns) {
    String get(String column) {
      return columns.getOrDefault(column, "");
    }

    String name() {
      return file.getFileName().toString();
    }

    boolean isRobotsTxt() {
      return get("formats").equals("robots.txt") || get("name").equals("n/a");
    }
  }

  private FixtureManifest() {}

  /**
   * Walks up from the working directory until {@code shared/fixtures/real-pages/MANIFEST.tsv}
   * exists beside it (CI clones the repository into X/main with X/shared next to it).
   */
  static Optional<Path> locateRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(MANIFEST))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  static Path requireRoot() {
    return locateRoot().orElseThrow(() -> new IllegalStateException(
        "Cannot find " + MANIFEST + " in " + Path.of("").toAbsolutePath()
            + " or any parent directory; the fixtures live in X/shared beside the repository checkout X/main"));
  }

  /** All product-page rows (robots.txt rows skipped). */
  static List<Page> productPages() throws IOException {
    Path root = requireRoot();
    List<String> lines = Files.readAllLines(root.resolve(MANIFEST), StandardCharsets.UTF_8);
    String[] header = lines.get(0).split("\t", -1);
    List<Page> pages = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      Map<String, String> columns = new LinkedHashMap<>();
      for (int i = 0; i < header.length && i < cells.length; i++) {
        columns.put(header[i], cells[i]);
      }
      Page page = new Page(root.resolve(columns.get("local_path")), columns);
      if (!page.isRobotsTxt()) {
        pages.add(page);
      }
    }
    return pages;
  }
}

package dev.crawler.testbed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What truly changed between two epochs: what a crawler that read every product at {@code fromEpoch}
 * and reads them again at {@code toEpoch} should record. Net changes only: a price that moved twice
 * in between shows once, from its value at {@code fromEpoch} to its value at {@code toEpoch}, and a
 * price that moved and came back does not show. Computed from the same models that render the pages,
 * never by parsing them.
 *
 * <p>All URLs are absolute ({@code http://127.0.1.1:PORT/p/...}), canonical, as in {@link GroundTruth}.
 * Every list runs shop by shop, in catalogue order, and is immutable.
 *
 * @param changes one entry per changed field of a product live at both epochs
 * @param gone products live at {@code fromEpoch} and removed by {@code toEpoch}
 * @param added products live at {@code toEpoch} that did not exist at {@code fromEpoch}, as their pages
 *     show them at {@code toEpoch}
 */
public record ChangeTruth(int fromEpoch, int toEpoch, List<ProductChange> changes, List<GoneProduct> gone,
    List<ProductTruth> added) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ChangeTruth {
    EpochConfig.checkEpoch("fromEpoch", fromEpoch);
    Checks.range("toEpoch", toEpoch, fromEpoch, EpochConfig.MAX_EPOCH);
    changes = List.copyOf(changes);
    gone = List.copyOf(gone);
    added = List.copyOf(added);
  }

  /** A product field a price monitor records. */
  public enum Field {
    /** {@link ProductTruth#price()}, written as {@link java.math.BigDecimal#toPlainString()}: {@code "19.99"}, {@code "4500"}. */
    PRICE,
    /** {@link ProductTruth#availability()}: {@code InStock}, {@code OutOfStock} or {@code PreOrder}. */
    AVAILABILITY,
    /** {@link ProductTruth#name()}, exactly as the page shows it. */
    NAME
  }

  /** One field of one product, at {@code fromEpoch} and at {@code toEpoch}. */
  public record ProductChange(String url, Field field, String oldValue, String newValue) {}

  /**
   * A product that disappeared.
   *
   * @param status what its page answers now: 404 or 410
   */
  public record GoneProduct(String url, String sku, int status) {}

  /** The changes of one field. */
  public List<ProductChange> changes(Field field) {
    return changes.stream().filter(c -> c.field() == field).toList();
  }

  /** URLs of the products with at least one changed field, sorted. */
  public Set<String> changedUrls() {
    return changes.stream().map(ProductChange::url).collect(Collectors.toCollection(TreeSet::new));
  }

  /** Writes these changes as indented JSON (stable order), creating or replacing the file. */
  public void writeJson(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    JSON.writeValue(file.toFile(), this);
  }

  /** Reads a file written by {@link #writeJson(Path)}. */
  public static ChangeTruth readJson(Path file) throws IOException {
    return JSON.readValue(file.toFile(), ChangeTruth.class);
  }
}

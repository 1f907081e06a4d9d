package dev.crawler.testbed;

import dev.crawler.testbed.ShopModel.CategoryModel;
import dev.crawler.testbed.ShopModel.ProductModel;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The validators of one shop's pages at one epoch: each page's strong {@code ETag} and the epoch at
 * which its content last changed (its {@code Last-Modified}).
 *
 * <p>An ETag is a hash of what makes the page differ from the shop's other pages: the page-specific
 * head and body and the size it is padded to. The rest of the page is the shop's boilerplate, the same
 * at every epoch, so equal tags mean byte-identical pages (short of a 128-bit hash collision). It depends on the port, which is in the
 * page's links, as the bytes do.
 *
 * <p>When a page last changed is found by rendering every page at each new epoch and comparing digests
 * with the previous epoch's, so that it follows the content, whatever caused the change (a related
 * product's price, a listing that shifted by one). Epoch 0 is served without that table: every page
 * changed last at epoch 0, and the ETag is computed as the page is served, so a testbed that never
 * advances pays nothing at start. Immutable.
 */
final class PageVersions {

  private static final HexFormat HEX = HexFormat.of();

  private final Map<String, Version> byPath;

  /** One page's tag and the epoch its content last changed. */
  record Version(String etag, int lastChanged) {}

  private PageVersions(Map<String, Version> byPath) {
    this.byPath = Map.copyOf(byPath);
  }

  /** Epoch 0: every page last changed at epoch 0. */
  static PageVersions initial() {
    return new PageVersions(Map.of());
  }

  /**
   * The table at {@code epoch}, given the shop rendered at {@code epoch - 1} with its table and the
   * shop rendered at {@code epoch}.
   */
  static PageVersions next(ShopEpoch previous, ShopModel shop, PageText text, int perPage, int epoch) {
    // Epoch 0 keeps no table, so its tags are computed here, once; later epochs kept theirs.
    Map<String, String> before = previous.versions().byPath.isEmpty()
        ? etags(previous.shop(), previous.text(), perPage) : previous.versions().etags();
    Map<String, Version> after = new HashMap<>();
    etags(shop, text, perPage).forEach((path, etag) -> {
      boolean same = etag.equals(before.get(path));
      after.put(path, new Version(etag, same ? previous.versions().lastChanged(path) : epoch));
    });
    return new PageVersions(after);
  }

  /**
   * The epoch at which the page at {@code path} (as {@link ShopModel#productPath} and
   * {@link ShopModel#categoryPath} write it, or {@code "/"}) last changed.
   */
  int lastChanged(String path) {
    Version version = byPath.get(path);
    return version == null ? 0 : version.lastChanged();
  }

  private Map<String, String> etags() {
    Map<String, String> etags = new HashMap<>();
    byPath.forEach((path, version) -> etags.put(path, version.etag()));
    return etags;
  }

  /**
   * The strong ETag, quotes included, of a page with these specific parts padded to {@code totalBytes}
   * (-1: none): 32 hex digits of two independent 64-bit hashes over the text. Not cryptographic, and
   * need not be: a tag only has to change when the page does, and this costs a fraction of rendering
   * the page, which matters because every page served computes one.
   */
  static String etag(PageText.Parts parts, int totalBytes) {
    long fnv = 0xCBF29CE484222325L;
    long poly = totalBytes;
    for (String text : new String[] {parts.head(), "\u0000", parts.body()}) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        fnv = (fnv ^ c) * 0x100000001B3L;
        poly = poly * 0x9E3779B97F4A7C15L + c;
      }
    }
    fnv ^= totalBytes;
    return "\"" + HEX.toHexDigits(finish(fnv)) + HEX.toHexDigits(finish(poly)) + "\"";
  }

  /** SplitMix64's finaliser, so that every input bit reaches every output bit. */
  private static long finish(long h) {
    long z = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The ETag of every page the shop serves at that epoch, by path. */
  private static Map<String, String> etags(ShopModel shop, PageText text, int perPage) {
    Map<String, String> etags = new HashMap<>();
    etags.put("/", etag(text.home(), -1));
    for (CategoryModel category : shop.categories()) {
      for (int page = 1; page <= shop.pageCount(category, perPage); page++) {
        etags.put(ShopModel.categoryPath(category, page), etag(text.category(category, page), -1));
      }
    }
    for (ProductModel product : shop.liveProducts()) {
      etags.put(ShopModel.productPath(product), etag(text.product(product), product.pageBytes()));
    }
    return etags;
  }
}

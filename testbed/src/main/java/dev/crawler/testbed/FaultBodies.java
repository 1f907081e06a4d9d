package dev.crawler.testbed;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bodies a {@link FaultShop} serves, prepared once when it starts and shared by every host and
 * connection. {@link #close()} drops the shop's references.
 */
final class FaultBodies implements AutoCloseable {

  /** Size of the repeating filler of the large and endless bodies, and of their writes. */
  static final int FILLER_BYTES = 64 * 1024;

  final SharedChunk filler;
  final SharedChunk drip;
  final SharedChunk gzipBomb;
  final SharedChunk resetBody;

  FaultBodies(FaultConfig config) {
    this.filler = new SharedChunk(filler(FILLER_BYTES));
    this.drip = new SharedChunk(paddedPage("Dripping page", config.dripTotalBytes()));
    this.gzipBomb = new SharedChunk(GzipBomb.build(config.gzipBombBytes()));
    this.resetBody = new SharedChunk(paddedPage("Reset page", 65_536));
  }

  /** A small valid PDF: what a crawler expecting HTML must recognise and skip. */
  static final byte[] PDF = ("%PDF-1.4\n"
      + "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
      + "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
      + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n"
      + "trailer\n<< /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

  /** A product page in UTF-8 that says so in its {@code <meta charset>}; served under a latin-1 label. */
  static String lyingCharsetPage() {
    return SmallPages.page(Fault.LYING_CHARSET_PRODUCT, "<h1>" + Fault.LYING_CHARSET_PRODUCT + "</h1>\n"
        + "<p>Café Crème from Zürich, 12,50 €.</p>\n"
        + "<p class=\"price\">12,50 €</p>\n<button class=\"add-to-cart\">In den Warenkorb</button>");
  }

  /**
   * A product page in windows-1251 that says so in its {@code <meta charset>}, as a Russian shop on an
   * old CMS serves it; served under a utf-8 label, which is the lie. The name is in the heading and in
   * JSON-LD, so that whichever extractor reads it, it went through the page's decoding.
   */
  static byte[] cyrillicPage() {
    String html = "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"windows-1251\">\n<title>"
        + Fault.CYRILLIC_PRODUCT + " — купить</title>\n"
        + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Product\","
        + "\"name\":\"" + Fault.CYRILLIC_PRODUCT.replace("\"", "\\\"") + "\",\"sku\":\"DK-1250\","
        + "\"offers\":{\"@type\":\"Offer\",\"price\":\"4990\",\"priceCurrency\":\"RUB\"}}</script>\n"
        + "</head>\n<body>\n<h1>" + Fault.CYRILLIC_PRODUCT + "</h1>\n"
        + "<p>Готовит до двенадцати чашек крепкого кофе за восемь минут. Съёмный фильтр легко мыть.</p>\n"
        + "<p class=\"price\">4 990 руб.</p>\n<button class=\"buy\">Купить</button>\n</body>\n</html>\n";
    return html.getBytes(Charset.forName("windows-1251"));
  }

  /** An HTML page of exactly {@code size} bytes (just its first bytes when {@code size} is tiny). */
  static byte[] paddedPage(String title, int size) {
    byte[] head = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title
        + "</title></head><body>\n<p>").getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "</p>\n</body></html>\n".getBytes(StandardCharsets.US_ASCII);
    byte[] page = Arrays.copyOf(head, Math.max(size, head.length + tail.length));
    byte[] filler = filler(page.length - head.length - tail.length);
    System.arraycopy(filler, 0, page, head.length, filler.length);
    System.arraycopy(tail, 0, page, page.length - tail.length, tail.length);
    return Arrays.copyOf(page, size);
  }

  /** Paragraph-ish ASCII text without markup, {@code size} bytes. */
  private static byte[] filler(int size) {
    byte[] line = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. "
        .getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = line[i % line.length];
    }
    return bytes;
  }

  @Override
  public void close() {
    filler.release();
    drip.release();
    gzipBomb.release();
    resetBody.release();
  }
}

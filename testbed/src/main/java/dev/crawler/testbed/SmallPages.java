package dev.crawler.testbed;

import java.util.Base64;

/** The small fixed pages and files every site may answer with. */
final class SmallPages {

  private SmallPages() {}

  /** A 1x1 transparent PNG, served for product images. */
  static final byte[] PIXEL_PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

  static String notFound(String path) {
    return page("Not found", "<h1>Page not found</h1><p>Nothing lives at <code>" + Html.escape(path)
        + "</code>. Try the <a href=\"/\">home page</a>.</p>");
  }

  /** For a product the shop no longer sells (410 Gone). */
  static String gone(String path) {
    return page("No longer available", "<h1>No longer available</h1><p>The product at <code>" + Html.escape(path)
        + "</code> has been discontinued. Try the <a href=\"/\">home page</a>.</p>");
  }

  static String signIn(String shopName) {
    return page("Sign in | " + shopName, "<h1>Please sign in</h1><form action=\"/private/login\" method=\"post\">"
        + "<input name=\"email\" type=\"email\"><input name=\"password\" type=\"password\">"
        + "<button type=\"submit\">Sign in</button></form>");
  }

  /** A complete, small HTML page with an escaped title and the given body markup. */
  static String page(String title, String bodyHtml) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + Html.escape(title)
        + "</title>\n</head>\n<body>\n" + bodyHtml + "\n</body>\n</html>\n";
  }
}

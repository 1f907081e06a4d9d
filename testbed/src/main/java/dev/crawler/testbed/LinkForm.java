package dev.crawler.testbed;

/** How a link is written in HTML, so that a crawler's link resolution gets exercised. */
enum LinkForm {
  /** {@code http://127.0.1.1:PORT/p/slug}. */
  ABSOLUTE,
  /** {@code /p/slug}. */
  ROOT_RELATIVE,
  /** Relative to the linking page's path, e.g. {@code ../p/slug} from {@code /c/chairs}. */
  PATH_RELATIVE;

  /**
   * Writes {@code targetPath} (root-relative, may carry a query) as seen from a page at {@code fromPath}.
   *
   * @param origin {@code http://host:port} without a trailing slash
   */
  String href(String origin, String fromPath, String targetPath) {
    return switch (this) {
      case ABSOLUTE -> origin + targetPath;
      case ROOT_RELATIVE -> targetPath;
      case PATH_RELATIVE -> relative(fromPath, targetPath);
    };
  }

  /** A path-relative reference from the directory of {@code fromPath} to {@code targetPath}. */
  static String relative(String fromPath, String targetPath) {
    String fromDir = fromPath.substring(0, fromPath.lastIndexOf('/') + 1);
    if (targetPath.startsWith(fromDir) && targetPath.length() > fromDir.length()) {
      String rest = targetPath.substring(fromDir.length());
      // A first segment with a colon would read as a scheme; "./" keeps it a path.
      return rest.indexOf(':') >= 0 || rest.startsWith("?") ? "./" + rest : rest;
    }
    long depth = fromDir.chars().filter(c -> c == '/').count() - 1;
    return "../".repeat((int) depth) + targetPath.substring(1);
  }
}

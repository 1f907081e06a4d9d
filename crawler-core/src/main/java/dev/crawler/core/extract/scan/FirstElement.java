package dev.crawler.core.extract.scan;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The first element with one of some tag names in a subtree, as {@code root.selectFirst("h1")}
 * finds it: the root itself or a descendant, in document order.
 *
 * <p>jsoup's {@code selectFirst} streams every node of the subtree through an iterator and a
 * filter; the page walk asks it of every {@code <header>} (is the product's heading inside?) and
 * of every price wrapper, and a site header holding the whole navigation made it one of the walk's
 * larger costs. Stepping from element to element finds the same element with far less work.
 */
final class FirstElement {

  private FirstElement() {}

  /** The first element in {@code root}'s subtree, {@code root} included, whose normal name is in {@code tags}; or null. */
  static @Nullable Element named(Element root, Set<String> tags) {
    Element element = root;
    while (true) {
      if (tags.contains(element.normalName())) {
        return element;
      }
      Element child = element.firstElementChild();
      if (child != null) {
        element = child;
        continue;
      }
      // No children: on to the next sibling of the nearest element below the root that has one.
      Element next = null;
      while (next == null) {
        if (element == root) {
          return null;
        }
        next = element.nextElementSibling();
        if (next == null) {
          element = element.parent();
        }
      }
      element = next;
    }
  }
}

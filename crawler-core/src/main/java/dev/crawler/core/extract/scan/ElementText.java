package dev.crawler.core.extract.scan;

import dev.crawler.core.extract.normalise.TextCleaner;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ShortText} of the element the page walk is at, read at most once. The walk asks for
 * one element's text up to three times (as a control's label, as a short text, as a price), and
 * each reading walks the element's subtree; the DOM does not change during the walk, so the
 * first reading answers the others. Remembers one element only: the walk never comes back.
 */
final class ElementText {

  private final int limit;
  private @Nullable Element element;
  private String text = "";
  private @Nullable String cleaned;
  private boolean cleanedRead;

  /** @param limit as {@link ShortText#of}'s */
  ElementText(int limit) {
    this.limit = limit;
  }

  /** {@code ShortText.of(element, limit)}. */
  String of(Element element) {
    if (this.element != element) {
      this.element = element;
      this.text = ShortText.of(element, limit);
      this.cleaned = null;
      this.cleanedRead = false;
    }
    return text;
  }

  /** {@code TextCleaner.clean(ShortText.of(element, limit))}. */
  @Nullable String cleaned(Element element) {
    String raw = of(element);
    if (!cleanedRead) {
      cleaned = TextCleaner.clean(raw);
      cleanedRead = true;
    }
    return cleaned;
  }
}

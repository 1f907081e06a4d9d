package dev.crawler.testbed;

import java.util.Optional;

/**
 * What makes a plain shop look the way it does. Plain shop {@code k} (0-based among the plain shops)
 * gets layout {@code k mod 5} and language {@code k mod 11}, so the first five plain shops already
 * differ in both, and pairings keep changing after that.
 */
record PlainLook(PlainLayout layout, ShopLanguage language) {

  /** The look of shop {@code index}, or empty when it is one of the structured-data shops. */
  static Optional<PlainLook> of(TestbedConfig config, int index) {
    if (!config.isPlain(index)) {
      return Optional.empty();
    }
    int k = index - (config.shops() - config.plainShops());
    PlainLayout[] layouts = PlainLayout.values();
    ShopLanguage[] languages = ShopLanguage.values();
    return Optional.of(new PlainLook(layouts[k % layouts.length], languages[k % languages.length]));
  }
}

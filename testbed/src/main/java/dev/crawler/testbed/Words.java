package dev.crawler.testbed;

import java.util.List;

/**
 * The vocabulary shops are generated from. Names deliberately include {@code &}, quotes, apostrophes,
 * commas, an en dash and non-ASCII letters so that escaping in HTML, JSON and CSV gets exercised.
 */
final class Words {

  private Words() {}

  /** A category name and the nouns of the products it holds. */
  record CategoryTheme(String name, List<String> nouns) {}

  static final List<CategoryTheme> CATEGORY_THEMES = List.of(
      new CategoryTheme("Kitchen & Dining", List.of("Skillet", "Saucepan", "Chef's Knife", "Cutting Board",
          "Salt & Pepper Mill", "Colander", "Dutch Oven", "Whisk", "Spice Rack")),
      new CategoryTheme("Furniture", List.of("Armchair", "Dining Chair", "Side Table", "Bookshelf", "Bench",
          "Bar Stool", "Writing Desk", "Sideboard")),
      new CategoryTheme("Lighting", List.of("Floor Lamp", "Pendant Light", "Desk Lamp", "Lantern",
          "Candle Holder", "Wall Sconce")),
      new CategoryTheme("Textiles", List.of("Throw Blanket", "Cushion Cover", "Rug", "Duvet Cover", "Tea Towel",
          "Table Runner")),
      new CategoryTheme("Garden & Outdoor", List.of("Planter", "Garden Chair", "Parasol", "Watering Can",
          "Bird Feeder", "Hammock")),
      new CategoryTheme("Tableware", List.of("Mug", "Dinner Plate", "Serving Bowl", "Carafe", "Wine Glass",
          "Teapot", "Espresso Cup")),
      new CategoryTheme("Bath", List.of("Bath Towel", "Soap Dish", "Bath Mat", "Vanity Mirror", "Laundry Basket")),
      new CategoryTheme("Office", List.of("Notebook", "Pen Holder", "Desk Organizer", "Letter Tray", "Bookends")));

  static final List<String> ADJECTIVES = List.of("Rustic", "Modern", "Vintage", "Nordic", "Classic", "Handmade",
      "Minimalist", "Artisan", "Compact", "Deluxe", "Café", "Crème", "Naïve", "Provençal", "Weathered", "Heritage",
      "Everyday", "Coastal", "Urban", "\"Signature\"");

  static final List<String> MATERIALS = List.of("Oak", "Walnut", "Bamboo", "Linen", "Cotton", "Wool", "Ceramic",
      "Stoneware", "Cast Iron", "Copper", "Brass", "Rattan", "Marble", "Glass", "Leather", "Velvet", "Jute",
      "Terracotta", "Papier-mâché", "Beech & Steel");

  static final List<String> SUFFIXES = List.of(", Set of 2", ", Set of 4", " & Lid", " (Large)",
      " – Limited Edition", ", 12\"", " with Stand");

  static final List<String> BRANDS = List.of("Müller & Söhne", "O'Reilly Goods", "Nordhaus", "Atelier Lumière",
      "Hearth & Home", "Kōbō Works", "Blue Fjord", "Casa Verde", "Maple & Main", "Studio Ørsted");

  static final List<String> SHOP_NAMES = List.of("Northwind Home", "Hearthstone Goods", "Casa Bonita Living",
      "The Copper Kettle", "Fjord & Field", "Maison Étoile", "Oak & Ember", "Little Tokyo Living",
      "Brightwater Supply", "Alder Street Store", "Kettle & Crumb", "Søndergaard Interiors");

  /** Currencies cycle by shop index so that the default four shops cover USD, EUR, GBP and JPY. */
  static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY", "CHF", "SEK", "CAD", "AUD");

  static final List<String> SENTENCES = List.of(
      "Made in small batches and finished by hand.",
      "Built to last for years of everyday use.",
      "Pairs well with the rest of the collection.",
      "Each piece varies slightly in colour & grain, which is part of its charm.",
      "Wipe clean with a damp cloth; do not use abrasive cleaners.",
      "Ships in plastic-free packaging.",
      "Designed in our studio and tested in real homes.",
      "A customer favourite since the \"Autumn\" catalogue.");

  static final List<String> TRACKING_SUFFIXES = List.of("?utm_source=newsletter&utm_medium=email", "?ref=related");
}

package dev.crawler.testbed;

import static dev.crawler.testbed.PriceStyle.NARROW_NBSP;
import static dev.crawler.testbed.PriceStyle.NBSP;

/**
 * The language of a plain shop, which fixes its currency, how it writes prices, its visible words and
 * (for the localised layout) its class names. Declared in the order plain shops take them, so that a
 * world with a few plain shops already mixes far-apart conventions.
 */
enum ShopLanguage {
  GERMAN("de", "EUR", new PriceStyle("", NBSP + "€", '.', ','), Phrases.GERMAN,
      new ClassWords("produkt", "preis", "streichpreis", "artikelnummer", "lieferbarkeit", "warenkorb", "empfehlungen")),
  JAPANESE("ja", "JPY", new PriceStyle("", "円", ',', '.'), Phrases.JAPANESE,
      new ClassWords("shohin", "kakaku", "moto-kakaku", "kataban", "zaiko", "kaato", "osusume")),
  FRENCH("fr", "EUR", new PriceStyle("", NBSP + "€", NARROW_NBSP, ','), Phrases.FRENCH,
      new ClassWords("produit", "prix", "prix-barre", "reference", "disponibilite", "panier", "suggestions")),
  POLISH("pl", "PLN", new PriceStyle("", NBSP + "zł", NBSP, ','), Phrases.POLISH,
      new ClassWords("produkt", "cena", "cena-poprzednia", "kod-produktu", "dostepnosc", "koszyk", "polecane")),
  SPANISH("es", "EUR", new PriceStyle("", NBSP + "€", '.', ','), Phrases.SPANISH,
      new ClassWords("producto", "precio", "precio-anterior", "codigo", "disponibilidad", "carrito", "relacionados")),
  AMERICAN_ENGLISH("en-US", "USD", new PriceStyle("$", "", ',', '.'), Phrases.ENGLISH,
      new ClassWords("product", "price", "price-was", "sku", "stock", "cart", "related")),
  BRAZILIAN_PORTUGUESE("pt-BR", "BRL", new PriceStyle("R$" + NBSP, "", '.', ','), Phrases.PORTUGUESE,
      new ClassWords("produto", "preco", "preco-de", "codigo", "estoque", "carrinho", "relacionados")),
  ITALIAN("it", "EUR", new PriceStyle("", NBSP + "€", '.', ','), Phrases.ITALIAN,
      new ClassWords("prodotto", "prezzo", "prezzo-barrato", "codice", "disponibilita", "carrello", "correlati")),
  DUTCH("nl", "EUR", new PriceStyle("€" + NBSP, "", '.', ','), Phrases.DUTCH,
      new ClassWords("product", "prijs", "van-prijs", "artikelnummer", "voorraad", "winkelwagen", "aanbevolen")),
  SWISS_GERMAN("de-CH", "CHF", new PriceStyle("CHF" + NBSP, "", '\'', '.'), Phrases.GERMAN,
      new ClassWords("produkt", "preis", "streichpreis", "artikelnummer", "lieferbarkeit", "warenkorb", "empfehlungen")),
  BRITISH_ENGLISH("en-GB", "GBP", new PriceStyle("£", "", ',', '.'), Phrases.BRITISH,
      new ClassWords("product", "price", "price-was", "item-number", "stock", "basket", "related"));

  /** BCP 47 tag for {@code <html lang>}. */
  final String tag;
  /** ISO 4217 code; also {@link ShopModel#currency()} of a shop in this language. */
  final String currency;
  final PriceStyle price;
  final Phrases phrases;
  final ClassWords classWords;

  ShopLanguage(String tag, String currency, PriceStyle price, Phrases phrases, ClassWords classWords) {
    this.tag = tag;
    this.currency = currency;
    this.price = price;
    this.phrases = phrases;
    this.classWords = classWords;
  }

  /** French puts a (non-breaking) space before the colon; everyone else does not. */
  String labelled(String label) {
    return this == FRENCH ? label + NBSP + ":" : label + ":";
  }
}

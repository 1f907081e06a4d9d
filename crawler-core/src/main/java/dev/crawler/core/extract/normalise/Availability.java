package dev.crawler.core.extract.normalise;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Maps an availability value to a schema.org {@code ItemAvailability} short term
 * ({@code InStock}, {@code OutOfStock}, {@code PreOrder}, ...).
 *
 * <p>Structured values come as IRIs ({@code http://schema.org/InStock}), bare terms in any case,
 * data-vocabulary.org terms ({@code in_stock}) or Facebook catalogue terms ({@code oos},
 * {@code available for order}). Text from a page ("In Stock.", "Derzeit nicht verfügbar.") is matched
 * against short phrase lists in the languages we meet; negative phrases are tried first because they
 * usually contain a positive word ("not available"). Anything unrecognised yields null rather than a
 * guess.
 */
public final class Availability {

  private static final int MAX_INPUT = 200;
  private static final Pattern IRI_PREFIX =
      Pattern.compile("^(?:https?://)?(?:www\\.)?(?:schema\\.org|data-vocabulary\\.org)/|^schema:",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");

  /** Keys are lower-case with everything but letters removed. */
  private static final Map<String, String> TERMS = Map.ofEntries(
      Map.entry("instock", "InStock"),
      Map.entry("outofstock", "OutOfStock"),
      Map.entry("oos", "OutOfStock"),
      Map.entry("preorder", "PreOrder"),
      Map.entry("presale", "PreSale"),
      Map.entry("backorder", "BackOrder"),
      Map.entry("availablefororder", "BackOrder"),
      Map.entry("discontinued", "Discontinued"),
      Map.entry("limitedavailability", "LimitedAvailability"),
      Map.entry("soldout", "SoldOut"),
      Map.entry("onlineonly", "OnlineOnly"),
      Map.entry("instoreonly", "InStoreOnly"),
      Map.entry("pending", "PreOrder"),
      Map.entry("available", "InStock"),
      Map.entry("unavailable", "OutOfStock"));

  /** Phrase lists for free text, checked in this order; phrases are lower-case and accent-free. */
  private static final List<Map.Entry<String, List<String>>> PHRASES = List.of(
      Map.entry("InStock", List.of("not sold")), // classified ads: the item is still for sale
      Map.entry("OutOfStock", List.of(
          "out of stock", "out-of-stock", "sold out", "unavailable", "not available", "no longer available",
          "nicht verfugbar", "nicht lieferbar", "nicht auf lager", "ausverkauft", "vergriffen",
          "epuise", "rupture de stock", "indisponible", "non disponible",
          "agotado", "sin stock", "no disponible", "esgotado", "indisponivel", "sem estoque",
          "esaurito", "non disponibile", "niedostepny", "brak w magazynie", "uitverkocht", "niet leverbaar",
          "nedostupn", "vypredan", "loppu", "ei saatavilla", "нет в наличии", "распродан",
          "slutsald", "udsolgt", "utsolgt", "品切れ", "在庫切れ", "缺貨", "售完", "품절")),
      Map.entry("PreOrder", List.of("pre-order", "preorder", "pre order", "vorbestell", "precommande",
          "preventa", "prenota")),
      Map.entry("BackOrder", List.of("backorder", "back-order", "back order")),
      Map.entry("Discontinued", List.of("discontinued")),
      Map.entry("InStock", List.of(
          "in stock", "instock", "available", "auf lager", "lieferbar", "verfugbar", "en stock",
          "disponible", "disponibile", "disponibilita", "disponivel", "em estoque", "dostepny", "na stanie", "op voorraad",
          "leverbaar", "skladom", "na sklade", "saatavilla", "varastossa", "в наличии", "на складе",
          "i lager", "pa lager", "在庫あり", "有貨", "現貨", "재고", "add to cart", "add to basket")));

  private Availability() {}

  /** Returns the schema.org short term for {@code raw}, or null when it is not recognised. */
  public static @Nullable String normalize(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String value = raw.strip();
    if (value.isEmpty() || value.length() > MAX_INPUT) {
      return null;
    }
    String term = TERMS.get(termKey(value));
    return term != null ? term : fromPhrase(value);
  }

  private static String termKey(String value) {
    String withoutPrefix = IRI_PREFIX.matcher(value).replaceFirst("");
    return NON_LETTERS.matcher(withoutPrefix).replaceAll("").toLowerCase(Locale.ROOT);
  }

  private static @Nullable String fromPhrase(String value) {
    String text = fold(value);
    for (Map.Entry<String, List<String>> entry : PHRASES) {
      for (String phrase : entry.getValue()) {
        if (text.contains(phrase)) {
          return entry.getKey();
        }
      }
    }
    return null;
  }

  /** Lower-case, accents removed, whitespace collapsed: "Derzeit nicht verfügbar." -> "derzeit nicht verfugbar." */
  private static String fold(String value) {
    String decomposed = Normalizer.normalize(value.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    String stripped = decomposed.replaceAll("\\p{M}+", "");
    // Hangul and kana decompose under NFD; recompose so the CJK phrases still match.
    return Normalizer.normalize(stripped, Normalizer.Form.NFC).replaceAll("[\\s\\p{Z}]+", " ");
  }
}

package dev.crawler.core.extract.normalise;

import java.util.ArrayList;
import java.util.Currency;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a page says about money into an ISO 4217 code.
 *
 * <p>Structured data usually gives a code, sometimes lower-case ({@code pln}) or retired
 * ({@code RUR}); those are upper-cased, mapped to the current code and validated with
 * {@link Currency}. Text gives a symbol or a local abbreviation ({@code $}, {@code kr}, {@code zł},
 * {@code Lei}, {@code тг.}). Many symbols are shared, so each maps to a list of candidate currencies;
 * the page's country decides between them: first the host's country-code TLD, then the region of the
 * page language ({@code en-CA}), then the language's home country ({@code sv} → Sweden). The
 * country's currency is used only if it is one of the symbol's candidates; otherwise the symbol's
 * first (most common) candidate is.
 */
public final class CurrencyResolver {

  private static final int MAX_INPUT = 200;
  private static final Pattern ISO_CODE = Pattern.compile("(?<![\\p{L}])([A-Z]{3})(?![\\p{L}])");

  /** Retired or colloquial codes still seen in feeds. */
  private static final Map<String, String> LEGACY_CODES = Map.ofEntries(
      Map.entry("RUR", "RUB"), Map.entry("BYR", "BYN"), Map.entry("TRL", "TRY"), Map.entry("ROL", "RON"),
      Map.entry("GHC", "GHS"), Map.entry("MXP", "MXN"), Map.entry("VEF", "VES"), Map.entry("ZMK", "ZMW"),
      Map.entry("MRO", "MRU"), Map.entry("STD", "STN"), Map.entry("NIS", "ILS"), Map.entry("NTD", "TWD"),
      Map.entry("RMB", "CNY"), Map.entry("EURO", "EUR"), Map.entry("UKL", "GBP"));

  /**
   * Symbols and local abbreviations, each with its candidate currencies (most common first). Letter
   * symbols match only as whole words so that "kr" does not fire inside "Kraków".
   */
  private static final List<Map.Entry<String, List<String>>> SYMBOLS = sortedLongestFirst(List.of(
      Map.entry("US$", List.of("USD")), Map.entry("U$S", List.of("USD")), Map.entry("C$", List.of("CAD", "NIO")),
      Map.entry("CA$", List.of("CAD")), Map.entry("A$", List.of("AUD")), Map.entry("AU$", List.of("AUD")),
      Map.entry("NZ$", List.of("NZD")), Map.entry("HK$", List.of("HKD")), Map.entry("S$", List.of("SGD")),
      Map.entry("NT$", List.of("TWD")), Map.entry("R$", List.of("BRL")), Map.entry("MX$", List.of("MXN")),
      Map.entry("RD$", List.of("DOP")),
      Map.entry("$", List.of("USD", "CAD", "AUD", "NZD", "MXN", "ARS", "CLP", "COP", "UYU", "SGD", "HKD",
          "TWD", "DOP", "CUP", "BSD", "BBD", "BZD", "BMD", "BND", "FJD", "GYD", "JMD", "LRD", "NAD",
          "SBD", "SRD", "TTD", "XCD")),
      Map.entry("€", List.of("EUR")), Map.entry("£", List.of("GBP", "EGP", "GIP", "FKP", "SHP")),
      Map.entry("¥", List.of("JPY", "CNY")), Map.entry("￥", List.of("JPY", "CNY")), Map.entry("円", List.of("JPY")),
      Map.entry("元", List.of("CNY", "TWD", "HKD", "MOP")), Map.entry("₩", List.of("KRW")), Map.entry("원", List.of("KRW")),
      Map.entry("₹", List.of("INR")), Map.entry("Rs", List.of("INR", "PKR", "LKR", "NPR", "MUR")),
      Map.entry("₨", List.of("INR", "PKR", "LKR", "NPR", "MUR")),
      Map.entry("₽", List.of("RUB")), Map.entry("руб", List.of("RUB")), Map.entry("р.", List.of("RUB")),
      Map.entry("₴", List.of("UAH")), Map.entry("грн", List.of("UAH")), Map.entry("₸", List.of("KZT")),
      Map.entry("тг", List.of("KZT")), Map.entry("лв", List.of("BGN")), Map.entry("дин", List.of("RSD")),
      Map.entry("₪", List.of("ILS")), Map.entry("ש״ח", List.of("ILS")), Map.entry("ש\"ח", List.of("ILS")),
      Map.entry("₺", List.of("TRY")), Map.entry("TL", List.of("TRY")), Map.entry("zł", List.of("PLN")),
      Map.entry("zl", List.of("PLN")), Map.entry("Kč", List.of("CZK")), Map.entry("Ft", List.of("HUF")),
      Map.entry("lei", List.of("RON", "MDL")), Map.entry("kn", List.of("HRK")),
      Map.entry("kr", List.of("SEK", "NOK", "DKK", "ISK")), Map.entry("Fr.", List.of("CHF")),
      Map.entry("SFr.", List.of("CHF")), Map.entry("₫", List.of("VND")), Map.entry("฿", List.of("THB")),
      Map.entry("₱", List.of("PHP")), Map.entry("RM", List.of("MYR")), Map.entry("Rp", List.of("IDR")),
      Map.entry("₦", List.of("NGN")), Map.entry("₵", List.of("GHS")), Map.entry("₾", List.of("GEL")),
      Map.entry("₼", List.of("AZN")), Map.entry("֏", List.of("AMD")),
      Map.entry("ر.س", List.of("SAR")), Map.entry("ريال", List.of("SAR", "QAR", "OMR", "YER", "IRR")),
      Map.entry("د.إ", List.of("AED")), Map.entry("د.ك", List.of("KWD")), Map.entry("ر.ق", List.of("QAR")),
      Map.entry("ج.م", List.of("EGP")), Map.entry("ل.ل", List.of("LBP")), Map.entry("د.م.", List.of("MAD"))));

  /** Home country of languages whose speakers mostly live in one currency area. */
  private static final Map<String, String> LANGUAGE_COUNTRY = Map.ofEntries(
      Map.entry("sv", "SE"), Map.entry("da", "DK"), Map.entry("nb", "NO"), Map.entry("nn", "NO"),
      Map.entry("no", "NO"), Map.entry("is", "IS"), Map.entry("pl", "PL"), Map.entry("cs", "CZ"),
      Map.entry("hu", "HU"), Map.entry("ro", "RO"), Map.entry("bg", "BG"), Map.entry("ja", "JP"),
      Map.entry("ko", "KR"), Map.entry("zh", "CN"), Map.entry("ru", "RU"), Map.entry("uk", "UA"),
      Map.entry("he", "IL"), Map.entry("iw", "IL"), Map.entry("tr", "TR"), Map.entry("th", "TH"),
      Map.entry("vi", "VN"), Map.entry("id", "ID"), Map.entry("ms", "MY"), Map.entry("hi", "IN"),
      Map.entry("kk", "KZ"), Map.entry("ka", "GE"), Map.entry("hy", "AM"), Map.entry("hr", "HR"),
      Map.entry("sr", "RS"), Map.entry("fil", "PH"), Map.entry("de", "DE"), Map.entry("fr", "FR"),
      Map.entry("it", "IT"), Map.entry("nl", "NL"), Map.entry("fi", "FI"), Map.entry("et", "EE"),
      Map.entry("sk", "SK"), Map.entry("el", "GR"), Map.entry("pt", "PT"), Map.entry("es", "ES"));

  /** Country-code TLDs that are not the ISO 3166 code of their country. */
  private static final Map<String, String> TLD_COUNTRY = Map.of("uk", "GB", "eu", "DE");

  private CurrencyResolver() {}

  /** Validates a currency code as written in structured data; null when it is not one. */
  static @Nullable String fromCode(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String code = raw.strip();
    if (code.length() < 3 || code.length() > 4) {
      return null; // most texts asked are prices and names, not codes: no case change, no lookup
    }
    code = code.toUpperCase(Locale.ROOT);
    code = LEGACY_CODES.getOrDefault(code, code);
    return ISO_CODES.contains(code) ? code : null;
  }

  /**
   * The ISO 4217 codes the JDK knows, which are those {@link Currency#getInstance(String)} accepts:
   * asked of every three capitals in a price text ("NEW", "SET", "UVP"), it threw and filled a stack
   * trace for each one that is not a code.
   */
  private static final java.util.Set<String> ISO_CODES = Currency.getAvailableCurrencies().stream()
      .map(Currency::getCurrencyCode).collect(java.util.stream.Collectors.toUnmodifiableSet());

  /**
   * Resolves a code, symbol or abbreviation found in {@code text} (a code wins over a symbol), using
   * the page's host and language to choose among currencies that share a symbol.
   */
  public static @Nullable String fromText(@Nullable String text, PageContext page) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String input = text.length() > MAX_INPUT ? text.substring(0, MAX_INPUT) : text;
    String code = fromCode(input);
    if (code != null) {
      return code;
    }
    code = embeddedCode(input);
    if (code != null) {
      return code;
    }
    List<String> candidates = symbolCandidates(input);
    return candidates.isEmpty() ? null : choose(candidates, page);
  }

  /** Number of decimals the currency normally uses, or -1 when unknown. */
  static int fractionDigits(@Nullable String code) {
    if (code == null) {
      return -1;
    }
    try {
      return Currency.getInstance(code).getDefaultFractionDigits();
    } catch (IllegalArgumentException unknown) {
      return -1;
    }
  }

  private static @Nullable String embeddedCode(String text) {
    Matcher m = ISO_CODE.matcher(text);
    while (m.find()) {
      String code = fromCode(m.group(1));
      if (code != null) {
        return code;
      }
    }
    return null;
  }

  /**
   * The candidates of the longest symbol in {@code text}. Symbols are filed by their first character
   * (lower case), so each position of the text costs one lookup instead of a search per symbol.
   */
  private static List<String> symbolCandidates(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.length() != text.length()) {
      return slowSymbolCandidates(text);
    }
    int best = Integer.MAX_VALUE;
    for (int i = 0; i < lower.length(); i++) {
      int[] ranks = SYMBOLS_BY_FIRST.get(lower.charAt(i));
      if (ranks == null) {
        continue;
      }
      for (int rank : ranks) {
        if (rank < best && symbolAt(text, lower, i, SYMBOLS.get(rank).getKey())) {
          best = rank;
        }
      }
    }
    return best == Integer.MAX_VALUE ? List.of() : SYMBOLS.get(best).getValue();
  }

  private static boolean symbolAt(String text, String lower, int at, String symbol) {
    if (!Character.isLetter(symbol.charAt(0))) {
      return text.startsWith(symbol, at);
    }
    return lower.startsWith(symbol.toLowerCase(Locale.ROOT), at) && isWordBoundary(text, at, at + symbol.length());
  }

  /** Ranks (indexes into {@link #SYMBOLS}, longest symbol first) by the symbol's lower-case first character. */
  private static final Map<Character, int[]> SYMBOLS_BY_FIRST = symbolsByFirst();

  private static Map<Character, int[]> symbolsByFirst() {
    Map<Character, List<Integer>> filed = new java.util.HashMap<>();
    for (int rank = 0; rank < SYMBOLS.size(); rank++) {
      char first = Character.toLowerCase(SYMBOLS.get(rank).getKey().charAt(0));
      filed.computeIfAbsent(first, c -> new ArrayList<>()).add(rank);
    }
    Map<Character, int[]> ranks = new java.util.HashMap<>();
    filed.forEach((c, list) -> ranks.put(c, list.stream().mapToInt(Integer::intValue).toArray()));
    return Map.copyOf(ranks);
  }

  /** For texts whose lower case changes their length (rare letters such as 'İ'): a search per symbol. */
  private static List<String> slowSymbolCandidates(String text) {
    for (Map.Entry<String, List<String>> symbol : SYMBOLS) {
      if (containsSymbol(text, symbol.getKey())) {
        return symbol.getValue();
      }
    }
    return List.of();
  }

  private static boolean containsSymbol(String text, String symbol) {
    boolean wordLike = Character.isLetter(symbol.charAt(0));
    int from = 0;
    while (true) {
      int at = wordLike ? indexOfIgnoreCase(text, symbol, from) : text.indexOf(symbol, from);
      if (at < 0) {
        return false;
      }
      if (!wordLike || isWordBoundary(text, at, at + symbol.length())) {
        return true;
      }
      from = at + 1;
    }
  }

  private static int indexOfIgnoreCase(String text, String symbol, int from) {
    for (int i = from; i + symbol.length() <= text.length(); i++) {
      if (text.regionMatches(true, i, symbol, 0, symbol.length())) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isWordBoundary(String text, int start, int end) {
    boolean before = start == 0 || !Character.isLetter(text.charAt(start - 1));
    boolean after = end >= text.length() || !Character.isLetter(text.charAt(end));
    return before && after;
  }

  private static String choose(List<String> candidates, PageContext page) {
    for (String country : page.countryHints()) {
      String local = countryCurrency(country);
      if (local != null && candidates.contains(local)) {
        return local;
      }
    }
    return candidates.get(0);
  }

  /** The countries a page most likely prices for, best first: TLD, language region, language home. */
  static List<String> countryHints(@Nullable String host, List<String> languageTags) {
    List<String> hints = new ArrayList<>();
    String tldCountry = tldCountry(host);
    if (tldCountry != null) {
      hints.add(tldCountry);
    }
    for (String tag : languageTags) {
      Locale locale = Locale.forLanguageTag(tag.replace('_', '-').strip());
      if (!locale.getCountry().isEmpty()) {
        hints.add(locale.getCountry());
      }
    }
    for (String tag : languageTags) {
      String language = Locale.forLanguageTag(tag.replace('_', '-').strip()).getLanguage();
      String home = LANGUAGE_COUNTRY.get(language);
      if (home != null) {
        hints.add(home);
      }
    }
    return hints;
  }

  private static @Nullable String tldCountry(@Nullable String host) {
    if (host == null) {
      return null;
    }
    int dot = host.lastIndexOf('.');
    String tld = host.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (tld.length() != 2) {
      return null;
    }
    return TLD_COUNTRY.getOrDefault(tld, tld.toUpperCase(Locale.ROOT));
  }

  private static @Nullable String countryCurrency(String country) {
    try {
      Currency currency = Currency.getInstance(new Locale("", country));
      return currency == null ? null : currency.getCurrencyCode();
    } catch (IllegalArgumentException unknownCountry) {
      return null;
    }
  }

  private static List<Map.Entry<String, List<String>>> sortedLongestFirst(
      List<Map.Entry<String, List<String>>> symbols) {
    List<Map.Entry<String, List<String>>> sorted = new ArrayList<>(symbols);
    sorted.sort(Comparator.comparingInt((Map.Entry<String, List<String>> e) -> e.getKey().length()).reversed());
    return List.copyOf(sorted);
  }
}

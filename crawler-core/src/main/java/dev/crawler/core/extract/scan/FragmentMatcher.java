package dev.crawler.core.extract.scan;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds which lists of fragments occur in a short lower-case text such as a class or id
 * ({@code "product-price__old"}), in one pass: each fragment is filed under its first two
 * characters, so a position costs one array lookup and only the fragments that start there are
 * compared. A regular expression per list did the same job some twenty times slower, and a page
 * asks this for every distinct class and id it has.
 *
 * <p>Fragments are literal text with two conveniences, expanded when the matcher is built: a
 * character followed by {@code ?} is optional ({@code add-?to-?cart}) and {@code (?:a|b)} picks one
 * of its parts ({@code product-?form__(?:cart|submit)}). A fragment may have to start a word part
 * (not preceded by a letter or digit, or glued to "price" as in "oldprice") and may have to end one
 * (followed by the end, a non-letter, or "price", "amount" or "cost").
 */
final class FragmentMatcher {

  /** How a fragment must sit in the text. */
  enum Fit { ANYWHERE, WORD_START, WORD }

  private record Needle(String text, int flag, Fit fit) {}

  private static final int ASCII = 128;
  private static final String[] GLUED_BEFORE = {"price"};
  private static final String[] GLUED_AFTER = {"price", "amount", "cost"};

  private final Needle[][] byBigram = new Needle[ASCII * ASCII][];
  /**
   * One bit per slot of {@link #byBigram}, set when fragments are filed there: 2 KiB that stay in
   * the processor's nearest cache, where the 64 KiB table does not, and most slots are empty.
   */
  private final long[] bigramFiled = new long[ASCII * ASCII / Long.SIZE];
  /** Fragments that start with a character beyond ASCII (Cyrillic, Japanese...), filed by their first two characters. */
  private final java.util.Map<Integer, Needle[]> beyondAscii = new java.util.HashMap<>();
  /**
   * The first characters of the fragments filed in {@link #beyondAscii}: most positions of a
   * Cyrillic or Japanese text start none, and testing a bit costs far less than a map lookup.
   */
  private final java.util.BitSet beyondAsciiFirst = new java.util.BitSet();

  private FragmentMatcher() {}

  /** Builds a matcher; add each list with {@link Builder#add}. */
  static Builder builder() {
    return new Builder();
  }

  static final class Builder {
    private final FragmentMatcher matcher = new FragmentMatcher();

    /**
     * @param fragments the list's fragments (lower case)
     * @param flag the bit {@link #flags} sets when one of them occurs
     * @throws IllegalArgumentException for a fragment shorter than two characters or with other syntax
     */
    Builder add(List<String> fragments, int flag, Fit fit) {
      for (String fragment : fragments) {
        for (String literal : expand(fragment)) {
          if (literal.length() < 2) {
            throw new IllegalArgumentException("fragment '" + fragment + "' is shorter than two characters");
          }
          matcher.file(new Needle(literal, flag, fit));
        }
      }
      return this;
    }

    FragmentMatcher build() {
      return matcher;
    }
  }

  private void file(Needle needle) {
    char first = needle.text().charAt(0);
    char second = needle.text().charAt(1);
    if (first >= ASCII || second >= ASCII) {
      beyondAscii.put(wideKey(first, second), grown(beyondAscii.get(wideKey(first, second)), needle));
      beyondAsciiFirst.set(first);
    } else {
      byBigram[first * ASCII + second] = grown(byBigram[first * ASCII + second], needle);
      bigramFiled[(first * ASCII + second) / Long.SIZE] |= 1L << (first * ASCII + second);
    }
  }

  private static Needle[] grown(Needle @Nullable [] filed, Needle needle) {
    Needle[] grown = filed == null ? new Needle[1] : java.util.Arrays.copyOf(filed, filed.length + 1);
    grown[grown.length - 1] = needle;
    return grown;
  }

  private static int wideKey(char first, char second) {
    return first << 16 | second;
  }

  /** The flags of every list with a fragment in {@code text}, or-ed together. */
  int flags(String text) {
    int flags = 0;
    int last = text.length() - 1;
    char second = last < 0 ? 0 : text.charAt(0);
    for (int i = 0; i < last; i++) {
      char first = second;
      second = text.charAt(i + 1);
      Needle[] filed = filed(first, second);
      if (filed != null) {
        flags |= matches(filed, text, i, flags);
      }
    }
    return flags;
  }

  /** The flags of the lists with a fragment starting at {@code at} in {@code text}. */
  int flagsAt(String text, int at) {
    if (at + 1 >= text.length()) {
      return 0;
    }
    Needle[] filed = filed(text.charAt(at), text.charAt(at + 1));
    return filed == null ? 0 : matches(filed, text, at, 0);
  }

  /** The fragments that start with {@code first} and {@code second}, or null. */
  private Needle @Nullable [] filed(char first, char second) {
    if (first < ASCII && second < ASCII) {
      int slot = first * ASCII + second;
      return (bigramFiled[slot / Long.SIZE] & 1L << slot) == 0 ? null : byBigram[slot];
    }
    return beyondAsciiFirst.get(first) ? beyondAscii.get(wideKey(first, second)) : null;
  }

  /** {@code text} with every occurrence of a fragment of the {@code flag} list replaced by spaces. */
  String blank(String text, int flag) {
    char[] chars = text.toCharArray();
    for (int i = 0; i + 1 < text.length(); i++) {
      char first = text.charAt(i);
      char second = text.charAt(i + 1);
      Needle[] filed = first < ASCII && second < ASCII ? byBigram[first * ASCII + second] : beyondAscii.get(wideKey(first, second));
      for (Needle needle : filed == null ? new Needle[0] : filed) {
        if (needle.flag() == flag && text.startsWith(needle.text(), i) && fits(needle, text, i)) {
          java.util.Arrays.fill(chars, i, i + needle.text().length(), ' ');
        }
      }
    }
    return new String(chars);
  }

  private static int matches(Needle[] needles, String text, int at, int found) {
    int flags = 0;
    for (Needle needle : needles) {
      if ((found & needle.flag()) == 0 && text.startsWith(needle.text(), at) && fits(needle, text, at)) {
        flags |= needle.flag();
      }
    }
    return flags;
  }

  private static boolean fits(Needle needle, String text, int at) {
    if (needle.fit() == Fit.ANYWHERE) {
      return true;
    }
    boolean starts = at == 0 || !isLowerAlnum(text.charAt(at - 1)) || gluedBefore(text, at);
    if (!starts || needle.fit() == Fit.WORD_START) {
      return starts;
    }
    int end = at + needle.text().length();
    return end == text.length() || !isLowerLetter(text.charAt(end)) || gluedAfter(text, end);
  }

  private static boolean gluedBefore(String text, int at) {
    for (String word : GLUED_BEFORE) {
      if (at >= word.length() && text.startsWith(word, at - word.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean gluedAfter(String text, int end) {
    for (String word : GLUED_AFTER) {
      if (text.startsWith(word, end)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLowerAlnum(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
  }

  private static boolean isLowerLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  /**
   * A quick test for regular-expression phrases: a matcher of the literal text each phrase starts
   * with (lower case, at least two characters, {@code [ab]} classes expanded), which finds something
   * in every lower-cased text the phrases could match, and in few others. Empty when some phrase
   * starts with too little literal text to tell (such as {@code \\d+ ?x}).
   */
  static java.util.Optional<FragmentMatcher> leadingLiterals(List<String> phrases) {
    Builder builder = builder();
    for (String phrase : phrases) {
      List<String> leads = leadingLiteral(phrase);
      if (leads.isEmpty()) {
        return java.util.Optional.empty();
      }
      for (String lead : leads) {
        builder.matcher.file(new Needle(lead, 1, Fit.ANYWHERE));
      }
    }
    return java.util.Optional.of(builder.build());
  }

  /** The literal starts of a phrase, or none when it starts with less than two literal characters. */
  private static List<String> leadingLiteral(String phrase) {
    List<String> leads = new ArrayList<>();
    leads.add("");
    int i = 0;
    while (i < phrase.length()) {
      char c = phrase.charAt(i);
      if (c == '[') {
        int close = phrase.indexOf(']', i);
        String options = close < 0 ? "" : phrase.substring(i + 1, close);
        if (options.isEmpty() || options.indexOf('\\') >= 0 || options.indexOf('-') >= 0 || options.startsWith("^")
            || quantified(phrase, close + 1)) {
          break;
        }
        List<String> parts = new ArrayList<>();
        options.chars().forEach(o -> parts.add(String.valueOf((char) o)));
        leads = append(leads, parts);
        i = close + 1;
      } else if ("\\()]?*+.|^${}".indexOf(c) >= 0 || quantified(phrase, i + 1)) {
        break;
      } else {
        leads = append(leads, List.of(String.valueOf(c)));
        i++;
      }
    }
    List<String> lower = new ArrayList<>();
    for (String lead : leads) {
      if (lead.length() < 2) {
        return List.of();
      }
      lower.add(lead.toLowerCase(java.util.Locale.ROOT));
    }
    return lower;
  }

  /** Whether the atom ending before {@code next} is optional or repeated. */
  private static boolean quantified(String phrase, int next) {
    return next < phrase.length() && "?*{".indexOf(phrase.charAt(next)) >= 0;
  }

  /** The literal texts a fragment stands for: {@code c?} optional, {@code (?:a|b)} alternatives. */
  static List<String> expand(String fragment) {
    List<String> results = new ArrayList<>();
    results.add("");
    int i = 0;
    while (i < fragment.length()) {
      char c = fragment.charAt(i);
      if (fragment.startsWith("(?:", i)) {
        int close = fragment.indexOf(')', i);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed group in fragment '" + fragment + "'");
        }
        List<String> parts = List.of(fragment.substring(i + 3, close).split("\\|", -1));
        results = append(results, parts);
        i = close + 1;
      } else if ("()[]{}|*+.\\^$".indexOf(c) >= 0) {
        throw new IllegalArgumentException("fragment '" + fragment + "' uses '" + c + "'; only 'c?' and '(?:a|b)' are understood");
      } else if (i + 1 < fragment.length() && fragment.charAt(i + 1) == '?') {
        results = append(results, List.of(String.valueOf(c), ""));
        i += 2;
      } else {
        results = append(results, List.of(String.valueOf(c)));
        i++;
      }
    }
    return results;
  }

  private static List<String> append(List<String> prefixes, List<String> parts) {
    List<String> out = new ArrayList<>();
    for (String prefix : prefixes) {
      for (String part : parts) {
        out.add(prefix + part);
      }
    }
    return out;
  }
}

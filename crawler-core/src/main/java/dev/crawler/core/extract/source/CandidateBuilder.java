package dev.crawler.core.extract.source;

import dev.crawler.core.extract.normalise.Availability;
import dev.crawler.core.extract.normalise.CurrencyResolver;
import dev.crawler.core.extract.normalise.Gtin;
import dev.crawler.core.extract.normalise.Money;
import dev.crawler.core.extract.normalise.PageContext;
import dev.crawler.core.extract.normalise.ParsedPrice;
import dev.crawler.core.extract.normalise.PriceParser;
import dev.crawler.core.extract.normalise.TextCleaner;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Collects raw field values for one candidate and normalises them on the way in: every extractor
 * goes through here, so a price, currency, GTIN or availability is interpreted the same way
 * whatever syntax it came from. The first usable value of each field is kept.
 *
 * <p>Price and currency are resolved together in {@link #build()} by {@link Money#resolve}.
 */
public final class CandidateBuilder {

  private static final int MAX_ID_LENGTH = 100;
  private static final int MAX_BRAND_LENGTH = 200;
  private static final Pattern ID_PREFIX = Pattern.compile("^(?i)(?:sku|id|item|art(?:ikel)?(?:-?nr)?)\\s*[:#]\\s*");
  // A label such as "Product code:" or "Код:" in front of an id read from visible text. It must
  // contain a lower-case letter so that an id like "ABC:123" is left alone.
  private static final Pattern ID_LABEL = Pattern.compile("^(?=[^:：]*\\p{Ll})\\p{L}[\\p{L} .\\-]{0,30}[:：]\\s*(?=\\S)");
  // The label in a brand property's text, "Brand: Acme", also at the end of a link's lead-in:
  // "See more from the brand: Acme". The lead-in holds no colon of its own.
  private static final Pattern BRAND_LABEL = Pattern.compile("^(?iu)(?:[^:：]{0,60}?[\\s\\p{Z}])?"
      + "(?:brand|marke|marque|marca|merk|marka|märke|merkki|бренд|производитель)[\\s\\p{Z}]*[:：][\\s\\p{Z}]*");

  private final Source source;
  private final PageContext page;
  private @Nullable String name;
  private @Nullable BigDecimal price;
  private @Nullable String priceText;
  private @Nullable String currency; // raw; resolved with the price in build()
  private @Nullable String sku;
  private @Nullable String gtin;
  private @Nullable String brand;
  private @Nullable String availability;
  private @Nullable String image;
  private @Nullable BigDecimal rating;
  private @Nullable Long reviewCount;
  private @Nullable String itemUrl;

  public CandidateBuilder(Source source, PageContext page) {
    this.source = source;
    this.page = page;
  }

  public CandidateBuilder name(@Nullable String cleanText) {
    if (name == null) {
      String cleaned = TextCleaner.clean(cleanText);
      // <a itemprop="name" href="/product/123"> yields the link target, which is not a name.
      name = cleaned == null || looksLikeUrl(cleaned) || cleaned.startsWith("/") && cleaned.indexOf(' ') < 0
          ? null : cleaned;
    }
    return this;
  }

  /** A price as text, possibly with a symbol ("1.299,00 €"); parsed when the currency is known. */
  CandidateBuilder priceText(@Nullable String text) {
    if (price == null && priceText == null && text != null && !text.isBlank()) {
      priceText = text;
    }
    return this;
  }

  /** A price that is already a number (a JSON number). */
  public CandidateBuilder price(@Nullable BigDecimal amount) {
    if (price == null && priceText == null) {
      price = PriceParser.sane(amount);
    }
    return this;
  }

  /** A currency as structured data writes it: a code, or sometimes a symbol. */
  public CandidateBuilder currency(@Nullable String raw) {
    if (currency == null && CurrencyResolver.fromText(raw, page) != null) {
      currency = raw;
    }
    return this;
  }

  /** A price and currency already resolved together (from an offer). */
  CandidateBuilder money(Money money) {
    price(money.amount());
    currency(money.currency());
    return this;
  }

  private static final Pattern CODE_THEN_WORDS = Pattern.compile(
      "((?=[\\p{L}\\p{N}._/\\-]*\\p{L})(?=[\\p{L}\\p{N}._/\\-]*\\p{N})[\\p{L}\\p{N}][\\p{L}\\p{N}._/\\-]{3,39}) [^\\p{N}]+");

  public CandidateBuilder sku(@Nullable String raw) {
    if (sku == null) {
      String cleaned = TextCleaner.clean(raw);
      if (cleaned != null) {
        cleaned = ID_PREFIX.matcher(cleaned).replaceFirst("");
        cleaned = ID_LABEL.matcher(cleaned).replaceFirst("");
      }
      if (cleaned != null) {
        // "TE502955-1293415 Housse de canapé": markup read from visible text that runs on into a
        // category; a code of letters and digits followed by plain words is the code alone.
        Matcher run = CODE_THEN_WORDS.matcher(cleaned);
        if (run.matches()) {
          cleaned = run.group(1);
        }
      }
      if (cleaned != null && !cleaned.isEmpty() && cleaned.length() <= MAX_ID_LENGTH) {
        sku = cleaned;
      }
    }
    return this;
  }

  public CandidateBuilder gtin(@Nullable String raw) {
    if (gtin == null) {
      gtin = Gtin.normalize(raw);
    }
    return this;
  }

  public CandidateBuilder brand(@Nullable String raw) {
    if (brand == null) {
      String cleaned = TextCleaner.clean(raw);
      if (cleaned != null) {
        cleaned = BRAND_LABEL.matcher(cleaned).replaceFirst("");
      }
      if (cleaned != null && !cleaned.isEmpty() && cleaned.length() <= MAX_BRAND_LENGTH && !looksLikeUrl(cleaned)) {
        brand = cleaned;
      }
    }
    return this;
  }

  public CandidateBuilder availability(@Nullable String raw) {
    if (availability == null) {
      availability = Availability.normalize(raw);
    }
    return this;
  }

  CandidateBuilder image(@Nullable String raw) {
    if (image == null) {
      image = page.resolve(raw);
    }
    return this;
  }

  CandidateBuilder rating(@Nullable String raw) {
    if (rating == null) {
      // Ratings are small decimals: "4.588" is four and a half stars, never 4588.
      rating = PriceParser.parse(raw, PriceParser.DECIMAL_HINT).map(ParsedPrice::amount).orElse(null);
    }
    return this;
  }

  CandidateBuilder reviewCount(@Nullable String raw) {
    if (reviewCount == null) {
      reviewCount = PriceParser.parse(raw).map(p -> toCount(p.amount())).orElse(null);
    }
    return this;
  }

  CandidateBuilder itemUrl(@Nullable String raw) {
    if (itemUrl == null) {
      itemUrl = page.resolve(raw);
    }
    return this;
  }

  boolean hasPrice() {
    return price != null || priceText != null;
  }

  /** The candidate, or empty when nothing identifies or prices a product. */
  public Optional<ProductCandidate> build() {
    Money money = Money.resolve(priceText, price, currency, page);
    ProductCandidate candidate = new ProductCandidate(source, name, money.amount(), money.currency(), sku, gtin,
        brand, availability, image, rating, reviewCount, itemUrl);
    return candidate.isSubstantial() ? Optional.of(candidate) : Optional.empty();
  }

  private static @Nullable Long toCount(BigDecimal amount) {
    try {
      return amount.longValueExact();
    } catch (ArithmeticException notAWholeNumber) {
      return null;
    }
  }

  private static boolean looksLikeUrl(String value) {
    return value.startsWith("http://") || value.startsWith("https://") || value.startsWith("//");
  }
}

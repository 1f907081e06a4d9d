package dev.crawler.core.extract.choose;

import dev.crawler.core.extract.ExtractedProduct;
import dev.crawler.core.extract.normalise.PageContext;
import dev.crawler.core.extract.source.ProductCandidate;
import dev.crawler.core.extract.source.Source;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Combines the candidates of all extractors on one page into records.
 *
 * <p><b>Which candidates describe the same product.</b> Item-level extractors (JSON-LD, microdata,
 * RDFa) are taken in precedence order; a candidate joins an existing record when they share a SKU or
 * a GTIN, or when the record is the only one so far and the candidate is its extractor's only one
 * ("the page has one product each"); otherwise it starts a new record. Page-level extractors (site
 * rule, meta tags) describe the page, so their candidate joins the page's primary record, or starts
 * one if no other extractor found a product.
 *
 * <p><b>Which value wins.</b> Per field, the value from the extractor highest in {@link Source}
 * order, whatever order candidates arrive in; {@link ExtractedProduct#sources()} records the winner.
 * Two exceptions, both for prices that structured data gets wrong more often than a shopper would:
 * a price of zero is a placeholder, yields to any positive price and is dropped if none comes; and the primary record's
 * structured price yields to the page's own price when it is shown nowhere on the page as a
 * current price while the page shows a confident one beside the name
 * ({@link PriceChooser#shownNow}, {@link PriceChooser#confident}). Site rules are never overridden:
 * the user wrote them.
 *
 * <p><b>Which record is primary</b> (listed first). The first record whose own URL is the page's
 * product URL, else the first record with a price, else the first record.
 */
public final class ProductMerger {

  /** Records per page; beyond this a page is a catalogue dump and the rest are dropped. */
  public static final int MAX_RECORDS = 500;

  /** The merged fields, named as in {@link ExtractedProduct}. */
  enum Field {
    NAME("name", ProductCandidate::name),
    PRICE("price", ProductCandidate::price),
    CURRENCY("currency", ProductCandidate::currency),
    SKU("sku", ProductCandidate::sku),
    GTIN("gtin", ProductCandidate::gtin),
    BRAND("brand", ProductCandidate::brand),
    AVAILABILITY("availability", ProductCandidate::availability),
    IMAGE("image", ProductCandidate::image),
    RATING("rating", ProductCandidate::rating),
    REVIEW_COUNT("reviewCount", ProductCandidate::reviewCount);

    final String label;
    final Function<ProductCandidate, @Nullable Object> getter;

    Field(String label, Function<ProductCandidate, @Nullable Object> getter) {
      this.label = label;
      this.getter = getter;
    }
  }

  private final List<Record> records = new ArrayList<>();

  private ProductMerger() {}

  /**
   * @param bySource each extractor's candidates, in that extractor's order
   */
  public static List<ExtractedProduct> merge(Map<Source, List<ProductCandidate>> bySource, PageContext page) {
    return merge(bySource, page, PageEvidence.NONE);
  }

  /**
   * @param bySource each extractor's candidates, in that extractor's order
   * @param shown what the page shows a shopper, against which structured data is checked
   */
  public static List<ExtractedProduct> merge(Map<Source, List<ProductCandidate>> bySource, PageContext page,
      PageEvidence shown) {
    ProductMerger merger = new ProductMerger();
    for (Source source : Source.values()) {
      if (!source.pageLevel()) {
        merger.addItems(bySource.getOrDefault(source, List.of()));
      }
    }
    merger.promotePrimary(page);
    for (Source source : Source.values()) {
      if (source.pageLevel()) {
        bySource.getOrDefault(source, List.of()).stream().findFirst().ifPresent(merger::addPageLevel);
      }
    }
    if (!merger.records.isEmpty()) {
      Record primary = merger.records.get(0);
      primary.correctImplausiblePrice(shown.prices());
      primary.correctUnseenSku(shown);
      merger.variantsInStock();
      primary.correctStaleStock(shown);
    }
    return merger.records.stream().map(r -> r.toProduct(page.productUrl())).toList();
  }

  /**
   * Shops list one item per size or colour, all under the product's name; like the offers of one
   * product, the primary record is in stock when any of its same-named variants is.
   */
  private void variantsInStock() {
    Record primary = records.get(0);
    Object name = primary.value(Field.NAME);
    Object availability = primary.value(Field.AVAILABILITY);
    if (name == null || availability == null || "InStock".equals(availability)) {
      return;
    }
    for (Record other : records.subList(1, records.size())) {
      if (name.toString().equalsIgnoreCase(String.valueOf(other.value(Field.NAME)))
          && "InStock".equals(other.value(Field.AVAILABILITY))) {
        primary.values.put(Field.AVAILABILITY, "InStock");
        return;
      }
    }
  }

  private void addItems(List<ProductCandidate> candidates) {
    boolean oneEach = candidates.size() == 1 && records.size() == 1;
    for (ProductCandidate candidate : candidates) {
      Record match = sameProduct(candidate);
      if (match == null && oneEach) {
        match = records.get(0);
      }
      if (match != null) {
        match.offer(candidate);
      } else if (records.size() < MAX_RECORDS) {
        records.add(new Record(candidate));
      }
    }
  }

  private void addPageLevel(ProductCandidate candidate) {
    if (records.isEmpty()) {
      records.add(new Record(candidate));
    } else if (candidate.source() == Source.OPENGRAPH && conflicts(records.get(0), candidate)) {
      // The page's meta tags name a different GTIN than the first item: they describe a product the
      // item markup missed, and since they describe the page, that product is the primary one.
      records.add(0, new Record(candidate));
    } else {
      records.get(0).offer(candidate);
    }
  }

  private static boolean conflicts(Record record, ProductCandidate candidate) {
    Object gtin = record.value(Field.GTIN);
    return gtin != null && candidate.gtin() != null && !gtin.equals(candidate.gtin());
  }

  private @Nullable Record sameProduct(ProductCandidate candidate) {
    for (Record record : records) {
      if (sameId(record.value(Field.SKU), candidate.sku()) || sameId(record.value(Field.GTIN), candidate.gtin())) {
        return record;
      }
    }
    return null;
  }

  private static boolean sameId(@Nullable Object a, @Nullable Object b) {
    return a != null && b != null && a.toString().toLowerCase(Locale.ROOT).equals(b.toString().toLowerCase(Locale.ROOT));
  }

  private void promotePrimary(PageContext page) {
    int primary = indexOf(r -> page.productUrl().equals(r.itemUrl) || page.pageUrl().toString().equals(r.itemUrl));
    if (primary < 0) {
      primary = indexOf(r -> r.value(Field.PRICE) != null);
    }
    if (primary > 0) {
      records.add(0, records.remove(primary));
    }
  }

  private int indexOf(java.util.function.Predicate<Record> test) {
    for (int i = 0; i < records.size(); i++) {
      if (test.test(records.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** One product being assembled: per field, the value and the source that supplied it. */
  private static final class Record {
    private final Map<Field, Object> values = new EnumMap<>(Field.class);
    private final Map<Field, Source> sources = new EnumMap<>(Field.class);
    private @Nullable String itemUrl;

    Record(ProductCandidate first) {
      offer(first);
    }

    void offer(ProductCandidate candidate) {
      for (Field field : Field.values()) {
        Object value = field.getter.apply(candidate);
        Source current = sources.get(field);
        if (value != null && (current == null || candidate.source().ordinal() < current.ordinal()
            || field == Field.PRICE && isZero(values.get(field)))) {
          values.put(field, value);
          sources.put(field, candidate.source());
        }
      }
      if (itemUrl == null) {
        itemUrl = candidate.itemUrl();
      }
    }

    void correctImplausiblePrice(List<PriceChooser.Scored> visiblePrices) {
      Source source = sources.get(Field.PRICE);
      if (source == null || source == Source.SITE_RULE || source == Source.PAGE) {
        return;
      }
      BigDecimal stated = (BigDecimal) values.get(Field.PRICE);
      if (PriceChooser.shownNow(visiblePrices, stated)) {
        return;
      }
      PriceChooser.confident(visiblePrices).ifPresent(shown -> {
        values.put(Field.PRICE, shown.money().amount());
        sources.put(Field.PRICE, Source.PAGE);
        if (shown.money().currency() != null) {
          values.put(Field.CURRENCY, shown.money().currency());
          sources.put(Field.CURRENCY, Source.PAGE);
        }
      });
    }

    /**
     * A structured SKU the shopper never sees (an internal id, a variant's, a feed's) gives way to
     * the identifier the page shows under a label or in an element named as the product's code; so
     * does a structured SKU the page shows as the model while a label shows another code (markup
     * that swaps SKU and MPN). Site rules are never overridden.
     */
    void correctUnseenSku(PageEvidence shown) {
      Source source = sources.get(Field.SKU);
      String labelled = shown.shownSku();
      if (source == null || source == Source.SITE_RULE || source == Source.PAGE || labelled == null) {
        return;
      }
      String stated = (String) values.get(Field.SKU);
      if (!labelled.equalsIgnoreCase(stated) && (!shown.shows(stated) || shown.modelValues().contains(stated))) {
        values.put(Field.SKU, labelled);
        sources.put(Field.SKU, Source.PAGE);
      }
    }

    /**
     * Structured data says in stock while the page's own stock box says sold out: feeds lag behind
     * the page, and the shopper cannot buy what the page says is gone.
     */
    void correctStaleStock(PageEvidence shown) {
      Source source = sources.get(Field.AVAILABILITY);
      if (source != null && source != Source.SITE_RULE && source != Source.PAGE
          && "OutOfStock".equals(shown.stockBox()) && "InStock".equals(values.get(Field.AVAILABILITY))) {
        values.put(Field.AVAILABILITY, "OutOfStock");
        sources.put(Field.AVAILABILITY, Source.PAGE);
      }
    }

    /** A price of 0 in markup is a placeholder ("call for price"), never what the shop charges. */
    private static boolean isZero(@Nullable Object price) {
      return price instanceof BigDecimal amount && amount.signum() == 0;
    }

    @Nullable Object value(Field field) {
      return values.get(field);
    }

    ExtractedProduct toProduct(String url) {
      if (isZero(values.get(Field.PRICE))) {
        // Nothing better replaced the placeholder: no price is the truth, a zero would be a lie.
        values.remove(Field.PRICE);
        sources.remove(Field.PRICE);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      sources.forEach((field, source) -> labels.put(field.label, source.label()));
      return new ExtractedProduct(url,
          (String) values.get(Field.NAME),
          (BigDecimal) values.get(Field.PRICE),
          (String) values.get(Field.CURRENCY),
          (String) values.get(Field.SKU),
          (String) values.get(Field.GTIN),
          (String) values.get(Field.BRAND),
          (String) values.get(Field.AVAILABILITY),
          (String) values.get(Field.IMAGE),
          (BigDecimal) values.get(Field.RATING),
          (Long) values.get(Field.REVIEW_COUNT),
          labels);
    }
  }
}

package dev.crawler.core.extract.source;

import dev.crawler.core.extract.normalise.Availability;
import dev.crawler.core.extract.normalise.CurrencyResolver;
import dev.crawler.core.extract.normalise.Gtin;
import dev.crawler.core.extract.normalise.Money;
import dev.crawler.core.extract.normalise.PageContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the schema.org product vocabulary (and its data-vocabulary.org ancestor) from
 * {@link SchemaItem}s into candidates, whatever syntax the items came from.
 *
 * <p>A product's price comes from its offers. A product with several offers (one per size, one per
 * seller) is recorded at its lowest price among the offers in stock, or among all offers when none
 * is in stock; the currency stays that offer's. Its availability is {@code InStock} when any offer is
 * in stock. {@code AggregateOffer} contributes its {@code lowPrice}; a {@code priceSpecification}
 * contributes its price unless it is marked as a list or strike-through price. A variant of a
 * {@code ProductGroup} inherits the group's name, brand, image and rating when it lacks its own, but
 * never its identifiers.
 */
public final class SchemaProductMapper {

  /** Offers considered per product; beyond this a page is listing a marketplace, not a product. */
  public static final int MAX_OFFERS = 200;
  private static final String[] GTIN_PROPERTIES =
      {"gtin", "gtin13", "gtin12", "gtin14", "gtin8", "ean", "upc", "isbn", "productid", "identifier"};

  private final Source source;
  private final PageContext page;

  SchemaProductMapper(Source source, PageContext page) {
    this.source = source;
    this.page = page;
  }

  /** Finds and maps every product among {@code roots}. */
  List<ProductCandidate> map(List<SchemaItem> roots) {
    List<ProductCandidate> candidates = new ArrayList<>();
    for (ProductFinder.Found found : ProductFinder.find(roots)) {
      map(found).ifPresent(candidates::add);
    }
    return candidates;
  }

  private Optional<ProductCandidate> map(ProductFinder.Found found) {
    SchemaItem product = found.product();
    SchemaItem group = found.group();
    CandidateBuilder builder = new CandidateBuilder(source, page);
    builder.name(name(product, found.outerOffer()));
    builder.sku(product.firstText("sku", "productid", "identifier"));
    addGtin(builder, product);
    builder.brand(brand(product));
    builder.image(image(product));
    addRating(builder, product);
    builder.itemUrl(product.text("url"));
    addOffers(builder, product, found.outerOffer());
    if (group != null) {
      inherit(builder, group);
    }
    return builder.build();
  }

  /** Fields a variant shares with its group; identifiers and offers stay the variant's own. */
  private void inherit(CandidateBuilder builder, SchemaItem group) {
    builder.name(group.text("name"));
    builder.brand(brand(group));
    builder.image(image(group));
    addRating(builder, group);
    if (!builder.hasPrice()) {
      addOffers(builder, group, null);
    }
  }

  /**
   * The product's name. When an offer names what it offers ({@code itemOffered} as text) and the
   * product's own name contains that plus more, the product name is polluted by surrounding page
   * text (a price, a login link) and the offer's version is the clean one.
   */
  private static @Nullable String name(SchemaItem product, @Nullable SchemaItem outerOffer) {
    String name = product.text("name");
    List<SchemaItem> offers = new ArrayList<>(product.items("offers"));
    if (outerOffer != null) {
      offers.add(outerOffer);
    }
    for (SchemaItem offer : offers) {
      String offered = offer.text("itemOffered");
      if (offered != null && (name == null || (name.length() > offered.length() && name.contains(offered)))) {
        return offered;
      }
    }
    return name;
  }

  private static void addGtin(CandidateBuilder builder, SchemaItem item) {
    for (String property : GTIN_PROPERTIES) {
      for (Object value : item.values(property)) {
        if (value instanceof String text) {
          builder.gtin(text);
        }
      }
    }
  }

  private static @Nullable String brand(SchemaItem product) {
    for (Object value : product.values("brand")) {
      String name = value instanceof SchemaItem item ? item.firstText("name", "legalname") : null;
      if (value instanceof String text) {
        name = product.clean(text);
      }
      if (name != null) {
        return name;
      }
    }
    return null;
  }

  private static @Nullable String image(SchemaItem product) {
    for (Object value : product.values("image")) {
      String url = value instanceof SchemaItem item ? item.firstText("url", "contenturl", "thumbnailurl") : null;
      if (value instanceof String text) {
        url = product.clean(text);
      }
      if (url != null) {
        return url;
      }
    }
    return null;
  }

  private static void addRating(CandidateBuilder builder, SchemaItem product) {
    SchemaItem rating = product.item("aggregateRating");
    if (rating == null) {
      rating = product.item("review-aggregate"); // data-vocabulary.org
    }
    if (rating != null) {
      builder.rating(rating.firstText("ratingValue", "rating"));
      builder.reviewCount(rating.firstText("reviewCount", "ratingCount", "count", "votes"));
    }
  }

  private void addOffers(CandidateBuilder builder, SchemaItem product, @Nullable SchemaItem outerOffer) {
    List<OfferData> offers = new ArrayList<>();
    if (outerOffer != null) {
      collectOffers(outerOffer, offers, 0);
    }
    for (String property : new String[] {"offers", "offerDetails"}) {
      for (SchemaItem offer : product.items(property)) {
        collectOffers(offer, offers, 0);
      }
    }
    // Some shops put price and availability straight on the product.
    OfferData own = readOffer(product);
    if (own.money().amount() != null || own.availability() != null) {
      offers.add(own);
    }
    OfferData best = OfferData.best(offers);
    if (best == null) {
      return;
    }
    builder.money(best.money());
    builder.availability(OfferData.availability(offers, best));
    // Offers that disagree on sku or GTIN are sizes or colours: their ids are not the product's.
    builder.sku(OfferData.shared(offers, OfferData::sku));
    builder.gtin(OfferData.shared(offers, OfferData::gtin));
  }

  /** Adds {@code offer} and, for an AggregateOffer listing its members, those members. */
  private void collectOffers(SchemaItem offer, List<OfferData> offers, int depth) {
    if (offers.size() >= MAX_OFFERS || depth > 2) {
      return;
    }
    OfferData data = readOffer(offer);
    if (data.money().amount() != null || data.availability() != null) {
      offers.add(data);
    }
    for (SchemaItem nested : offer.items("offers")) {
      collectOffers(nested, offers, depth + 1);
    }
  }

  private OfferData readOffer(SchemaItem offer) {
    Money money = priceOf(offer);
    String availability = Availability.normalize(offer.firstText("availability"));
    String gtin = null;
    for (String property : GTIN_PROPERTIES) {
      gtin = gtin != null ? gtin : Gtin.normalize(offer.text(property));
    }
    String sku = ProductFinder.isProduct(offer) ? null : offer.text("sku");
    return new OfferData(money, availability, sku, gtin);
  }

  private Money priceOf(SchemaItem offer) {
    String currency = offer.firstText("priceCurrency", "currency");
    String price = offer.hasType("AggregateOffer") || offer.hasType("Offer-aggregate")
        ? offer.firstText("lowPrice", "price")
        : offer.firstText("price", "lowPrice");
    if (price != null) {
      return Money.resolve(price, null, currency, page);
    }
    for (SchemaItem spec : offer.items("priceSpecification")) {
      String type = spec.firstText("priceType");
      if (type != null && isListPrice(type)) {
        continue;
      }
      String specPrice = spec.firstText("price", "minPrice");
      String specCurrency = spec.firstText("priceCurrency", "currency");
      if (specPrice != null) {
        return Money.resolve(specPrice, null, specCurrency != null ? specCurrency : currency, page);
      }
    }
    return new Money(null, CurrencyResolver.fromText(currency, page));
  }

  private static boolean isListPrice(String type) {
    String lower = type.toLowerCase(Locale.ROOT);
    return lower.contains("listprice") || lower.contains("strikethrough") || lower.contains("msrp")
        || lower.contains("srp");
  }
}

package dev.crawler.core.extract.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The walk tests cheaply for what a pattern needs before running the pattern; the answers must be
 * the pattern's own, on the inputs where a cheap test could go wrong (case, look-alike letters).
 */
class CheapChecksTest {

  private static final Pattern SCHEMA_TERM = Pattern.compile("(?i)schema\\.org/(InStock|OutOfStock|PreOrder|BackOrder"
      + "|Discontinued|LimitedAvailability|SoldOut|OnlineOnly|InStoreOnly|PreSale)\\b");
  private static final Pattern ID_ATTRIBUTE = Pattern.compile("(?i)^data-(?:product-?)?(?:sku|item-?sku|variant-?sku)$");
  private static final Pattern HIDDEN_STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden");

  @Test
  void schemaTermsAreTheOnesThePatternFinds() {
    for (String value : List.of("https://schema.org/InStock", "http://SCHEMA.ORG/outofstock", "schema.org/PreOrderX",
        "/product/12", "", "ſchema.org/InStock", "schema.org", "x schema.org/SoldOut y", "https://schema.org/ InStock",
        "a.b.schema.org/InStock", "SCHEMA.Org/instock.", "schema.orgx/InStock", ".schema.org/OnlineOnly", "schema.org/")) {
      Matcher m = SCHEMA_TERM.matcher(value);
      assertThat(StockWords.schemaTermIn(value)).as(value).isEqualTo(m.find() ? m.group(1) : null);
    }
  }

  @Test
  void idAttributesAreTheOnesThePatternMatches() {
    for (String key : List.of("data-sku", "DATA-Product-SKU", "data-variant-sku", "data-itemsku", "data-sku-id", "data-s",
        "data-", "data-product-ſku", "data-product-id", "data-color-sku", "datasku", "data-productsku")) {
      assertThat(PageWalk.isIdAttribute(key)).as(key).isEqualTo(ID_ATTRIBUTE.matcher(key).matches());
    }
  }

  @Test
  void hiddenStylesAreTheOnesThePatternFinds() {
    for (String style : List.of("display:none", "DISPLAY : NONE", "visibility:\thidden", "display:block", "color:red",
        "display: nonE;", "visibility:hidden-ish", "overflow:hidden", "display:\u212Aone", "")) {
      Element element = Jsoup.parse("<div></div>").body().child(0).attr("style", style);
      assertThat(VisibleText.isHiddenByMarkup(element)).as(style)
          .isEqualTo(HIDDEN_STYLE.matcher(style.toLowerCase(java.util.Locale.ROOT)).find());
    }
  }

  /** The walk asks jsoup's {@code hasClass("modal")} only of elements whose class text may hold it. */
  @Test
  void everyModalClassIsOneTheHintsLetThrough() {
    AttributeHints hints = new AttributeHints(PageCues.standard());
    for (String classes : List.of("modal", "MODAL open", "x Modal", "modal-dialog", "mod al", "M\u039FDAL", "\tmodal\n",
        "\u0001modal", "product modal\u0001", "dialog", "", "xmodal", "modals")) {
      Element element = Jsoup.parse("<div></div>").body().child(0).attr("class", classes);
      int flags = hints.of(element, AttributeNames.of(element));
      if (element.hasClass("modal")) {
        assertThat(flags & AttributeHints.MAY_BE_MODAL).as(classes).isNotZero();
      }
    }
  }
}

package dev.crawler.core.extract.scan;

import dev.crawler.core.extract.normalise.TextCleaner;
import dev.crawler.core.extract.normalise.UrlIdentifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * The page as a shopper sees it, gathered during the one {@link PageScan}: the main heading, short
 * texts that look like prices, labelled identifiers, identifier attributes, add-to-cart controls
 * and stock statements. Each spot keeps its position in document order, so choosers can prefer
 * what stands near the heading and the buy button.
 *
 * <p>The scan hands it only elements and text outside hidden subtrees, in document order. It
 * tracks, per element, whether it lies inside struck-through text, a link, or a block about other
 * products (related items, carousels, navigation, header, footer). Hidden form fields are read for
 * identifiers.
 *
 * <p>Bounded: at most {@link #MAX_ELEMENTS} elements are read and each list is capped.
 */
public final class PageWalk {

  static final int MAX_ELEMENTS = 60_000;
  static final int MAX_SPOTS = 400;
  static final int MAX_VISIBLE_TEXT = 1_000_000;
  /** Texts longer than this are sentences, not a price or a label with its value. */
  static final int MAX_SHORT_TEXT = 80;
  /** A sold badge is a word or two. */
  private static final int MAX_SOLD_MARK = 24;
  private static final int MAX_NAME = 300;
  private static final int MAX_HEADINGS = 16;
  /** A heading whose words the title repeats this much names the page's product. */
  private static final double TITLED_SHARE = 0.6;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private record Heading(int position, String text) {}
  /** Words ending in a colon at the start of a label's value: more of the label. */
  private static final Pattern LABEL_REST = Pattern.compile("^\\p{L}[\\p{L}\\s.'’-]{0,40}?\\s*[:：]\\s*(.*)$");
  /** A class, id or data attribute that says the element holds the product's code. */
  private static final Pattern CODE_NAME = Pattern.compile(
      "(?<![a-z0-9])(?:sku|product-?(?:code|ref|reference|number|no|nr|id)|item-?(?:number|code|no|nr)"
      + "|article-?(?:number|code|no|nr)|art-?nr|reference|ref-?(?:number|code|no)|catalog(?:ue)?-?(?:number|no)"
      + "|style-?(?:number|code|no)|model-?(?:number|code))(?![a-z])");
  private static final Pattern ONE_TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._/\\-]{1,39}");
  private static final Pattern ID_ATTRIBUTE =
      Pattern.compile("(?i)^data-(?:product-?)?(?:sku|item-?sku|variant-?sku)$");
  private static final Set<String> H1 = Set.of("h1");
  private static final Set<String> STRUCK_TAGS = Set.of("del", "s", "strike");
  private static final Pattern ID_FIELD =
      Pattern.compile("(?i)^(?:sku|product_?sku|asin|item_?sku|variant_?sku)$");

  /** A short text that may be a price. */
  public record PriceSpot(int position, String text, boolean priceAttribute, boolean oldAttribute, boolean struck,
      boolean inLink, boolean itemprop, @Nullable String label, boolean listed) {}

  /** An identifier read from a label and its value, an attribute or a form field. */
  public record IdSpot(int position, IdKind kind, String value, String how) {}

  public enum IdKind { SKU, MPN, GTIN }

  /**
   * A name read from a label and its value: "Brand: Acme", or a table row of "Marque" and "Casio".
   *
   * @param maker whether the label names the manufacturer ("Hersteller") rather than the brand
   */
  public record BrandSpot(int position, String value, boolean maker) {}

  /**
   * A control that adds the product to the cart.
   *
   * @param preOrder whether its label offers to pre-order ("Pre-order now", "Vorbestellen")
   */
  public record CartSpot(int position, boolean disabled, boolean preOrder) {}

  /**
   * A button whose whole label offers to contact the one selling ("Contact seller", "Anbieter
   * kontaktieren"): how a classified ad, which has no cart, is bought.
   *
   * @param beside whether it stands in an {@code <aside>}, the seller's box beside an ad, where a
   *     bare "Contact" counts too
   */
  public record ContactSpot(int position, boolean beside) {}

  /** What a stock statement is. */
  public enum StockKind {
    /** A schema.org availability term or the shop's {@code itemprop="availability"}. */
    SCHEMA_TERM,
    /** A phrase about stock: "In stock", "Sold out", "Only 3 left". */
    PHRASE,
    /**
     * A promise to send the product within a stated time ("Ships within 24 hours"): said of what
     * the shop has to send, but often printed for every product, so the weakest statement.
     */
    PROMISE
  }

  /**
   * A statement of availability.
   *
   * @param stockAttribute whether the element or its parent has a class or id that says stock
   */
  public record StockSpot(int position, String term, StockKind kind, boolean stockAttribute) {}

  /**
   * A quantity field that caps how many the shopper may order ({@code <input name="qty" max="4">});
   * shops set the cap from what they have.
   */
  public record QuantitySpot(int position, long max) {}

  private final PageCues cues;
  private final StockWords stockWords;
  private final ElementText shortText = new ElementText(MAX_SHORT_TEXT);
  private final List<PriceSpot> prices = new ArrayList<>();
  private final List<IdSpot> ids = new ArrayList<>();
  private final List<BrandSpot> brands = new ArrayList<>();
  private final List<CartSpot> carts = new ArrayList<>();
  private final List<ContactSpot> contacts = new ArrayList<>();
  /** An aside holds a buy control or a stock statement: it is a buy box, not a seller's box. */
  private boolean besideSpeaksOfStock;
  /** A badge that says the item is sold ("Sold", "Verkauft") stands somewhere on the page. */
  private boolean soldMark;
  private final List<StockSpot> stock = new ArrayList<>();
  private final List<QuantitySpot> quantities = new ArrayList<>();
  private final List<Heading> headings = new ArrayList<>();
  private final PageMarkup markup;
  /** What each open element's class and id say, per depth. */
  private final int[] hintsAt = new int[512];
  private java.util.@Nullable Set<String> titleWords;
  private @Nullable String heading;
  private int headingPosition = -1;
  private int position;
  /** Context flags per depth; a flag holds for an element and everything below it. */
  private final int[] flags = new int[512];
  /**
   * The visible text nodes, for {@link #shows}, until their text passes {@link #MAX_VISIBLE_TEXT}
   * characters. Only a few pages ever ask, so the text is joined on the first question, not
   * copied piece by piece into one growing buffer on every page.
   */
  private final List<String> visiblePieces = new ArrayList<>();
  private int visibleLength;
  private @Nullable StringBuilder visibleText;
  private List<String> urlIds = List.of();

  /**
   * @param markup the page's markup as the same scan gathers it; the walk reads the page title
   *     from it, which the head supplies before the body's headings arrive
   */
  PageWalk(PageCues cues, PageMarkup markup) {
    this.cues = cues;
    this.stockWords = new StockWords(cues, MAX_SHORT_TEXT);
    this.markup = markup;
  }

  /**
   * Identifier-like tokens of the page's URL ({@link UrlIdentifiers}); those the page also shows as
   * visible text become identifier spots of kind SKU, found "url-and-text".
   */
  void urlIds(List<String> tokens) {
    urlIds = new ArrayList<>(tokens);
  }

  /** Chooses the main heading once the walk is over. */
  void finish() {
    chooseHeading();
  }

  /**
   * The main heading: of the page's {@code h1}s outside other-product blocks, the one whose words
   * the page title repeats most (shops put popover and banner headings before the product's),
   * the first on ties or without a title.
   */
  private void chooseHeading() {
    Heading best = null;
    double bestShare = -1;
    for (Heading candidate : headings) {
      double share = titleShare(candidate.text());
      if (share > bestShare) {
        best = candidate;
        bestShare = share;
      }
    }
    if (best != null) {
      heading = best.text();
      headingPosition = best.position();
    }
  }

  /** The heading's text without a labelled identifier it holds ("Phone X <span>Code: 01245</span>"). */
  private String headingText(Element h1) {
    StringBuilder text = new StringBuilder();
    for (Node child : h1.childNodes()) {
      String part = child instanceof TextNode t ? t.text() : child instanceof Element e ? e.text() : "";
      if (child instanceof Element && isLabelled(part.strip())) {
        continue;
      }
      text.append(part).append(' ');
    }
    return text.toString();
  }

  /** A label with its value, such as "SKU: 123". */
  private boolean isLabelled(String text) {
    for (Pattern label : List.of(cues.skuLabel(), cues.mpnLabel(), cues.gtinLabel())) {
      Matcher m = label.matcher(text);
      if (m.matches() && !m.group(1).isBlank()) {
        return true;
      }
    }
    return false;
  }

  /** Share of the words of {@code text} that the page title repeats. */
  private double titleShare(String text) {
    if (titleWords == null) {
      titleWords = words(markup.title());
    }
    java.util.Set<String> own = words(text);
    long shared = own.stream().filter(titleWords::contains).count();
    return own.isEmpty() ? 0 : (double) shared / own.size();
  }

  /**
   * Whether a {@code <header>} is the product's own header (its h1 is the titled product name)
   * rather than the site's banner, which counts as a block about other things.
   */
  private boolean holdsTheTitledHeading(Element header) {
    Element h1 = FirstElement.named(header, H1);
    return h1 != null && titleShare(h1.text()) >= TITLED_SHARE;
  }

  private static java.util.Set<String> words(String text) {
    java.util.Set<String> words = new java.util.HashSet<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  public List<PriceSpot> prices() {
    return prices;
  }

  public List<IdSpot> ids() {
    return ids;
  }

  public List<BrandSpot> brands() {
    return brands;
  }

  public List<CartSpot> carts() {
    return carts;
  }

  public List<ContactSpot> contacts() {
    return contacts;
  }

  /** Whether an aside holds a buy control or a stock statement, so its contact buttons are a shop's help. */
  public boolean besideSpeaksOfStock() {
    return besideSpeaksOfStock;
  }

  /** Whether an element's whole text, outside blocks about other products, says the item is sold. */
  public boolean soldMark() {
    return soldMark;
  }

  public List<StockSpot> stock() {
    return stock;
  }

  public List<QuantitySpot> quantities() {
    return quantities;
  }

  public @Nullable String heading() {
    return heading;
  }

  /** Position of the main heading in document order, or -1 without one. */
  public int headingPosition() {
    return headingPosition;
  }

  /** A text node outside hidden subtrees and blocks about other products; {@code d} is its depth. */
  void text(TextNode text, int d) {
    if (d > 0 && (flags[d - 1] & ASIDE) != 0) {
      return; // what stands beside the product is not what the page shows of it
    }
    if (visibleLength < MAX_VISIBLE_TEXT) {
      String whole = text.getWholeText();
      visiblePieces.add(whole);
      visibleLength += whole.length() + 1; // and a space after it
    }
    if (!urlIds.isEmpty() && position < MAX_ELEMENTS) {
      urlIdShown(text.getWholeText());
    }
  }

  /**
   * Whether the page shows {@code value} as visible text, as a token of its own (not inside a
   * longer word or number). Structured data naming a value the shopper never sees is suspect.
   */
  public boolean shows(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    String token = value.strip();
    StringBuilder visibleText = visibleText();
    for (int at = visibleText.indexOf(token); at >= 0; at = visibleText.indexOf(token, at + 1)) {
      if (!Character.isLetterOrDigit(charAt(visibleText, at - 1))
          && !Character.isLetterOrDigit(charAt(visibleText, at + token.length()))) {
        return true;
      }
    }
    return false;
  }

  /** The visible text nodes joined, each followed by a space. */
  private StringBuilder visibleText() {
    if (visibleText == null) {
      visibleText = new StringBuilder(visibleLength);
      for (String piece : visiblePieces) {
        visibleText.append(piece).append(' ');
      }
    }
    return visibleText;
  }

  /**
   * An element outside hidden subtrees, in document order; {@code d} is its depth.
   *
   * @param attributes what its class and id say ({@link AttributeHints#of})
   * @param names the attributes it has ({@link AttributeNames})
   * @return whether the walk wants the element's subtree; a block about other products (navigation,
   *     a related-items carousel, a footer) holds nothing the walk reads, so the scan skips it
   */
  boolean element(Element element, int d, int attributes, int names) {
    if (position >= MAX_ELEMENTS) {
      return false;
    }
    int inherited = d == 0 ? 0 : flags[d - 1];
    if ((inherited & ASIDE) != 0) {
      return besideTheProduct(element, d, attributes, names, inherited);
    }
    if (element.nameIs("input") && element.attr("type").equalsIgnoreCase("hidden")) {
      hiddenField(element);
      return false;
    }
    position++;
    hintsAt[d] = attributes;
    // "Old price" marks reach one level down (<span class="was"><span>$12</span></span>), no further:
    // a whole buy box may carry a class such as "price-range".
    int parentOld = d == 0 ? 0 : flags[d - 1] & OLD_HERE;
    Control control = control(element, attributes, inherited, false);
    int own = contextOf(element, attributes, control, names);
    flags[d] = (inherited & ~(OLD | OLD_HERE)) | own | (parentOld != 0 ? OLD : 0) | ((own & OLD) != 0 ? OLD_HERE : 0);
    if ((flags[d] & OTHER) != 0) {
      return false;
    }
    if ((flags[d] & ASIDE) != 0) {
      return true; // read only for the seller's contact button and a sold badge, by besideTheProduct
    }
    visit(element, flags[d], attributes, d == 0 ? 0 : hintsAt[d - 1], control, names);
    return true;
  }

  /**
   * What an element is as a control: not one, a control that buys, a button that contacts the
   * seller, or a button that does something else.
   */
  private enum Control { NONE, BUY, CONTACT, OTHER_BUTTON }

  private static final int OTHER = 1;
  private static final int STRUCK = 2;
  private static final int LINK = 4;
  private static final int OLD = 8;
  private static final int OLD_HERE = 16;
  /** Inside a list item or a card: one of several products a listing shows. */
  private static final int LISTED = 32;
  /** Inside a button, link or label: a buy phrase there belongs to that control. */
  private static final int IN_CONTROL = 64;
  /**
   * Inside a dialog, shown only on demand: its stock words are conditional ("Unavailable? Notify
   * me" is the form a shop opens when a size is sold out), not a statement about the product.
   */
  private static final int IN_DIALOG = 128;
  /**
   * Inside an {@code <aside>}: beside the page's subject, so nothing there is the product's price,
   * code or stock; but a classified ad puts its seller's box there, with the button that contacts
   * the seller.
   */
  private static final int ASIDE = 256;

  /**
   * An element inside an {@code <aside>}: read only for a button that contacts the seller, a sold
   * badge, and whether the aside is a buy box instead (a buy control or a stock statement). It takes
   * no position, so the distances between the spots of the page's main part stay what they were.
   *
   * @return whether the walk wants the element's subtree
   */
  private boolean besideTheProduct(Element element, int d, int attributes, int names, int inherited) {
    String tag = element.normalName();
    if ((attributes & AttributeHints.OTHER_PRODUCTS) != 0 || tag.equals("header") || isNavigation(element, tag, names)) {
      return false;
    }
    hintsAt[d] = attributes;
    flags[d] = inherited | (isDialog(element, tag, attributes, names) ? IN_DIALOG : 0);
    if ((flags[d] & IN_DIALOG) != 0) {
      return true;
    }
    Control control = control(element, attributes, inherited, true);
    if (control == Control.BUY) {
      besideSpeaksOfStock = true;
    } else if (control == Control.CONTACT && contacts.size() < MAX_SPOTS) {
      contacts.add(new ContactSpot(position, true));
    }
    if (hasOwnText(element)) {
      String text = shortText.cleaned(element);
      if (text != null && !text.isEmpty() && text.length() <= MAX_SHORT_TEXT) {
        String lower = text.toLowerCase(Locale.ROOT);
        besideSpeaksOfStock |= stockWords.phrase(text, lower) != null;
        soldMark(element, text, lower);
      }
    }
    return true;
  }

  /** A badge whose whole text says sold; a table's or form's label ("Sold" above a count) is not one. */
  private void soldMark(Element element, String text, String lower) {
    if (!soldMark && text.length() <= MAX_SOLD_MARK && cues.maySoldMark().mayMatch(lower)
        && !element.nameIs("th") && !element.nameIs("dt") && !element.nameIs("label")
        && cues.soldMarkText().matcher(text).matches()) {
      soldMark = true;
    }
  }
  private int contextOf(Element element, int attributes, Control control, int names) {
    int flags = 0;
    String tag = element.normalName();
    if (tag.equals("header") && !holdsTheTitledHeading(element) || isNavigation(element, tag, names)
        || (attributes & AttributeHints.OTHER_PRODUCTS) != 0) {
      flags |= OTHER;
    }
    if (tag.equals("aside")) {
      flags |= ASIDE;
    }
    if (tag.equals("del") || tag.equals("s") || tag.equals("strike") || (attributes & AttributeHints.STRUCK) != 0
        || (names & AttributeNames.STYLE) != 0 && element.attr("style").toLowerCase(Locale.ROOT).contains("line-through")) {
      flags |= STRUCK;
    }
    if (tag.equals("li") || (attributes & AttributeHints.LISTED) != 0) {
      flags |= LISTED;
    }
    if (tag.equals("a") || tag.equals("button") || tag.equals("label") || tag.equals("select") || tag.equals("option")) {
      flags |= IN_CONTROL;
    }
    // A price on a button that does not buy is an option's (a size, a format), not the product's,
    // and counts like one in a link.
    if (tag.equals("a") && (names & AttributeNames.HREF) != 0 || control == Control.OTHER_BUTTON
        || control == Control.CONTACT) {
      flags |= LINK;
    }
    if ((attributes & AttributeHints.OLD_PRICE) != 0) {
      flags |= OLD;
    }
    if (isDialog(element, tag, attributes, names)) {
      flags |= IN_DIALOG;
    }
    return flags;
  }

  /** The site's navigation or footer, by tag or role: never about the page's product. */
  private static boolean isNavigation(Element element, String tag, int names) {
    return tag.equals("footer") || tag.equals("nav")
        || (names & AttributeNames.ROLE) != 0 && element.attr("role").equalsIgnoreCase("navigation");
  }

  /**
   * @param attributes what its class and id say ({@link AttributeHints}); jsoup is asked for the
   *     class "modal" only when the class text holds the word
   * @param names the attributes it has ({@link AttributeNames}); absent ones are not asked for
   */
  private static boolean isDialog(Element element, String tag, int attributes, int names) {
    String role = (names & AttributeNames.ROLE) == 0 ? "" : element.attr("role");
    return tag.equals("dialog") && !element.hasAttr("open") || role.equalsIgnoreCase("dialog")
        || role.equalsIgnoreCase("alertdialog")
        || (names & AttributeNames.ARIA_MODAL) != 0 && element.attr("aria-modal").equalsIgnoreCase("true")
        || (attributes & AttributeHints.MAY_BE_MODAL) != 0 && element.hasClass("modal");
  }

  /**
   * @param attributes what the element's class and id say ({@link AttributeHints})
   * @param parentAttributes the same for its parent
   * @param names the attributes it has ({@link AttributeNames})
   */
  private void visit(Element element, int flags, int attributes, int parentAttributes, Control control, int names) {
    schemaTerm(element, names);
    if (element.nameIs("h1") && headings.size() < MAX_HEADINGS) {
      String text = TextCleaner.clean(headingText(element));
      if (text != null && !text.isEmpty() && text.length() <= MAX_NAME) {
        headings.add(new Heading(position, text));
      }
    }
    idAttributes(element, names);
    if (control == Control.BUY && carts.size() < MAX_SPOTS) {
      carts.add(new CartSpot(position, stockWords.cannotBuy(element), stockWords.offersPreOrder(element)));
    }
    if (control == Control.CONTACT && (flags & IN_DIALOG) == 0 && contacts.size() < MAX_SPOTS) {
      contacts.add(new ContactSpot(position, false));
    }
    if (element.nameIs("input") && (flags & LISTED) == 0) {
      quantity(element, attributes);
    }
    if ((names & AttributeNames.ITEMPROP) != 0 && element.attr("itemprop").equalsIgnoreCase("price")) {
      maybePrice(element, flags, attributes);
      return;
    }
    if (!hasOwnText(element)) {
      // A price split over spans, <span class="price"><span>$</span><span>12</span></span>, is read
      // from its wrapper; only wrappers that say "price" are read, to keep the walk linear.
      if ((attributes & AttributeHints.PRICE) != 0 && element.childrenSize() > 0 && element.childrenSize() <= 6
          && FirstElement.named(element, STRUCK_TAGS) == null) { // a box of old and new price is not one price
        maybePrice(element, flags, attributes);
      }
      return;
    }
    String text = shortText.cleaned(element);
    if (text == null || text.isEmpty() || text.length() > MAX_SHORT_TEXT) {
      return;
    }
    maybePrice(element, flags, attributes);
    namedCode(element, text);
    String lower = text.toLowerCase(Locale.ROOT);
    label(element, text, lower);
    if ((flags & IN_DIALOG) == 0) {
      stockText(text, lower, (attributes | parentAttributes) & AttributeHints.STOCK);
      soldMark(element, text, lower);
    }
  }

  /** Whether a text node of the element's own holds more than white space. */
  private static boolean hasOwnText(Element element) {
    for (int i = 0; i < element.childNodeSize(); i++) {
      if (element.childNode(i) instanceof TextNode text && !text.isBlank()) {
        return true;
      }
    }
    return false;
  }

  private void urlIdShown(String text) {
    for (int i = 0; i < urlIds.size(); i++) {
      String token = urlIds.get(i);
      int at = text.indexOf(token);
      if (at >= 0 && !Character.isLetterOrDigit(charAt(text, at - 1))
          && !Character.isLetterOrDigit(charAt(text, at + token.length()))) {
        ids.add(new IdSpot(position, IdKind.SKU, token, "url-and-text"));
        urlIds.remove(i);
        return;
      }
    }
  }

  /** What {@code \\d} finds: an ASCII digit (Java's {@code \\d} is ASCII unless asked otherwise). */
  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  private static char charAt(CharSequence text, int index) {
    return index < 0 || index >= text.length() ? ' ' : text.charAt(index);
  }

  /** Whether {@code key} is a data attribute that holds the product's SKU ({@code data-product-sku}). */
  static boolean isIdAttribute(String key) {
    // Most data attributes do not end in "sku" and fail before the pattern.
    return key.length() > 5 && key.regionMatches(true, 0, "data-", 0, 5) && key.regionMatches(true, key.length() - 3, "sku", 0, 3)
        && ID_ATTRIBUTE.matcher(key).matches();
  }

  private void maybePrice(Element element, int flags, int attributes) {
    if (prices.size() >= MAX_SPOTS || element.nameIs("option") || element.nameIs("select")) {
      return;
    }
    boolean itemprop = element.attr("itemprop").equalsIgnoreCase("price");
    String text = itemprop && element.hasAttr("content") ? element.attr("content")
        : shortText.cleaned(element);
    if (text != null && text.indexOf('%') >= 0) {
      // "$229.990 <span>-18%</span>": the badge is a child, the amount is the element's own text.
      String own = TextCleaner.clean(element.ownText());
      if (own != null && own.indexOf('%') < 0 && hasDigit(own)) {
        text = own;
      }
    }
    if (text == null || text.length() > MAX_SHORT_TEXT / 2 || !hasDigit(text)) {
      return;
    }
    boolean priceAttribute = itemprop || (attributes & AttributeHints.PRICE) != 0;
    boolean old = (flags & OLD) != 0 || (attributes & AttributeHints.OLD_PRICE) != 0;
    prices.add(new PriceSpot(position, text, priceAttribute, old, (flags & STRUCK) != 0, (flags & LINK) != 0,
        itemprop, precedingText(element), (flags & LISTED) != 0));
  }

  /** @param lower {@code text} in lower case */
  private void label(Element element, String text, String lower) {
    if (!cues.mayLabel().mayStart(lower)) {
      return;
    }
    if (ids.size() < MAX_SPOTS) {
      labelOf(element, text, cues.gtinLabel(), IdKind.GTIN);
      labelOf(element, text, cues.skuLabel(), IdKind.SKU);
      labelOf(element, text, cues.mpnLabel(), IdKind.MPN);
    }
    if (brands.size() < MAX_SPOTS) {
      brandOf(element, text, cues.brandLabel(), false);
      brandOf(element, text, cues.makerLabel(), true);
    }
  }

  private void brandOf(Element element, String text, Pattern label, boolean maker) {
    Matcher m = label.matcher(text);
    if (!m.matches()) {
      return;
    }
    String value = m.group(1) == null || m.group(1).isBlank() ? followingText(element) : m.group(1).strip();
    if (value != null && !value.isEmpty()) {
      brands.add(new BrandSpot(position, value, maker));
    }
  }

  private void labelOf(Element element, String text, Pattern label, IdKind kind) {
    Matcher m = label.matcher(text);
    if (!m.matches()) {
      return;
    }
    String value = m.group(1).strip();
    Matcher rest = LABEL_REST.matcher(value);
    if (rest.matches()) {
      // The known label word was only the start of the label ("Cod" of "Cod produs: 123"): the label
      // runs up to its colon, unless those words make it a label of another kind ("Kod EAN: 590...").
      if (kind != IdKind.GTIN && cues.gtinLabel().matcher(text).matches()
          || kind == IdKind.SKU && cues.mpnLabel().matcher(text).matches()) {
        return;
      }
      value = rest.group(1).strip();
    }
    if (value.isEmpty()) {
      value = followingText(element);
    }
    if (value != null && !value.isEmpty()) {
      ids.add(new IdSpot(position, kind, value, "label"));
    }
  }

  /**
   * An element whose whole text is one identifier and whose class, id or data attribute says it is
   * the product's code ({@code <span data-qa-qualifier="product-reference">1002/710</span>}) is as
   * good as a label: found "named".
   */
  private void namedCode(Element element, String text) {
    // A space is never part of a token: most texts are words, and fail here without a regex.
    if (ids.size() >= MAX_SPOTS || text.indexOf(' ') >= 0 || !hasDigit(text) || !ONE_TOKEN.matcher(text).matches()) {
      return;
    }
    StringBuilder names = new StringBuilder(PageCues.attributeText(element.className() + " " + element.id()));
    for (org.jsoup.nodes.Attribute attribute : element.attributes()) {
      if (attribute.getKey().startsWith("data-")) {
        names.append(' ').append(attribute.getKey().substring(5)).append(' ').append(PageCues.attributeText(attribute.getValue()));
      }
    }
    Matcher m = CODE_NAME.matcher(names.toString().toLowerCase(Locale.ROOT));
    if (m.find()) {
      ids.add(new IdSpot(position, m.group().startsWith("model") ? IdKind.MPN : IdKind.SKU, text, "named"));
    }
  }

  private void idAttributes(Element element, int names) {
    if (ids.size() >= MAX_SPOTS) {
      return;
    }
    String itemprop = (names & AttributeNames.ITEMPROP) == 0 ? "" : element.attr("itemprop").toLowerCase(Locale.ROOT);
    @Nullable IdKind kind = switch (itemprop) {
      case "sku", "productid" -> IdKind.SKU;
      case "mpn" -> IdKind.MPN;
      case "gtin", "gtin8", "gtin12", "gtin13", "gtin14", "ean", "isbn" -> IdKind.GTIN;
      default -> null;
    };
    if (kind != null) {
      // Only now: the text of an itemprop="offers" or "description" element is its whole subtree's.
      String value = element.hasAttr("content") ? element.attr("content") : element.text();
      ids.add(new IdSpot(position, kind, value, "itemprop"));
    }
    if ((names & AttributeNames.SKU_DATA) == 0) {
      return; // most elements have no such attribute: no second pass over their attributes
    }
    for (org.jsoup.nodes.Attribute attribute : element.attributes()) {
      String key = attribute.getKey();
      if (isIdAttribute(key) && !attribute.getValue().isBlank()) {
        ids.add(new IdSpot(position, IdKind.SKU, attribute.getValue(), "attribute"));
        return;
      }
    }
  }

  private void hiddenField(Element input) {
    if (ids.size() < MAX_SPOTS && ID_FIELD.matcher(input.attr("name")).matches() && !input.attr("value").isBlank()) {
      ids.add(new IdSpot(position, IdKind.SKU, input.attr("value"), "form-field"));
    }
  }

  /**
   * Buttons, links and submit inputs are controls; a control buys when its class, id or name says
   * cart or its label is a buy phrase. A button whose whole label offers to contact the seller
   * stands for buying on a classified ad; {@code beside} (in an aside) admits a bare "Contact". Shops also bind scripts to a bare {@code <div>} or
   * {@code <span>}: one whose whole text is a buy phrase, outside any other control, buys too.
   */
  private Control control(Element element, int attributes, int inherited, boolean beside) {
    String tag = element.normalName();
    boolean control = tag.equals("button") || tag.equals("a")
        || tag.equals("input") && (element.attr("type").equalsIgnoreCase("submit")
            || element.attr("type").equalsIgnoreCase("button"));
    if (!control) {
      return (tag.equals("div") || tag.equals("span")) && (inherited & IN_CONTROL) == 0 && element.firstElementChild() == null
          && isWholeBuyPhrase(element) ? Control.BUY : Control.NONE;
    }
    if ((attributes & AttributeHints.CART) != 0
        || element.hasAttr("name") && (cues.attributes().flags(PageCues.attributeText(element.attr("name"))) & AttributeHints.CART) != 0) {
      return Control.BUY;
    }
    String label = tag.equals("input") ? element.attr("value") : shortText.of(element);
    if (label.length() > MAX_SHORT_TEXT) {
      return tag.equals("button") ? Control.OTHER_BUTTON : Control.NONE;
    }
    String lower = label.toLowerCase(Locale.ROOT);
    if (cues.mayBuy().mayMatch(lower) && cues.addToCartText().matcher(label).find()) {
      return Control.BUY;
    }
    // Only a button: "Contact" is also the shop's own link in every page's header and footer. A
    // bare "Contact" counts only beside the product, in the seller's box of an ad; in the page's
    // main part it is as often the shop's help or chat.
    if (!tag.equals("a") && cues.mayContact().mayMatch(lower) && (cues.contactSellerText().matcher(label).matches()
        || beside && cues.contactBesideText().matcher(label).matches())) {
      return Control.CONTACT;
    }
    return tag.equals("button") ? Control.OTHER_BUTTON : Control.NONE;
  }

  private boolean isWholeBuyPhrase(Element element) {
    String text = shortText.of(element);
    if (text.isEmpty() || text.length() > MAX_SHORT_TEXT || !cues.mayBuy().mayMatch(text.toLowerCase(Locale.ROOT))) {
      return false;
    }
    Matcher m = cues.addToCartText().matcher(text);
    return m.find() && m.start() == 0 && m.end() == text.length();
  }

  /**
   * A schema.org term or the shop's itemprop="availability", anywhere outside other products.
   *
   * @param names the attributes the element has ({@link AttributeNames})
   */
  private void schemaTerm(Element element, int names) {
    String term = stock.size() < MAX_SPOTS ? stockWords.schemaTerm(element, names) : null;
    if (term != null) {
      stock.add(new StockSpot(position, term, StockKind.SCHEMA_TERM, false));
    }
  }

  /** A quantity field with a cap; one in a listing's card is another product's. */
  private void quantity(Element input, int attributes) {
    if (quantities.size() < MAX_SPOTS) {
      stockWords.quantityCap(input, attributes).ifPresent(max -> quantities.add(new QuantitySpot(position, max)));
    }
  }

  /**
   * @param lower {@code text} in lower case
   * @param stockHint whether the element's or its parent's class or id says stock
   */
  private void stockText(String text, String lower, int stockHint) {
    if (stock.size() >= MAX_SPOTS) {
      return;
    }
    boolean hinted = stockHint != 0;
    if (!hinted && text.length() > MAX_SHORT_TEXT / 2) {
      return; // a stray "available" in a sentence says nothing
    }
    StockWords.Said said = stockWords.phrase(text, lower);
    if (said != null) {
      stock.add(new StockSpot(position, said.term(), said.kind(), hinted));
    }
  }

  /** The text just before the element inside its parent, e.g. "Price:" or "Was". */
  private static @Nullable String precedingText(Element element) {
    Node previous = element.previousSibling();
    for (int i = 0; previous != null && i < 3; i++, previous = previous.previousSibling()) {
      String text = previous instanceof TextNode t ? t.text() : previous instanceof Element e ? e.text() : "";
      if (!text.isBlank()) {
        // A neighbour with a number in it is another amount ("statt 149,95 €"), not this one's label.
        return text.length() > MAX_SHORT_TEXT || hasDigit(text) ? null : text.strip();
      }
    }
    return null;
  }

  /** The value that follows a label: the next sibling's text, or the next cell of a table or list. */
  private static @Nullable String followingText(Element label) {
    Node next = label.nextSibling();
    for (int i = 0; next != null && i < 3; i++, next = next.nextSibling()) {
      String text = next instanceof TextNode t ? t.text() : next instanceof Element e ? e.text() : "";
      if (!text.isBlank()) {
        return text.length() > MAX_SHORT_TEXT ? null : text.strip();
      }
    }
    Element parent = label.parent();
    if (parent != null && parent.childrenSize() == 1 && parent.nextElementSibling() != null
        && (parent.nameIs("th") || parent.nameIs("td") || parent.nameIs("dt") || parent.nameIs("div")
            || parent.nameIs("span"))) {
      String text = parent.nextElementSibling().text();
      return text.length() > MAX_SHORT_TEXT ? null : text.strip();
    }
    return null;
  }

}

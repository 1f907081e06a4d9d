package dev.crawler.core.extract.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jspecify.annotations.Nullable;

/**
 * The machine-readable part of a page, gathered element by element during the one {@link PageScan}:
 * the head's title, canonical link and language hints, the meta tags, the JSON-LD blocks, the inline
 * scripts that may hold application state, the microdata and RDFa scopes with the property elements
 * each owns, and the first element matching each site-rule selector.
 *
 * <p>Ownership of a property is decided as the walk goes: an element's owner is the innermost open
 * scope of its parent, kept per depth, so no scope's subtree is walked again. Every list is capped.
 */
public final class PageMarkup {

  static final int MAX_META_TAGS = MetaTags.MAX_TAGS;
  /** Scripts longer than this are not read as state; a product object sits in far less. */
  public static final int MAX_SCRIPT_CHARS = 2 * 1024 * 1024;
  public static final int MAX_JSON_LD = 100;
  static final int MAX_STATE_SCRIPTS = 64;
  public static final int MAX_SCOPES = 5_000;
  static final int MAX_PROPERTIES_PER_SCOPE = 5_000;
  private static final int MAX_DEPTH = 512;
  private static final int MAX_LANGUAGE_TAG = 40;

  /** An element that starts an item, with the property elements it owns, in document order. */
  public static final class Scope {
    private final Element element;
    private final boolean nested;
    private final List<Element> properties = new ArrayList<>();

    Scope(Element element, boolean nested) {
      this.element = element;
      this.nested = nested;
    }

    public Element element() {
      return element;
    }

    /** True when the scope is itself the value of an enclosing scope's property. */
    public boolean nested() {
      return nested;
    }

    public List<Element> properties() {
      return properties;
    }

    private void add(Element property) {
      if (properties.size() < MAX_PROPERTIES_PER_SCOPE) {
        properties.add(property);
      }
    }
  }

  private final List<Evaluator> wanted;
  private final @Nullable Element[] matches;
  private final Element root;
  private final List<Element> metas = new ArrayList<>();
  private final List<String> jsonLd = new ArrayList<>();
  /** Script elements that may hold state; their text is read only if someone asks ({@link #stateScripts}). */
  private final List<Element> stateScripts = new ArrayList<>();
  private final List<Scope> microdata = new ArrayList<>();
  private final List<Scope> rdfa = new ArrayList<>();
  private final Scope[] microdataAt = new Scope[MAX_DEPTH];
  private final Scope[] rdfaAt = new Scope[MAX_DEPTH];
  private @Nullable MetaTags metaTags;
  private @Nullable String title;
  private @Nullable String canonicalHref;
  private @Nullable String htmlLang;
  private @Nullable String ogLocale;
  private @Nullable String contentLanguage;

  /**
   * @param root the document; site-rule selectors are matched relative to it
   * @param wanted selectors whose first matching element is wanted (a site rule's), possibly none
   */
  PageMarkup(Element root, List<Evaluator> wanted) {
    this.root = root;
    this.wanted = List.copyOf(wanted);
    this.matches = new Element[wanted.size()];
  }

  /**
   * Called once per element, in document order, hidden or not; {@code inHead} for elements under
   * {@code <head>}; {@code names} are its {@link AttributeNames}.
   */
  void element(Element element, int depth, boolean inHead, int names) {
    int d = Math.min(depth, MAX_DEPTH - 1);
    if (d == 1 && htmlLang == null && (names & AttributeNames.LANG) != 0) {
      htmlLang = element.attr("lang");
    }
    switch (element.normalName()) {
      case "meta" -> meta(element, inHead);
      case "script" -> script(element);
      case "title" -> {
        if (inHead && title == null) {
          title = element.text();
        }
      }
      case "link" -> {
        if (inHead && canonicalHref == null && element.hasAttr("href") && element.attr("rel").strip().equalsIgnoreCase("canonical")) {
          canonicalHref = element.attr("href");
        }
      }
      default -> { }
    }
    scopes(element, d, names);
    for (int i = 0; i < matches.length; i++) {
      if (matches[i] == null && wanted.get(i).matches(root, element)) {
        matches[i] = element;
      }
    }
  }

  private void scopes(Element element, int d, int names) {
    Scope microOwner = d == 0 ? null : microdataAt[d - 1];
    Scope rdfaOwner = d == 0 ? null : rdfaAt[d - 1];
    boolean property = (names & AttributeNames.PROPERTY) != 0;
    if (microOwner != null && (names & AttributeNames.ITEMPROP) != 0) {
      microOwner.add(element);
    }
    if (rdfaOwner != null && property) {
      rdfaOwner.add(element);
    }
    microdataAt[d] = microOwner;
    rdfaAt[d] = rdfaOwner;
    if ((names & AttributeNames.ITEMSCOPE) != 0 && microdata.size() < MAX_SCOPES) {
      Scope scope = new Scope(element, false);
      microdata.add(scope);
      microdataAt[d] = scope;
    }
    if ((names & AttributeNames.TYPEOF) != 0 && rdfa.size() < MAX_SCOPES) {
      Scope scope = new Scope(element, rdfaOwner != null && property);
      rdfa.add(scope);
      rdfaAt[d] = scope;
    }
  }

  private void meta(Element meta, boolean inHead) {
    if (metas.size() < MAX_META_TAGS) {
      metas.add(meta);
    }
    if (!inHead || !meta.hasAttr("content")) {
      return;
    }
    if (ogLocale == null && meta.attr("property").equalsIgnoreCase("og:locale")) {
      ogLocale = meta.attr("content");
    } else if (contentLanguage == null && meta.attr("http-equiv").equalsIgnoreCase("content-language")) {
      contentLanguage = meta.attr("content");
    }
  }

  private void script(Element script) {
    String type = script.attr("type").toLowerCase(Locale.ROOT);
    if (type.contains("ld+json")) {
      if (isJsonLd(type) && jsonLd.size() < MAX_JSON_LD) {
        jsonLd.add(script.data());
      }
      return;
    }
    if (stateScripts.size() < MAX_STATE_SCRIPTS && (type.isEmpty() || type.contains("json") || type.contains("javascript"))) {
      stateScripts.add(script); // templates are not state
    }
  }

  /** {@code application/ld+json}, with or without parameters such as charset. */
  private static boolean isJsonLd(String type) {
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().equals("application/ld+json");
  }

  private static void addTag(List<String> tags, @Nullable String tag) {
    if (tag != null && !tag.isBlank() && tag.length() < MAX_LANGUAGE_TAG) {
      tags.add(tag.strip());
    }
  }

  /** The first {@code <title>} in the head, as {@link org.jsoup.nodes.Document#title()} reads it. */
  public String title() {
    return title == null ? "" : title.strip();
  }

  @Nullable String canonicalHref() {
    return canonicalHref;
  }

  /** Language tags in order of trust: {@code <html lang>}, og:locale, Content-Language. */
  List<String> languageTags() {
    List<String> tags = new ArrayList<>();
    addTag(tags, htmlLang);
    addTag(tags, ogLocale);
    addTag(tags, contentLanguage);
    return tags;
  }

  public MetaTags metaTags() {
    if (metaTags == null) {
      metaTags = MetaTags.of(metas);
    }
    return metaTags;
  }

  /** The text of each JSON-LD block, in document order. */
  public List<String> jsonLd() {
    return jsonLd;
  }

  /** Inline scripts that may hold application state (not JSON-LD, not templates). */
  public List<String> stateScripts() {
    List<String> texts = new ArrayList<>();
    for (Element script : stateScripts) {
      if (script.childNodeSize() == 1 && script.childNode(0) instanceof DataNode only) {
        // The usual script, one data node: its text as it is, not a copy of up to 2 MiB.
        String data = only.getWholeData();
        if (!data.isEmpty() && data.length() <= MAX_SCRIPT_CHARS) {
          texts.add(data);
        }
        continue;
      }
      StringBuilder data = new StringBuilder();
      for (Node child : script.childNodes()) {
        if (child instanceof DataNode dataNode) {
          data.append(dataNode.getWholeData());
        }
      }
      if (data.length() > 0 && data.length() <= MAX_SCRIPT_CHARS) {
        texts.add(data.toString());
      }
    }
    return texts;
  }

  /** Microdata {@code itemscope} elements in document order, each with its own {@code itemprop} elements. */
  public List<Scope> microdata() {
    return microdata;
  }

  /** RDFa {@code typeof} elements in document order, each with its own {@code property} elements. */
  public List<Scope> rdfa() {
    return rdfa;
  }

  /** The first element matching the {@code i}th wanted selector, or null. */
  public @Nullable Element match(int i) {
    return matches[i];
  }
}

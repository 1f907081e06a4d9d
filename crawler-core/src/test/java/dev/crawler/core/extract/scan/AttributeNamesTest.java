package dev.crawler.core.extract.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class AttributeNamesTest {

  private static final Map<String, Integer> FLAGS = Map.ofEntries(
      Map.entry("class", AttributeNames.CLASS), Map.entry("id", AttributeNames.ID), Map.entry("style", AttributeNames.STYLE),
      Map.entry("hidden", AttributeNames.HIDDEN), Map.entry("itemprop", AttributeNames.ITEMPROP),
      Map.entry("itemscope", AttributeNames.ITEMSCOPE), Map.entry("property", AttributeNames.PROPERTY),
      Map.entry("typeof", AttributeNames.TYPEOF), Map.entry("href", AttributeNames.HREF),
      Map.entry("content", AttributeNames.CONTENT), Map.entry("role", AttributeNames.ROLE), Map.entry("lang", AttributeNames.LANG),
      Map.entry("aria-modal", AttributeNames.ARIA_MODAL));

  /** The flags stand for jsoup's own answers, which compare names ignoring case, on any DOM. */
  @Test
  void flagsAgreeWithJsoupsOwnLookups() {
    // Elements with one attribute take a shortcut; so do some here.
    List<Element> elements = new ArrayList<>(Jsoup.parse("<b class=c></b><b HREF=/x></b><b id=i></b><b style=s></b><b d=1></b>"
        + "<b data-sku=1></b><b data-color=red data-Product-SKU=7></b><b ItemProp=sku></b><div CLASS=a Id=b data-sku=1 itemscope>"
        + "<span itemprop=price content=1 style='x' hidden>1</span><a HREF=/ ROLE=link lang=en>x</a>"
        + "<p typeof=Product property=offers data-=x data>y</p><i></i><dialog ARIA-MODAL=true role=dialog></dialog></div>").body().getAllElements());
    // Built by hand, names keep their case; some letters beyond ASCII equal ASCII ones ignoring case.
    Element built = new Element("div");
    built.attributes().put("ItemProp", "sku").put("\u212Aelvin", "x").put("hıdden", "").put("DATA-Variant-SKU", "9")
        .put("cont\u0130nt", "c").put("stylé", "s");
    elements.add(built);
    Element single = new Element("b");
    single.attributes().put("CLASS", "x");
    elements.add(single);
    assertThat(built.hasAttr("hidden")).as("the case this test is for").isTrue();
    for (Element element : elements) {
      int names = AttributeNames.of(element);
      FLAGS.forEach((name, flag) ->
          assertThat((names & flag) != 0).as("%s on %s", name, element.tagName()).isEqualTo(element.hasAttr(name)));
      boolean data = false;
      for (Attribute attribute : element.attributes()) {
        data |= attribute.getKey().length() > 5 && attribute.getKey().regionMatches(true, 0, "data-", 0, 5);
      }
      assertThat((names & AttributeNames.DATA) != 0).as("data- on %s", element.tagName()).isEqualTo(data);
      boolean skuData = false;
      for (Attribute attribute : element.attributes()) {
        skuData |= PageWalk.isIdAttribute(attribute.getKey());
      }
      assertThat((names & AttributeNames.SKU_DATA) != 0).as("data-sku on %s", element.tagName()).isEqualTo(skuData);
    }
  }
}

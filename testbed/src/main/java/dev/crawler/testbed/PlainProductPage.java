package dev.crawler.testbed;

import dev.crawler.testbed.ShopModel.ProductModel;
import dev.crawler.testbed.ShopModel.RelatedLink;

/**
 * The product page of a plain shop: no JSON-LD, microdata, RDFa or price meta tags, only what a
 * shopper sees, in the shop's {@link PlainLayout} and language. Every link of the structured-data page
 * is here too (breadcrumb, related products with their tracking queries, wishlist, the gone link),
 * except the cart link on layouts that post a form instead ({@link ShopModel#linksCart}).
 */
final class PlainProductPage {

  private final PlainPageKit kit;
  private final PlainProductLayout layout;

  PlainProductPage(ShopModel shop, String origin) {
    this.kit = new PlainPageKit(shop, origin);
    this.layout = PlainProductLayout.of(shop.plain().orElseThrow().layout());
  }

  PageText.Parts render(ProductModel product) {
    String head = PageText.head(kit.shop, layout.title(kit, product), kit.canonical(product),
        Html.escape(product.description()), layout.headExtras(kit, product));
    StringBuilder body = new StringBuilder(6_000);
    layout.breadcrumb(body, kit, product);
    layout.product(body, kit, product);
    layout.closeProduct(body, kit, product);
    layout.carouselStart(body, kit);
    for (RelatedLink link : product.related()) {
      ProductModel other = kit.shop.products().get(link.productIndex());
      String href = kit.href(link.form(), product, ShopModel.productPath(other) + link.trackingQuery());
      layout.carouselItem(body, kit, other, href);
    }
    layout.carouselEnd(body);
    return new PageText.Parts(head, body.toString());
  }
}

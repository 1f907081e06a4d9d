package dev.crawler.testbed;

import dev.crawler.testbed.ShopModel.CategoryModel;
import dev.crawler.testbed.ShopModel.ProductModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Derives {@link GroundTruth} from the shop models of one epoch (their live products only), the same data {@link PageText} renders from, so
 * the two cannot drift apart.
 */
final class GroundTruthBuilder {

  private GroundTruthBuilder() {}

  static GroundTruth build(List<ShopModel> shops, int port, int perPage, List<String> outsideHosts) {
    List<ProductTruth> products = new ArrayList<>();
    Set<String> expected = new HashSet<>();
    Set<String> notFound = new HashSet<>();
    Set<String> disallowed = new HashSet<>();
    for (ShopModel shop : shops) {
      String origin = origin(shop.host(), port);
      expected.add(origin + "/robots.txt");
      expected.add(origin + "/");
      for (CategoryModel category : shop.categories()) {
        for (int page = 1; page <= shop.pageCount(category, perPage); page++) {
          expected.add(origin + ShopModel.categoryPath(category, page));
        }
      }
      notFound.add(origin + shop.homeGonePath());
      ShopModel.BOILERPLATE_DISALLOWED.forEach(path -> disallowed.add(origin + path));
      for (ProductModel product : shop.liveProducts()) {
        String url = origin + ShopModel.productPath(product);
        products.add(truth(shop, product, port));
        expected.add(url);
        product.gonePath().ifPresent(path -> notFound.add(origin + path));
        if (shop.linksCart(product)) {
          disallowed.add(origin + ShopModel.cartPath(product));
        }
        if (product.wishlistLink()) {
          disallowed.add(origin + ShopModel.wishlistPath(product));
        }
      }
    }
    expected.addAll(notFound);
    return new GroundTruth(products, expected, notFound, disallowed, Set.copyOf(outsideHosts));
  }

  /** The product as its page shows it. */
  static ProductTruth truth(ShopModel shop, ProductModel product, int port) {
    return new ProductTruth(origin(shop.host(), port) + ShopModel.productPath(product), product.name(),
        product.price(), shop.currency(), product.sku(), product.availability(), shop.isPlain());
  }

  static String origin(String host, int port) {
    return "http://" + host + ":" + port;
  }
}

package dev.crawler.testbed;

import dev.crawler.testbed.ShopModel.CategoryModel;
import dev.crawler.testbed.ShopModel.ProductModel;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything one shop serves at one epoch: its model, the renderer of its pages, lookups by slug, and
 * its pages' validators. Immutable; {@link ShopSite} swaps in the next one when the world advances.
 *
 * @param products every product the shop has ever had, removed ones included, by slug
 */
record ShopEpoch(int epoch, ShopModel shop, PageText text, Map<String, CategoryModel> categories,
    Map<String, ProductModel> products, PageVersions versions) {

  ShopEpoch {
    categories = Map.copyOf(categories);
    products = Map.copyOf(products);
  }

  /** The shop at epoch 0. */
  static ShopEpoch first(ShopModel shop, String origin, int perPage) {
    return of(0, shop, new PageText(shop, origin, perPage), PageVersions.initial());
  }

  /** The same shop at {@code epoch}, with {@code next} its model then; renders every page to date them. */
  ShopEpoch next(ShopModel next, String origin, int perPage, int epoch) {
    PageText nextText = new PageText(next, origin, perPage);
    return of(epoch, next, nextText, PageVersions.next(this, next, nextText, perPage, epoch));
  }

  private static ShopEpoch of(int epoch, ShopModel shop, PageText text, PageVersions versions) {
    return new ShopEpoch(epoch, shop, text,
        shop.categories().stream().collect(Collectors.toMap(CategoryModel::slug, Function.identity())),
        shop.products().stream().collect(Collectors.toMap(ProductModel::slug, Function.identity())), versions);
  }

  Optional<CategoryModel> category(String slug) {
    return Optional.ofNullable(categories.get(slug));
  }

  Optional<ProductModel> product(String slug) {
    return Optional.ofNullable(products.get(slug));
  }
}

package dev.crawler.testbed;

import dev.crawler.testbed.ChangeTruth.Field;
import dev.crawler.testbed.ChangeTruth.GoneProduct;
import dev.crawler.testbed.ChangeTruth.ProductChange;
import dev.crawler.testbed.ShopModel.ProductModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Derives {@link ChangeTruth} by comparing the shop models of two epochs product by product. Products
 * keep their index for life, so the index pairs them up.
 */
final class ChangeTruthBuilder {

  private static final List<Field> FIELDS = List.of(Field.PRICE, Field.AVAILABILITY, Field.NAME);

  private ChangeTruthBuilder() {}

  /** @param from every shop at {@code fromEpoch}; @param to the same shops at {@code toEpoch} */
  static ChangeTruth build(int fromEpoch, List<ShopModel> from, int toEpoch, List<ShopModel> to, int port) {
    List<ProductChange> changes = new ArrayList<>();
    List<GoneProduct> gone = new ArrayList<>();
    List<ProductTruth> added = new ArrayList<>();
    for (int s = 0; s < to.size(); s++) {
      ShopModel before = from.get(s);
      ShopModel after = to.get(s);
      for (ProductModel now : after.products()) {
        boolean existed = now.index() < before.products().size();
        boolean liveBefore = existed && !before.isRemoved(now);
        boolean liveAfter = !after.isRemoved(now);
        String url = GroundTruthBuilder.origin(after.host(), port) + ShopModel.productPath(now);
        if (liveBefore && liveAfter) {
          ProductModel then = before.products().get(now.index());
          for (Field field : FIELDS) {
            String old = value(field).apply(then);
            String current = value(field).apply(now);
            if (!old.equals(current)) {
              changes.add(new ProductChange(url, field, old, current));
            }
          }
        } else if (liveBefore) {
          gone.add(new GoneProduct(url, now.sku(), ShopModel.removedStatus(now)));
        } else if (liveAfter && !existed) {
          added.add(GroundTruthBuilder.truth(after, now, port));
        }
      }
    }
    return new ChangeTruth(fromEpoch, toEpoch, changes, gone, added);
  }

  private static Function<ProductModel, String> value(Field field) {
    return switch (field) {
      case PRICE -> p -> p.price().toPlainString();
      case AVAILABILITY -> ProductModel::availability;
      case NAME -> ProductModel::name;
    };
  }
}

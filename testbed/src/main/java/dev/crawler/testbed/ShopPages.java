package dev.crawler.testbed;

import dev.crawler.testbed.ShopModel.CategoryModel;
import dev.crawler.testbed.ShopModel.ProductModel;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import java.util.List;

/**
 * Assembles a shop's pages from shared chunks without copying them. {@link #home}, {@link #category}
 * and {@link #product} render the model it was made with; {@link ShopSite} renders each epoch's model
 * with that epoch's {@link PageText} and hands the parts to {@link #assemble}.
 *
 * <p>The boilerplate (styles, header, navigation, footer, scripts and the padding filler) is rendered
 * once into {@link SharedChunk}s. A page is a {@link CompositeByteBuf} of retained duplicates of those
 * chunks plus one small pooled buffer holding the page-specific head and body, so serving a 30-80 KB
 * product page costs a few kilobytes of rendering and no large copies. The padding slice is sized so
 * that each product page is exactly {@link ProductModel#pageBytes()} long.
 *
 * <p>Thread-safe: the chunks are read-only and each call builds its own composite.
 */
final class ShopPages implements AutoCloseable {

  private final ShopModel shop;
  private final PageText text;
  private final SharedChunk headToMain;
  private final SharedChunk footer;
  private final SharedChunk padding;
  private final SharedChunk tail;
  private final int fixedBytes;

  ShopPages(ShopModel shop, String origin, List<String> outsideOrigins, int perPage, int maxPageBytes) {
    this.shop = shop;
    this.text = new PageText(shop, origin, perPage);
    Boilerplate boilerplate = new Boilerplate(shop, origin, outsideOrigins, maxPageBytes);
    this.headToMain = new SharedChunk(boilerplate.headToMain);
    this.footer = new SharedChunk(boilerplate.footer);
    this.padding = new SharedChunk(boilerplate.padding);
    this.tail = new SharedChunk(boilerplate.tail);
    this.fixedBytes = boilerplate.fixedBytes();
  }

  ByteBuf home(ByteBufAllocator alloc) {
    return assemble(alloc, text.home(), -1);
  }

  ByteBuf category(ByteBufAllocator alloc, CategoryModel category, int page) {
    return assemble(alloc, text.category(category, page), -1);
  }

  /** The product page, exactly {@code product.pageBytes()} long. */
  ByteBuf product(ByteBufAllocator alloc, ProductModel product) {
    return assemble(alloc, text.product(product), product.pageBytes());
  }

  /** How long {@link #assemble} would make the page, without assembling it. */
  int length(PageText.Parts parts, int totalBytes) {
    return totalBytes >= 0 ? totalBytes
        : fixedBytes + ByteBufUtil.utf8Bytes(parts.head()) + ByteBufUtil.utf8Bytes(parts.body());
  }

  /**
   * {@code head, headToMain, body, footer, padding, tail}: the page of these parts, which may come from
   * another epoch's {@link PageText} of the same shop (the boilerplate does not change between epochs).
   *
   * @param totalBytes the exact page size to pad to, or -1 for no padding
   */
  ByteBuf assemble(ByteBufAllocator alloc, PageText.Parts parts, int totalBytes) {
    ByteBuf specific = alloc.directBuffer(parts.head().length() + parts.body().length() + 256);
    try {
      int headBytes = ByteBufUtil.writeUtf8(specific, parts.head());
      int bodyBytes = ByteBufUtil.writeUtf8(specific, parts.body());
      int paddingBytes = totalBytes < 0 ? 0 : totalBytes - fixedBytes - headBytes - bodyBytes;
      if (paddingBytes < 0 || paddingBytes > padding.length()) {
        throw new IllegalStateException("page of shop " + shop.host() + " cannot be padded to " + totalBytes
            + " bytes: fixed " + fixedBytes + ", specific " + (headBytes + bodyBytes));
      }
      CompositeByteBuf page = alloc.compositeDirectBuffer(6);
      page.addComponent(true, specific.retainedSlice(0, headBytes));
      page.addComponent(true, headToMain.duplicate());
      page.addComponent(true, specific.retainedSlice(headBytes, bodyBytes));
      page.addComponent(true, footer.duplicate());
      if (paddingBytes > 0) {
        page.addComponent(true, padding.prefix(paddingBytes));
      }
      page.addComponent(true, tail.duplicate());
      return page;
    } finally {
      specific.release();
    }
  }

  /** Drops the shop's references to the shared chunks; responses still in flight keep theirs. */
  @Override
  public void close() {
    headToMain.release();
    footer.release();
    padding.release();
    tail.release();
  }
}

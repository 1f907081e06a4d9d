package dev.crawler.testbed;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Bytes rendered once and sent many times: a direct buffer that every response takes a retained,
 * read-only duplicate (or slice) of. The response releases its duplicate when written; {@link #release()}
 * drops the owner's reference, so the memory is freed once the last response in flight is done.
 */
final class SharedChunk {

  private final ByteBuf owner;
  private final ByteBuf view;

  SharedChunk(byte[] bytes) {
    this.owner = Unpooled.directBuffer(bytes.length, bytes.length).writeBytes(bytes);
    this.view = owner.asReadOnly();
  }

  int length() {
    return view.readableBytes();
  }

  /** A read-only duplicate holding its own reference; the caller must release it (or hand it on). */
  ByteBuf duplicate() {
    return view.retainedDuplicate();
  }

  /** The first {@code length} bytes, as a retained read-only slice. */
  ByteBuf prefix(int length) {
    return view.retainedSlice(0, length);
  }

  /** {@code length} bytes from {@code index}, as a retained read-only slice. */
  ByteBuf slice(int index, int length) {
    return view.retainedSlice(index, length);
  }

  void release() {
    owner.release();
  }
}

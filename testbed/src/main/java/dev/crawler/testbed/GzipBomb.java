package dev.crawler.testbed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Builds a gzip member that inflates to a short HTML prefix followed by spaces, {@code size} bytes in
 * all, without compressing all of them.
 *
 * <p>Deflate is fed the prefix plus one MiB of spaces, then single MiBs of spaces, each ended with a
 * sync flush (which byte-aligns the output and starts a new block). Once the 32 KiB window holds only
 * spaces, the compressed form of another MiB of spaces no longer depends on what came before, so two
 * successive MiB blocks come out byte-identical and the rest of the stream is that block repeated. This
 * takes milliseconds instead of the seconds that compressing a GiB would. If the zlib in use ever does
 * not settle like that, it falls back to compressing everything.
 */
final class GzipBomb {

  private static final int MIB = 1024 * 1024;
  static final byte[] PREFIX =
      "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Archive</title></head><body>\n"
          .getBytes(StandardCharsets.US_ASCII);

  private GzipBomb() {}

  static byte[] build(long size) {
    if (size < PREFIX.length + 3L * MIB) {
      return compressFully(size);
    }
    byte[] spaces = spaces(MIB);
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      byte[] first = deflate(deflater, concat(PREFIX, spaces), Deflater.SYNC_FLUSH);
      byte[] steady = deflate(deflater, spaces, Deflater.SYNC_FLUSH);
      byte[] again = deflate(deflater, spaces, Deflater.SYNC_FLUSH);
      if (!Arrays.equals(steady, again)) {
        return compressFully(size);
      }
      long blocks = (size - PREFIX.length) / MIB;
      int remainder = (int) ((size - PREFIX.length) % MIB);
      byte[] rest = deflate(deflater, spaces(remainder), Deflater.SYNC_FLUSH);
      byte[] end = finish(deflater);
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) (blocks * steady.length + 4096));
      out.writeBytes(header());
      out.writeBytes(first);
      for (long i = 1; i < blocks; i++) {
        out.writeBytes(steady);
      }
      out.writeBytes(rest);
      out.writeBytes(end);
      out.writeBytes(trailer(size));
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** The plain way, for small sizes and as the fallback. */
  private static byte[] compressFully(long size) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(header());
      out.writeBytes(deflate(deflater, PREFIX, Deflater.NO_FLUSH));
      byte[] spaces = spaces(MIB);
      for (long left = size - PREFIX.length; left > 0; left -= MIB) {
        byte[] piece = left >= MIB ? spaces : Arrays.copyOf(spaces, (int) left);
        out.writeBytes(deflate(deflater, piece, Deflater.NO_FLUSH));
      }
      out.writeBytes(finish(deflater));
      out.writeBytes(trailer(size));
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** Compresses all of {@code input}; with SYNC_FLUSH, also flushes everything pending. */
  private static byte[] deflate(Deflater deflater, byte[] input, int flush) {
    deflater.setInput(input);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, flush);
      out.write(buffer, 0, n);
    } while (n == buffer.length || !deflater.needsInput());
    return out.toByteArray();
  }

  /** Ends the stream: whatever is pending plus the final block. */
  private static byte[] finish(Deflater deflater) {
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    return out.toByteArray();
  }

  private static byte[] header() {
    // Magic, deflate, no flags, no mtime, no extra flags, OS "unknown".
    return new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
  }

  private static byte[] trailer(long size) {
    CRC32 crc = new CRC32();
    crc.update(PREFIX);
    byte[] spaces = spaces(MIB);
    for (long left = size - PREFIX.length; left > 0; left -= MIB) {
      crc.update(spaces, 0, (int) Math.min(MIB, left));
    }
    return littleEndian(crc.getValue(), size & 0xFFFF_FFFFL);
  }

  private static byte[] littleEndian(long first, long second) {
    byte[] bytes = new byte[8];
    for (int i = 0; i < 4; i++) {
      bytes[i] = (byte) (first >>> (8 * i));
      bytes[4 + i] = (byte) (second >>> (8 * i));
    }
    return bytes;
  }

  private static byte[] spaces(int count) {
    byte[] bytes = new byte[count];
    Arrays.fill(bytes, (byte) ' ');
    return bytes;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}

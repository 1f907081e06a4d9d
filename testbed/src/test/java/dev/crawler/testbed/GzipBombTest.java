package dev.crawler.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GzipBombTest {

  @ParameterizedTest
  @ValueSource(longs = {1 << 20, (3 << 20) + 12_345, 8L << 20, 16L << 20})
  void inflatesToExactlyTheRequestedSizeWithAValidTrailer(long size) throws IOException {
    byte[] bomb = GzipBomb.build(size);
    // GZIPInputStream checks the CRC-32 and length in the trailer and throws if either is wrong.
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bomb))) {
      byte[] start = in.readNBytes(GzipBomb.PREFIX.length);
      assertThat(start).isEqualTo(GzipBomb.PREFIX);
      long rest = 0;
      long nonSpaces = 0;
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        for (int i = 0; i < n; i++) {
          nonSpaces += buffer[i] == ' ' ? 0 : 1;
        }
        rest += n;
      }
      assertThat(nonSpaces).isZero();
      assertThat(GzipBomb.PREFIX.length + rest).isEqualTo(size);
    }
    assertThat((long) bomb.length).isLessThan(size / 500);
  }
}

package dev.crawler.testbed;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After every test class, collects garbage and nudges Netty's leak detector (it reports when a new
 * buffer is tracked), then fails if any buffer was reported leaked. Registered for every class through
 * {@code META-INF/services}; surefire runs with {@code -Dio.netty.leakDetection.level=paranoid}.
 */
public final class NoLeaks implements AfterAllCallback {

  private static final int ROUNDS = 3;

  @Override
  public void afterAll(ExtensionContext context) {
    for (int round = 0; round < ROUNDS; round++) {
      System.gc();
      allocateAndRelease();
    }
    List<String> leaks = LeakRecorder.drain();
    if (!leaks.isEmpty()) {
      throw new AssertionError(leaks.size() + " Netty buffer leak(s) reported during "
          + context.getDisplayName() + ":\n" + String.join("\n\n", leaks));
    }
  }

  private static void allocateAndRelease() {
    for (ByteBuf buf : List.of(PooledByteBufAllocator.DEFAULT.directBuffer(16),
        UnpooledByteBufAllocator.DEFAULT.directBuffer(16), PooledByteBufAllocator.DEFAULT.heapBuffer(16),
        PooledByteBufAllocator.DEFAULT.compositeDirectBuffer())) {
      buf.release();
    }
  }
}

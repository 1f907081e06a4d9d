package dev.crawler.testbed;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects Netty's "LEAK:" reports so that {@link NoLeaks} can fail the test class that caused them. */
public final class LeakRecorder extends AppenderBase<ILoggingEvent> {

  private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

  @Override
  protected void append(ILoggingEvent event) {
    if (event.getFormattedMessage().contains("LEAK")) {
      LEAKS.add(event.getFormattedMessage());
    }
  }

  static List<String> drain() {
    List<String> copy = List.copyOf(LEAKS);
    LEAKS.removeAll(copy);
    return copy;
  }
}

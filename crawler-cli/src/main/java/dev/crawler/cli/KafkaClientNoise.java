package dev.crawler.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps the Kafka clients' warnings off the terminal: while a broker is down they warn on every
 * reconnect attempt, hundreds of lines a minute, where the crawler says once that it lost touch
 * (and once that it is back). They still reach crawler.log; their errors still reach the terminal.
 * Configured on the terminal's appender in logback.xml.
 */
public final class KafkaClientNoise extends Filter<ILoggingEvent> {
    private static final String KAFKA = "org.apache.kafka";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return event.getLoggerName().startsWith(KAFKA) && !event.getLevel().isGreaterOrEqual(Level.ERROR) ? FilterReply.DENY
                : FilterReply.NEUTRAL;
    }
}

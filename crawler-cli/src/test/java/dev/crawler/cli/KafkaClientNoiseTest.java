package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

/** The terminal's filter: the Kafka clients' reconnect warnings stay in crawler.log, everything else passes. */
class KafkaClientNoiseTest {
    private final LoggerContext context = new LoggerContext();
    private final KafkaClientNoise filter = new KafkaClientNoise();

    @Test
    void aKafkaClientsWarningStaysOffTheTerminal() {
        assertThat(filter.decide(event("org.apache.kafka.clients.NetworkClient", Level.WARN))).isEqualTo(FilterReply.DENY);
    }

    @Test
    void aKafkaClientsErrorStillReachesIt() {
        assertThat(filter.decide(event("org.apache.kafka.clients.producer.KafkaProducer", Level.ERROR))).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void theCrawlersOwnWarningsStillReachIt() {
        assertThat(filter.decide(event("dev.crawler.cluster.ClusterMember", Level.WARN))).isEqualTo(FilterReply.NEUTRAL);
    }

    private LoggingEvent event(String logger, Level level) {
        Logger source = context.getLogger(logger);
        return new LoggingEvent(Logger.class.getName(), source, level, "a message", null, null);
    }
}

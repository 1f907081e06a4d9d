package dev.crawler.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Sends the log of a crawl to {@code crawler.log} in its directory, at the chosen level; the terminal
 * keeps getting warnings and errors only (logback.xml filters its appender). Closing detaches the
 * file again, so a second crawl in the same JVM (tests) does not write into the first one's log.
 */
final class CrawlLog implements AutoCloseable {
    private final Logger root;
    private final Level previousLevel;
    private final FileAppender<ILoggingEvent> file;

    private CrawlLog(Logger root, FileAppender<ILoggingEvent> file) {
        this.root = root;
        this.previousLevel = root.getLevel();
        this.file = file;
    }

    /** Attaches the log file; with another SLF4J binding than Logback, does nothing. */
    static AutoCloseable attach(Path crawlDirectory, Level level) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return () -> { };
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("crawl-file");
        file.setFile(crawlDirectory.resolve("crawler.log").toString());
        file.setAppend(true);
        file.setEncoder(encoder);
        file.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        CrawlLog log = new CrawlLog(root, file);
        root.setLevel(level);
        root.addAppender(file);
        return log;
    }

    @Override
    public void close() {
        root.detachAppender(file);
        file.stop();
        root.setLevel(previousLevel);
    }
}

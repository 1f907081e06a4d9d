package dev.crawler.cli;

import ch.qos.logback.classic.Level;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --log-level}: how much goes to {@code crawler.log}; the terminal shows warnings and errors only. */
final class LogOptions {
    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
            description = "What crawler.log records: error, warn, info, debug or trace. Default: info.")
    String level = "info";

    Level level() {
        Level parsed = Level.toLevel(level.toUpperCase(Locale.ROOT), null);
        if (parsed == null || parsed == Level.ALL || parsed == Level.OFF) {
            throw new UserError("--log-level '" + level + "' is not a level; use error, warn, info, debug or trace");
        }
        return parsed;
    }
}

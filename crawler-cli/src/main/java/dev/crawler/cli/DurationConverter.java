package dev.crawler.cli;

import java.time.Duration;
import picocli.CommandLine;

/** Reads a duration flag in any form {@link Durations} accepts. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}

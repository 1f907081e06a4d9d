package dev.crawler.core.schedule;

import io.netty.handler.codec.DateFormatter;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Reads a {@code Retry-After} header (RFC 9110 §10.2.3): delta-seconds or an HTTP-date (IMF-fixdate,
 * or the obsolete RFC 850 and asctime forms). Pure; thread-safe.
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * How long from {@code now} the header asks to wait; zero for a date in the past, empty for a
     * value that is neither form.
     */
    public static Optional<Duration> parse(String value, Instant now) {
        String text = value.trim();
        if (!text.isEmpty() && text.length() <= 12 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        Date date = DateFormatter.parseHttpDate(text);
        if (date == null) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, date.toInstant());
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }
}

package dev.crawler.core.parse;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the charset a response declares in its {@code Content-Type} header. A name Java does not
 * know is treated as no declaration, so Jsoup falls back to the BOM and {@code <meta>}: a page that
 * lies about its charset is decoded as well as it can be, never refused.
 */
public final class CharsetDetector {
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:+-]+)", Pattern.CASE_INSENSITIVE);

    private CharsetDetector() {
    }

    public static Optional<String> fromContentType(String contentType) {
        Matcher matcher = CHARSET.matcher(contentType);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String name = matcher.group(1).toLowerCase(Locale.ROOT);
        try {
            return Charset.isSupported(name) ? Optional.of(Charset.forName(name).name()) : Optional.empty();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }
}

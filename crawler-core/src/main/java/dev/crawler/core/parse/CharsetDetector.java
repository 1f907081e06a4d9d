package dev.crawler.core.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decides which charset a page's bytes are in, and decodes them. Servers lie: a header says
 * {@code utf-8} over windows-1251 bytes, or {@code ISO-8859-1} over UTF-8, or nothing is declared
 * at all. A page is decoded as well as it can be and never refused.
 *
 * <h2>The rule</h2>
 * The first of these that applies decides:
 * <ol>
 *   <li><b>BOM</b>: a UTF-8, UTF-16BE or UTF-16LE byte order mark wins over any declaration, as in browsers.</li>
 *   <li><b>Header</b>: the {@code Content-Type} charset, if it decodes the bytes <em>cleanly</em> (below).
 *       When it names a single-byte charset (where every byte is some letter, so a clean decode proves
 *       little) and the document declares a different charset that also decodes cleanly, the charset
 *       detector settles it: if it names the document's charset, the document's declaration wins.</li>
 *   <li><b>Document</b>: the page's own {@code <meta charset>}, {@code <meta http-equiv="Content-Type">}
 *       or {@code <?xml encoding?>} declaration in its first {@value #DECLARATION_BYTES} bytes, if it
 *       decodes cleanly.</li>
 *   <li><b>UTF-8</b>, if the bytes are well-formed UTF-8 (pure ASCII is).</li>
 *   <li><b>Detected</b>: the guess of Mozilla's universal charset detector (juniversalchardet), if it
 *       decodes cleanly.</li>
 *   <li><b>Best effort</b>, when nothing decodes cleanly: UTF-8 if the bytes hold more well-formed
 *       multi-byte UTF-8 sequences than malformed bytes (a UTF-8 page with a pasted-in latin-1
 *       fragment); else whichever of the declared and detected charsets has the fewest decoding
 *       errors; else windows-1252, the web's default for undeclared legacy pages.</li>
 * </ol>
 *
 * <h2>Decoding cleanly</h2>
 * A charset decodes a page cleanly when, over the first {@value #PREFIX_BYTES} bytes (a bounded
 * prefix, so a wrong guess costs little):
 * <ul>
 *   <li>a strict decode reports no malformed or unmappable input;</li>
 *   <li>the text has no C1 control characters (U+0080..U+009F): no page means them, and they are what
 *       windows-125x bytes (curly quotes, the euro) become when read as ISO-8859-x;</li>
 *   <li>the markup survives: if the bytes hold a {@code <}, so does the text (a UTF-16 label on an
 *       ASCII page fails here);</li>
 *   <li>for any charset but UTF-8: the bytes are not well-formed UTF-8 with multi-byte sequences. Such
 *       bytes are UTF-8 (legacy text almost never forms them by accident), and any other charset would
 *       turn them into mojibake such as {@code CafÃ©}.</li>
 * </ul>
 *
 * <h2>Labels</h2>
 * As in browsers (the WHATWG Encoding Standard), {@code ISO-8859-1} and {@code US-ASCII} labels are
 * read as windows-1252, their superset; a document declaring UTF-16 in ASCII bytes is read as UTF-8.
 * A name Java does not know counts as no declaration. UTF-8 is always decoded with each malformed byte
 * read as windows-1252 instead of U+FFFD (see {@link Utf8Scan#decode}).
 *
 * <p>Pure; thread-safe. {@code crawler extract} uses the same rule for saved files (with no header).
 */
public final class CharsetDetector {
    /** Bytes tried with each candidate charset. */
    static final int PREFIX_BYTES = 64 * 1024;
    /** Bytes searched for the document's own declaration. */
    static final int DECLARATION_BYTES = 8 * 1024;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:+-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META = Pattern.compile("<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:+-]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern XML = Pattern.compile("\\A\\s*<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:+-]+)",
            Pattern.CASE_INSENSITIVE);

    /** Where the chosen charset came from. */
    public enum Basis {
        BOM, HEADER, DOCUMENT, UTF8, DETECTED, BEST_EFFORT
    }

    /** A charset and why it was chosen. */
    public record Choice(Charset charset, Basis basis) {
    }

    /** A decoded page: its text (without a BOM), the charset read and why. */
    public record Decoded(String text, Charset charset, Basis basis) {
    }

    private CharsetDetector() {
    }

    /**
     * Decodes a page by {@link CharsetDetector the rule}.
     *
     * @param contentType the {@code Content-Type} header, or {@code ""} when there was none (a saved file)
     */
    public static Decoded decode(byte[] body, String contentType) {
        return decode(body, choose(body, contentType));
    }

    /** Decodes a page in the charset {@link #choose} chose for it. */
    public static Decoded decode(byte[] body, Choice choice) {
        int start = choice.basis() == Basis.BOM ? bomLength(body) : 0;
        String text = choice.charset().equals(StandardCharsets.UTF_8)
                ? Utf8Scan.decode(body, start, body.length - start)
                : new String(body, start, body.length - start, choice.charset());
        return new Decoded(text, choice.charset(), choice.basis());
    }

    /** The charset {@link #decode} reads {@code body} in, and why. */
    public static Choice choose(byte[] body, String contentType) {
        Optional<Charset> bom = fromBom(body);
        if (bom.isPresent()) {
            return new Choice(bom.get(), Basis.BOM);
        }
        Trials trials = new Trials(body);
        Optional<Charset> header = fromContentType(contentType);
        if (header.isPresent() && trials.clean(header.get())) {
            Optional<Charset> document = trials.document();
            boolean disputed = singleByte(header.get()) && document.isPresent() && !document.get().equals(header.get())
                    && trials.clean(document.get()) && document.equals(trials.detected());
            return disputed ? new Choice(document.get(), Basis.DOCUMENT) : new Choice(header.get(), Basis.HEADER);
        }
        Optional<Charset> document = trials.document();
        if (document.isPresent() && trials.clean(document.get())) {
            return new Choice(document.get(), Basis.DOCUMENT);
        }
        if (trials.utf8().clean()) {
            return new Choice(StandardCharsets.UTF_8, Basis.UTF8);
        }
        Optional<Charset> detected = trials.detected();
        if (detected.isPresent() && trials.clean(detected.get())) {
            return new Choice(detected.get(), Basis.DETECTED);
        }
        return new Choice(bestEffort(trials, header, document, detected), Basis.BEST_EFFORT);
    }

    /** The charset a {@code Content-Type} value names, if Java knows it; ISO-8859-1 and US-ASCII as windows-1252. */
    public static Optional<Charset> fromContentType(String contentType) {
        Matcher matcher = CHARSET.matcher(contentType);
        return matcher.find() ? charset(matcher.group(1)) : Optional.empty();
    }

    /** The charset the document declares in its first bytes, if any and Java knows it. */
    static Optional<Charset> fromDocument(byte[] body) {
        // Declarations are ASCII in every charset a document could declare itself in.
        String head = new String(body, 0, Math.min(body.length, DECLARATION_BYTES), StandardCharsets.ISO_8859_1);
        Matcher xml = XML.matcher(head);
        Matcher meta = META.matcher(head);
        Optional<Charset> declared = xml.find() ? charset(xml.group(1)) : meta.find() ? charset(meta.group(1)) : Optional.empty();
        // Bytes in which an ASCII declaration could be read are not UTF-16, whatever they say.
        return declared.map(c -> c.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : c);
    }

    private static Optional<Charset> charset(String label) {
        String name = label.toLowerCase(Locale.ROOT);
        try {
            if (!Charset.isSupported(name)) {
                return Optional.empty();
            }
            Charset charset = Charset.forName(name);
            boolean latin1 = charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII);
            return Optional.of(latin1 ? WINDOWS_1252 : charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static Optional<Charset> fromBom(byte[] body) {
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (startsWith(body, 0xFE, 0xFF)) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (startsWith(body, 0xFF, 0xFE)) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    private static int bomLength(byte[] body) {
        return startsWith(body, 0xEF, 0xBB, 0xBF) ? 3 : 2;
    }

    private static boolean startsWith(byte[] body, int... bytes) {
        if (body.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((body[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean singleByte(Charset charset) {
        return charset.canEncode() && charset.newEncoder().maxBytesPerChar() <= 1.0f;
    }

    private static Charset bestEffort(Trials trials, Optional<Charset> header, Optional<Charset> document, Optional<Charset> detected) {
        Utf8Scan utf8 = trials.utf8();
        if (utf8.multiByte() > utf8.malformed()) {
            return StandardCharsets.UTF_8;
        }
        List<Charset> candidates = new ArrayList<>();
        header.ifPresent(candidates::add);
        document.ifPresent(candidates::add);
        detected.ifPresent(candidates::add);
        Charset best = WINDOWS_1252;
        int fewest = Integer.MAX_VALUE;
        for (Charset candidate : candidates) {
            int errors = trials.trial(candidate).errors();
            if (errors < fewest) {
                best = candidate;
                fewest = errors;
            }
        }
        return best;
    }

    /** The prefix of one page, and what is learnt about it, each at most once. */
    private static final class Trials {
        private final byte[] body;
        private final int length;
        private final boolean complete;
        private final boolean hasMarkup;
        private @Nullable Utf8Scan utf8;
        private boolean declarationRead;
        private Optional<Charset> document = Optional.empty();
        private boolean detectorAsked;
        private Optional<Charset> detected = Optional.empty();

        Trials(byte[] body) {
            this.body = body;
            this.length = Math.min(body.length, PREFIX_BYTES);
            this.complete = length == body.length;
            this.hasMarkup = indexOf(body, length, (byte) '<') >= 0;
        }

        Utf8Scan utf8() {
            if (utf8 == null) {
                utf8 = Utf8Scan.of(body, length, complete);
            }
            return utf8;
        }

        Optional<Charset> document() {
            if (!declarationRead) {
                declarationRead = true;
                document = fromDocument(body);
            }
            return document;
        }

        Optional<Charset> detected() {
            if (!detectorAsked) {
                detectorAsked = true;
                UniversalDetector detector = new UniversalDetector();
                detector.handleData(body, 0, length);
                detector.dataEnd();
                String name = detector.getDetectedCharset();
                detected = name == null ? Optional.empty() : charset(name);
            }
            return detected;
        }

        boolean clean(Charset charset) {
            if (!charset.equals(StandardCharsets.UTF_8) && utf8().provesUtf8()) {
                return false;
            }
            Trial trial = trial(charset);
            return trial.errors() == 0 && trial.controls() == 0 && (trial.markup() || !hasMarkup);
        }

        /** A strict decode of the prefix that counts what went wrong instead of stopping at it. */
        Trial trial(Charset charset) {
            if (charset.equals(StandardCharsets.UTF_8)) {
                // The scan has the same answers, and a byte loop is quicker than decoding.
                return new Trial(utf8().malformed(), utf8().controls(), hasMarkup);
            }
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(body, 0, length);
            CharBuffer out = CharBuffer.allocate(4096);
            int errors = 0;
            int controls = 0;
            boolean markup = false;
            while (true) {
                CoderResult result = decoder.decode(in, out, complete);
                out.flip();
                while (out.hasRemaining()) {
                    char c = out.get();
                    controls += c >= 0x80 && c <= 0x9F ? 1 : 0;
                    markup |= c == '<';
                }
                out.clear();
                if (result.isError()) {
                    errors++;
                    in.position(in.position() + result.length());
                } else if (result.isUnderflow()) {
                    break;
                }
            }
            return new Trial(errors, controls, markup);
        }

        private static int indexOf(byte[] bytes, int length, byte wanted) {
            for (int i = 0; i < length; i++) {
                if (bytes[i] == wanted) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * @param errors   malformed or unmappable inputs
     * @param controls C1 control characters in the text
     * @param markup   whether the text has a {@code <}
     */
    private record Trial(int errors, int controls, boolean markup) {
    }
}

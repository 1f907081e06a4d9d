package dev.crawler.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.parse.CharsetDetector.Basis;
import dev.crawler.core.parse.CharsetDetector.Decoded;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Pages whose declared charset lies, or that declare none: each decodes to the text its author
 * wrote, and the detector says on what basis it chose the charset.
 */
class CharsetDetectorTest {
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

    private static final String RUSSIAN_NAME = "Кофеварка капельная «Добрыня» ДК-1250";
    private static final String RUSSIAN_TEXT = "Эта кофеварка готовит до двенадцати чашек крепкого кофе за восемь минут. "
            + "Съёмный фильтр легко мыть, а подогрев сохраняет напиток горячим целый час. "
            + "Доставка по Москве и Санкт-Петербургу бесплатно при заказе от трёх тысяч рублей.";
    private static final String JAPANESE_NAME = "電気ケトル 白 1.2リットル";
    private static final String JAPANESE_TEXT = "この電気ケトルは一リットルのお湯を三分で沸かします。"
            + "空焚き防止機能と自動電源オフ機能が付いているので、安心してお使いいただけます。"
            + "送料無料、ご注文の翌日にお届けします。";
    private static final String FRENCH_TEXT = "Café crème à emporter, préparé à Zürich; goût façonné, très doux. "
            + "Livré en boîte réutilisable, idéal pour les pauses gourmandes.";

    private static String page(String declaration, String name, String text) {
        return "<!DOCTYPE html>\n<html><head>" + declaration + "<title>" + name + "</title></head>\n<body>\n<h1>" + name
                + "</h1>\n<p>" + text + "</p>\n<p class=\"price\">4 990 руб.</p>\n</body></html>\n";
    }

    private static String page(String declaration, String name, String text, String price) {
        return page(declaration, name, text).replace("4 990 руб.", price);
    }

    @Test
    void windows1251ServedAsUtf8IsReadByItsOwnMetaCharset() {
        byte[] bytes = page("<meta charset=\"windows-1251\">", RUSSIAN_NAME, RUSSIAN_TEXT).getBytes(WINDOWS_1251);

        Decoded decoded = CharsetDetector.decode(bytes, "text/html; charset=utf-8");

        assertThat(decoded.basis()).isEqualTo(Basis.DOCUMENT);
        assertThat(decoded.charset()).isEqualTo(WINDOWS_1251);
        assertThat(decoded.text()).contains("<h1>" + RUSSIAN_NAME + "</h1>", "4 990 руб.");
    }

    @Test
    void windows1251ServedAsUtf8IsReadByItsHttpEquivDeclaration() {
        byte[] bytes = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">", RUSSIAN_NAME,
                RUSSIAN_TEXT).getBytes(WINDOWS_1251);

        Decoded decoded = CharsetDetector.decode(bytes, "text/html; charset=UTF-8");

        assertThat(decoded.basis()).isEqualTo(Basis.DOCUMENT);
        assertThat(decoded.text()).contains(RUSSIAN_NAME);
    }

    @Test
    void windows1251ServedAsUtf8WithoutAnyDeclarationIsDetected() {
        byte[] bytes = page("", RUSSIAN_NAME, RUSSIAN_TEXT).getBytes(WINDOWS_1251);

        Decoded decoded = CharsetDetector.decode(bytes, "text/html; charset=utf-8");

        assertThat(decoded.basis()).isEqualTo(Basis.DETECTED);
        assertThat(decoded.charset()).isEqualTo(WINDOWS_1251);
        assertThat(decoded.text()).contains(RUSSIAN_NAME, RUSSIAN_TEXT);
    }

    @Test
    void aLatin1HeaderOverWindows1251DeclaredInTheDocumentLosesWhenTheDetectorSidesWithTheDocument() {
        // Both decode without an error (every byte is a letter in both): the detector settles the dispute.
        byte[] bytes = page("<meta charset=\"windows-1251\">", RUSSIAN_NAME, RUSSIAN_TEXT).getBytes(WINDOWS_1251);

        Decoded decoded = CharsetDetector.decode(bytes, "text/html; charset=ISO-8859-1");

        assertThat(decoded.basis()).isEqualTo(Basis.DOCUMENT);
        assertThat(decoded.text()).contains(RUSSIAN_NAME);
    }

    @Test
    void iso88591WithNoCharsetAnywhereIsNotReadAsUtf8() {
        byte[] bytes = page("", "Café Crème", FRENCH_TEXT, "12,50 EUR").getBytes(StandardCharsets.ISO_8859_1);

        Decoded decoded = CharsetDetector.decode(bytes, "text/html");

        // Detected or, should the detector not commit itself, the windows-1252 default: the same letters either way.
        assertThat(decoded.basis()).isIn(Basis.DETECTED, Basis.BEST_EFFORT);
        assertThat(decoded.text()).contains("<h1>Café Crème</h1>", FRENCH_TEXT).doesNotContain("\uFFFD");
    }

    @Test
    void shiftJisServedAsUtf8IsReadByItsOwnMetaCharset() {
        byte[] bytes = page("<meta charset=\"Shift_JIS\">", JAPANESE_NAME, JAPANESE_TEXT, "2,980円").getBytes(SHIFT_JIS);

        Decoded decoded = CharsetDetector.decode(bytes, "text/html; charset=utf-8");

        assertThat(decoded.basis()).isEqualTo(Basis.DOCUMENT);
        assertThat(decoded.charset()).isEqualTo(SHIFT_JIS);
        assertThat(decoded.text()).contains("<h1>" + JAPANESE_NAME + "</h1>", "2,980円");
    }

    @Test
    void shiftJisWithNoCharsetAnywhereIsDetected() {
        byte[] bytes = page("", JAPANESE_NAME, JAPANESE_TEXT, "2,980円").getBytes(SHIFT_JIS);

        Decoded decoded = CharsetDetector.decode(bytes, "");

        assertThat(decoded.basis()).isEqualTo(Basis.DETECTED);
        assertThat(decoded.charset()).isEqualTo(SHIFT_JIS);
        assertThat(decoded.text()).contains(JAPANESE_NAME, JAPANESE_TEXT);
    }

    @Test
    void utf8WithABomServedAsLatin1IsReadAsUtf8WithoutTheBom() {
        byte[] page = page("", "Café Crème", FRENCH_TEXT, "12,50 €").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, page);

        Decoded decoded = CharsetDetector.decode(bytes, "text/html; charset=iso-8859-1");

        assertThat(decoded.basis()).isEqualTo(Basis.BOM);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).startsWith("<!DOCTYPE html>").contains("<h1>Café Crème</h1>", "12,50 €");
    }

    @Test
    void utf16WithABomIsReadWhateverTheHeaderSays() {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                page("", RUSSIAN_NAME, RUSSIAN_TEXT).getBytes(StandardCharsets.UTF_16LE));

        Decoded decoded = CharsetDetector.decode(bytes, "text/html; charset=utf-8");

        assertThat(decoded.basis()).isEqualTo(Basis.BOM);
        assertThat(decoded.text()).startsWith("<!DOCTYPE html>").contains(RUSSIAN_NAME);
    }

    @Test
    void utf8LabelledLatin1WithAUtf8MetaIsReadAsUtf8() {
        // The testbed's lying-charset page: the header says ISO-8859-1, the bytes and the meta say UTF-8.
        byte[] bytes = page("<meta charset=\"utf-8\">", "Café Crème", "Café Crème from Zürich", "12,50 €")
                .getBytes(StandardCharsets.UTF_8);

        Decoded decoded = CharsetDetector.decode(bytes, "text/html; charset=ISO-8859-1");

        assertThat(decoded.basis()).isEqualTo(Basis.DOCUMENT);
        assertThat(decoded.text()).contains("<h1>Café Crème</h1>", "Zürich", "12,50 €");
    }

    @Test
    void utf8LabelledLatin1WithoutAnyMetaIsStillReadAsUtf8() {
        byte[] bytes = page("", "Café Crème", "Café Crème from Zürich", "12,50 €").getBytes(StandardCharsets.UTF_8);

        Decoded decoded = CharsetDetector.decode(bytes, "text/html; charset=windows-1252");

        assertThat(decoded.basis()).isEqualTo(Basis.UTF8);
        assertThat(decoded.text()).contains("<h1>Café Crème</h1>", "12,50 €");
    }

    @Test
    void aPageThatMixesEncodingsIsReadAsUtf8WithTheLatin1FragmentRepaired() {
        // A UTF-8 template around a description pasted in from a latin-1 database: "Zürich" and "très" are
        // single bytes. Mostly UTF-8 (several well-formed multi-byte sequences, two malformed bytes), so UTF-8
        // is the best decoding, and each malformed byte is read as windows-1252: both parts come out right.
        byte[] head = page("<meta charset=\"utf-8\">", "Café Crème – 250 g", "", "12,50 €").getBytes(StandardCharsets.UTF_8);
        String marker = "<p></p>";
        String html = new String(head, StandardCharsets.UTF_8);
        int at = html.indexOf(marker);
        byte[] before = html.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] fragment = "<p>Geröstet in Zürich, très doux</p>".getBytes(StandardCharsets.ISO_8859_1);
        byte[] after = html.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = concat(before, fragment, after);

        Decoded decoded = CharsetDetector.decode(bytes, "text/html; charset=utf-8");

        assertThat(decoded.basis()).isEqualTo(Basis.BEST_EFFORT);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).contains("<h1>Café Crème – 250 g</h1>", "Geröstet in Zürich, très doux", "12,50 €");
    }

    @Test
    void aPageThatIsMostlyLatin1WithAStrayUtf8WordIsReadAsWindows1252() {
        // The opposite mix: more malformed bytes than UTF-8 sequences. Nothing decodes cleanly; with nothing
        // declared, the legacy default reads the latin-1 majority right and the one UTF-8 word as mojibake.
        byte[] latin = page("", "Café Crème", FRENCH_TEXT, "12,50 EUR").getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = concat(latin, "<p>naïve</p>".getBytes(StandardCharsets.UTF_8));

        Decoded decoded = CharsetDetector.decode(bytes, "");

        assertThat(decoded.charset()).isEqualTo(WINDOWS_1252);
        assertThat(decoded.text()).contains("<h1>Café Crème</h1>", FRENCH_TEXT, "naÃ¯ve");
    }

    @Test
    void anHonestLatin1HeaderReadsCurlyQuotesAndTheEuroAsWindows1252() {
        // Browsers read an ISO-8859-1 label as windows-1252: 0x80 is the euro, 0x93/0x94 curly quotes.
        byte[] bytes = page("", "“Café” Crème", FRENCH_TEXT, "12,50 €").getBytes(WINDOWS_1252);

        Decoded decoded = CharsetDetector.decode(bytes, "text/html; charset=ISO-8859-1");

        assertThat(decoded.basis()).isEqualTo(Basis.HEADER);
        assertThat(decoded.charset()).isEqualTo(WINDOWS_1252);
        assertThat(decoded.text()).contains("<h1>“Café” Crème</h1>", "12,50 €");
    }

    @Test
    void anIso88592HeaderOverWindows1250BytesIsNotCleanBecauseOfC1Controls() {
        // 0x8A is Š in windows-1250 but a C1 control in ISO-8859-2: the header cannot be right.
        Charset windows1250 = Charset.forName("windows-1250");
        byte[] bytes = page("<meta charset=\"windows-1250\">", "Šálek „Čaj“", "Krásný porcelánový šálek na čaj, ručně malovaný.",
                "249 Kč").getBytes(windows1250);

        Decoded decoded = CharsetDetector.decode(bytes, "text/html; charset=iso-8859-2");

        assertThat(decoded.basis()).isEqualTo(Basis.DOCUMENT);
        assertThat(decoded.text()).contains("<h1>Šálek „Čaj“</h1>", "249 Kč");
    }

    @Test
    void aUtf16LabelOnAnAsciiPageIsIgnoredBecauseTheMarkupWouldBeLost() {
        byte[] bytes = page("", "Plain kettle", "A kettle.", "19.99 USD").getBytes(StandardCharsets.US_ASCII);

        Decoded decoded = CharsetDetector.decode(bytes, "text/html; charset=utf-16");

        assertThat(decoded.basis()).isEqualTo(Basis.UTF8);
        assertThat(decoded.text()).contains("<h1>Plain kettle</h1>");
    }

    @Test
    void aDocumentDeclaringUtf16InAsciiBytesIsReadAsUtf8() {
        byte[] bytes = page("<meta charset=\"utf-16\">", "Café Crème", "Zürich", "12,50 €").getBytes(StandardCharsets.UTF_8);

        Decoded decoded = CharsetDetector.decode(bytes, "text/html; charset=ISO-8859-1");

        assertThat(decoded.basis()).isEqualTo(Basis.DOCUMENT);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).contains("<h1>Café Crème</h1>");
    }

    @Test
    void anUnknownCharsetNameCountsAsNoDeclaration() {
        byte[] bytes = page("<meta charset=\"klingon-8\">", "Café Crème", "Zürich", "12,50 €").getBytes(StandardCharsets.UTF_8);

        Decoded decoded = CharsetDetector.decode(bytes, "text/html; charset=x-no-such-charset");

        assertThat(decoded.basis()).isEqualTo(Basis.UTF8);
        assertThat(decoded.text()).contains("<h1>Café Crème</h1>");
    }

    @Test
    void anHonestUtf8HeaderIsTakenAtItsWord() {
        byte[] bytes = page("<meta charset=\"windows-1251\">", RUSSIAN_NAME, RUSSIAN_TEXT).getBytes(StandardCharsets.UTF_8);

        Decoded decoded = CharsetDetector.decode(bytes, "text/html; charset=utf-8");

        assertThat(decoded.basis()).isEqualTo(Basis.HEADER);
        assertThat(decoded.text()).contains(RUSSIAN_NAME);
    }

    @Test
    void aCharacterCutInTwoByTheEndOfThePrefixDoesNotMakeTheHeaderUnclean() {
        String head = page("", "Большой чайник", "@").substring(0, page("", "Большой чайник", "@").indexOf('@'));
        // Two bytes per "ж", starting at an odd offset: the last byte of the prefix is the first half of one.
        String pad = head.getBytes(StandardCharsets.UTF_8).length % 2 == 0 ? " " : "";
        String text = pad + "ж".repeat(CharsetDetector.PREFIX_BYTES);
        byte[] bytes = page("", "Большой чайник", text).getBytes(StandardCharsets.UTF_8);
        assertThat(bytes[CharsetDetector.PREFIX_BYTES - 1] & 0xFF).as("a lead byte ends the prefix").isEqualTo(0xD0);

        assertThat(CharsetDetector.choose(bytes, "text/html; charset=utf-8").basis()).isEqualTo(Basis.HEADER);
    }

    @Test
    void anEmptyBodyIsEmptyText() {
        Decoded decoded = CharsetDetector.decode(new byte[0], "text/html");

        assertThat(decoded.text()).isEmpty();
        assertThat(decoded.basis()).isEqualTo(Basis.UTF8);
    }

    @Test
    void theDocumentsXmlDeclarationCountsAsItsOwnDeclaration() {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n" + page("", RUSSIAN_NAME, RUSSIAN_TEXT))
                .getBytes(WINDOWS_1251);

        Decoded decoded = CharsetDetector.decode(bytes, "application/xhtml+xml; charset=utf-8");

        assertThat(decoded.basis()).isEqualTo(Basis.DOCUMENT);
        assertThat(decoded.text()).contains(RUSSIAN_NAME);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

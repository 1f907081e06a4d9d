package dev.crawler.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** UTF-8's own rules decide what is well-formed; the repairing decoder reads the rest as windows-1252. */
class Utf8ScanTest {

    private static byte[] hex(String hex) {
        String[] parts = hex.trim().split("\\s+");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }

    @ParameterizedTest(name = "{0}: {1} multi-byte, {2} malformed, {3} C1 controls")
    @CsvSource({
            "41 42 43,             0, 0, 0",   // ASCII
            "C3 A9,                1, 0, 0",   // é
            "E2 82 AC,             1, 0, 0",   // €
            "F0 9F 98 80,          1, 0, 0",   // an emoji, four bytes
            "C2 93 C2 A0,          2, 0, 1",   // U+0093, a windows-1252 quote gone through latin-1, then U+00A0
            "E9 20,                0, 1, 0",   // latin-1 é before a space
            "C0 AF,                0, 2, 0",   // overlong '/'
            "ED A0 80,             0, 3, 0",   // a UTF-16 surrogate
            "F4 90 80 80,          0, 4, 0",   // past U+10FFFF
            "80,                   0, 1, 0",   // a lone continuation byte
            "C3,                   0, 1, 0",   // cut off at the very end of the body
    })
    void countsSequencesAndMalformedBytesOfACompleteBody(String bytes, int multiByte, int malformed, int controls) {
        byte[] input = hex(bytes);

        assertThat(Utf8Scan.of(input, input.length, true)).isEqualTo(new Utf8Scan(multiByte, malformed, controls));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"41 C3", "41 E2 82", "41 F0 9F 98"})
    void aSequenceCutOffByTheEndOfAPrefixIsNotMalformed(String bytes) {
        byte[] input = hex(bytes);

        assertThat(Utf8Scan.of(input, input.length, false)).isEqualTo(new Utf8Scan(0, 0, 0));
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({
            "43 61 66 C3 A9,          Café",
            "5A FC 72 69 63 68,       Zürich",
            "C3 A9 20 E9 20 80,       é é €",
            "81,                      \uFFFD",
    })
    void repairsMalformedBytesAsWindows1252(String bytes, String text) {
        byte[] input = hex(bytes);

        assertThat(Utf8Scan.decode(input, 0, input.length)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Кофеварка", "電気ケトル", "plain"})
    void decodesWellFormedUtf8AsIs(String text) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);

        assertThat(Utf8Scan.decode(input, 0, input.length)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"EF BF BD 41, \uFFFDA", "EF BF BD E9, \uFFFDé"})
    void aReplacementCharacterThePageReallyHoldsIsKept(String bytes, String text) {
        byte[] input = hex(bytes);

        assertThat(Utf8Scan.decode(input, 0, input.length)).isEqualTo(text);
    }

    /** Any text that is well-formed UTF-8, a real U+FFFD included, decodes to itself. */
    @Property(tries = 500)
    void wellFormedUtf8DecodesToTheTextItEncodes(@ForAll String text) {
        String wellFormed = text + "\uFFFD \u20AC \uD83D\uDE00";
        // Lone surrogates cannot be encoded: the encoder writes '?' for them, and that is the text then.
        byte[] bytes = wellFormed.getBytes(StandardCharsets.UTF_8);

        assertThat(Utf8Scan.decode(bytes, 0, bytes.length)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    }

    /** The scan passes over ASCII eight bytes at a time; where the sequences stand must not change its counts. */
    @Property(tries = 500)
    void countsDoNotDependOnWhereInEightBytesASequenceStands(@ForAll String text, @ForAll("padding") int pad) {
        byte[] bytes = ("x".repeat(pad) + text + "\u00e9\u20ac").getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        broken[bytes.length] = (byte) 0xE9;

        Utf8Scan scan = Utf8Scan.of(bytes, bytes.length, true);
        Utf8Scan brokenScan = Utf8Scan.of(broken, broken.length, true);

        assertThat(scan.malformed()).isZero();
        assertThat(scan.multiByte()).isEqualTo((int) new String(bytes, StandardCharsets.UTF_8).codePoints().filter(c -> c >= 0x80).count());
        assertThat(brokenScan).isEqualTo(new Utf8Scan(scan.multiByte(), 1, scan.controls()));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> padding() {
        return net.jqwik.api.Arbitraries.integers().between(0, 17);
    }
}

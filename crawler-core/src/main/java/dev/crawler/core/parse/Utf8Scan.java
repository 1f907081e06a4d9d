package dev.crawler.core.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What a run of bytes says about being UTF-8, and a UTF-8 decoder for pages that are mostly UTF-8.
 *
 * <p>UTF-8 is self-checking: a byte of 0x80 or more must belong to a well-formed sequence (a lead byte
 * and the right number of continuation bytes, no overlong forms, no surrogates, nothing above
 * U+10FFFF). Text in a single-byte or East Asian legacy charset almost never forms such sequences by
 * accident once it has a few non-ASCII letters, which is why well-formed multi-byte sequences are
 * strong evidence for UTF-8 and malformed bytes strong evidence against it.
 *
 * @param multiByte well-formed sequences of two to four bytes
 * @param malformed bytes that belong to no well-formed sequence
 * @param controls  well-formed sequences for C1 control characters (U+0080..U+009F): what windows-1252
 *                  text looks like when it was mistaken for latin-1 and encoded again as UTF-8
 */
record Utf8Scan(int multiByte, int malformed, int controls) {
    private static final char[] WINDOWS_1252_HIGH = windows1252High();
    /** Eight bytes read as one long, to pass over runs of ASCII eight at a time. */
    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The high bit of each of eight bytes: none is set in eight ASCII bytes. */
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Well-formed UTF-8 throughout: no malformed byte. Pure ASCII is clean UTF-8 too. */
    boolean clean() {
        return malformed == 0;
    }

    /** Clean, with at least one multi-byte sequence: text that is UTF-8 rather than merely ASCII. */
    boolean provesUtf8() {
        return malformed == 0 && multiByte > 0;
    }

    /**
     * Scans {@code bytes[0, length)}.
     *
     * @param complete whether these are all the bytes: if not, a sequence cut off at the end is not
     *                 counted as malformed (the rest of it lies beyond the prefix scanned)
     */
    static Utf8Scan of(byte[] bytes, int length, boolean complete) {
        int multiByte = 0;
        int malformed = 0;
        int controls = 0;
        int i = 0;
        while (i < length) {
            // Pages are mostly ASCII (markup, scripts): pass over it eight bytes at a time.
            while (i + 8 <= length && ((long) EIGHT_BYTES.get(bytes, i) & HIGH_BITS) == 0) {
                i += 8;
            }
            if (i >= length) {
                break;
            }
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int size = sequenceLength(lead);
            if (size == 0) {
                malformed++;
                i++;
                continue;
            }
            if (i + size > length && !complete && continuesUpTo(bytes, i, lead, length)) {
                break;
            }
            if (i + size > length || !wellFormed(bytes, i, lead, size)) {
                malformed++;
                i++;
                continue;
            }
            multiByte++;
            controls += lead == 0xC2 && (bytes[i + 1] & 0xFF) <= 0x9F ? 1 : 0;
            i += size;
        }
        return new Utf8Scan(multiByte, malformed, controls);
    }

    /**
     * Decodes UTF-8, reading each malformed byte as windows-1252: a page that is UTF-8 apart from a
     * fragment pasted in from a latin-1 database comes out right in both parts. Where windows-1252
     * has no character for the byte, U+FFFD stands in for it.
     *
     * <p>On well-formed bytes this is the JDK's strict decoder alone, whose loop copies runs of ASCII in
     * bulk: on pages that are ASCII but for a few currency signs it takes about half the time of
     * {@code new String(bytes, UTF_8)}, which decodes everything after the first non-ASCII byte one
     * character at a time.
     */
    static String decode(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        // A byte yields at most one char, whether decoded or repaired: the buffer never overflows.
        CharBuffer out = CharBuffer.allocate(length);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            if (!result.isError()) {
                throw new IllegalStateException("UTF-8 decoding overflowed a buffer of one char per byte");
            }
            for (int i = 0; i < result.length(); i++) {
                out.put(windows1252(in.get()));
            }
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static char windows1252(byte b) {
        int value = b & 0xFF;
        return value < 0x80 ? (char) value : WINDOWS_1252_HIGH[value - 0x80];
    }

    private static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 0;
    }

    /** The second byte's range depends on the lead: this rules out overlong forms, surrogates and code points past U+10FFFF. */
    private static boolean secondInRange(int lead, int second) {
        int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
        int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
        return second >= low && second <= high;
    }

    private static boolean wellFormed(byte[] bytes, int start, int lead, int size) {
        if (!secondInRange(lead, bytes[start + 1] & 0xFF)) {
            return false;
        }
        for (int k = 2; k < size; k++) {
            if ((bytes[start + k] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether the bytes from {@code start} to {@code end} are a well-formed beginning of a sequence. */
    private static boolean continuesUpTo(byte[] bytes, int start, int lead, int end) {
        if (start + 1 < end && !secondInRange(lead, bytes[start + 1] & 0xFF)) {
            return false;
        }
        for (int k = start + 2; k < end; k++) {
            if ((bytes[k] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    private static char[] windows1252High() {
        byte[] high = new byte[128];
        for (int i = 0; i < high.length; i++) {
            high[i] = (byte) (0x80 + i);
        }
        CharsetDecoder decoder = Charset.forName("windows-1252").newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer decoded = decoder.decode(ByteBuffer.wrap(high));
            char[] chars = new char[decoded.remaining()];
            decoded.get(chars);
            return chars;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("windows-1252 cannot be decoded with replacement", e);
        }
    }
}

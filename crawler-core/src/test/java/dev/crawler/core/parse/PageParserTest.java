package dev.crawler.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Whichever way the bytes reach Jsoup, the document is the one CharsetDetector's text makes. */
class PageParserTest {
    private static final String URL = "http://127.0.1.1/p/1";
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private static Document viaText(byte[] body, String contentType) {
        return Jsoup.parse(CharsetDetector.decode(body, contentType).text(), URL);
    }

    @Property(tries = 300)
    void wellFormedUtf8GivesTheDocumentOfItsDecodedText(@ForAll String words) {
        byte[] body = ("<html><head><title>" + words + "</title></head><body><h1>Kaffee € " + words
                + "</h1><a href='/x?q=" + words + "'>x</a></body></html>").getBytes(StandardCharsets.UTF_8);

        Document parsed = PageParser.parse(body, "text/html; charset=utf-8", URL);

        assertThat(parsed.outerHtml()).isEqualTo(viaText(body, "text/html; charset=utf-8").outerHtml());
    }

    @Test
    void aUtf8PageWhoseMetaNamesAnotherCharsetIsReadAsTheDetectorChose() {
        byte[] body = "<html><head><meta charset=\"windows-1251\"></head><body><p>Привет, мир</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);

        Document parsed = PageParser.parse(body, "text/html; charset=utf-8", URL);

        assertThat(parsed.select("p").text()).isEqualTo("Привет, мир");
    }

    @Test
    void aUtf8ByteOrderMarkIsNotText() {
        byte[] page = "<p>Café</p>".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[page.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(page, 0, body, 3, page.length);

        Document parsed = PageParser.parse(body, "text/html; charset=iso-8859-1", URL);

        assertThat(parsed.body().html()).isEqualTo("<p>Café</p>");
    }

    @Test
    void malformedUtf8IsRepairedAsTheDetectorRepairsIt() {
        byte[] good = "<p>Crème brûlée, caf".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[good.length + 5];
        System.arraycopy(good, 0, body, 0, good.length);
        body[good.length] = (byte) 0xE9; // é in latin-1, pasted into a UTF-8 page
        System.arraycopy("</p>".getBytes(StandardCharsets.US_ASCII), 0, body, good.length + 1, 4);

        Document parsed = PageParser.parse(body, "text/html; charset=utf-8", URL);

        assertThat(parsed.select("p").text()).isEqualTo("Crème brûlée, café");
    }

    @Test
    void anotherCharsetIsDecodedByTheDetector() {
        byte[] body = "<html><head><meta charset=\"windows-1251\"></head><body><p>Привет</p></body></html>".getBytes(WINDOWS_1251);

        Document parsed = PageParser.parse(body, "text/html; charset=utf-8", URL);

        assertThat(parsed.select("p").text()).isEqualTo("Привет");
    }
}

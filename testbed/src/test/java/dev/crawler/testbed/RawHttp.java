package dev.crawler.testbed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A bare socket client, for responses java.net.http would hide: resets, endless bodies, first-byte times. */
final class RawHttp implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private long requestSentNanos;

  RawHttp(String host, int port) throws IOException {
    this.socket = new Socket(InetAddress.getByName(host), port);
    socket.setSoTimeout(20_000);
    this.in = socket.getInputStream();
  }

  /** Sends {@code GET path} with Connection: close. */
  RawHttp get(String pathAndQuery) throws IOException {
    requestSentNanos = System.nanoTime();
    socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: test\r\nUser-Agent: raw\r\n"
        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return this;
  }

  /** Nanoseconds from sending the request to receiving the first response byte; consumes that byte. */
  long firstByteNanos() throws IOException {
    int first = in.read();
    if (first < 0) {
      throw new IOException("closed before the first byte");
    }
    return System.nanoTime() - requestSentNanos;
  }

  /** Reads the status line and headers (after {@link #firstByteNanos()} or not). */
  String head() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed inside the head: " + head);
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  /** Reads up to {@code max} bytes, stopping early at end of stream. */
  byte[] read(int max) throws IOException {
    return in.readNBytes(max);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}

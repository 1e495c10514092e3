package dev.dialtone.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for requests {@link java.net.http.HttpClient} refuses to send: a
 * malformed URI, a broken request line, a lying Content-Length.
 */
public final class RawHttp {
  private RawHttp() {}

  /** Sends the bytes as they are and reads the response until the server closes. */
  public static Response send(int port, byte[] request) {
    return send(port, request, Duration.ofSeconds(10));
  }

  /**
   * Sends the bytes as they are and reads the response until the server closes; a server that stays
   * silent for {@code timeout} fails with {@link java.net.SocketTimeoutException} (inside the
   * {@link UncheckedIOException}). A server that answers before it has read the whole request and
   * closes (a 413) is heard: a failed write still reads what came back.
   */
  public static Response send(int port, byte[] request, Duration timeout) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) timeout.toMillis());
      try {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
        socket.shutdownOutput();
      } catch (IOException brokenPipe) {
        // The server stopped reading; its answer, if any, is still there to read.
      }
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends the bytes and reads the response with the upload left open, as a client still sending a
   * long body does: the server must answer without waiting for the rest. A server that waits stays
   * silent for {@code timeout}, which fails with {@link java.net.SocketTimeoutException} (inside
   * the {@link UncheckedIOException}).
   */
  public static Response sendLeavingUploadOpen(int port, byte[] request, Duration timeout) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) timeout.toMillis());
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request with {@code Connection: close}, so the response ends with the connection. */
  public static Response send(int port, String requestLineAndHeaders) {
    return send(
        port,
        (requestLineAndHeaders + "Connection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
  }

  private static Response parse(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    // Interim answers (100 Continue) come before the response itself.
    while (text.matches("(?s)HTTP/1\\.\\d 1\\d\\d .*") && text.contains("\r\n\r\n")) {
      int interimEnd = text.indexOf("\r\n\r\n") + 4;
      raw = java.util.Arrays.copyOfRange(raw, interimEnd, raw.length);
      text = text.substring(interimEnd);
    }
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("no complete response: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers
          .computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).strip());
    }
    byte[] body = new byte[raw.length - end - 4];
    System.arraycopy(raw, end + 4, body, 0, body.length);
    List<String> encoding = headers.getOrDefault("Transfer-Encoding", List.of());
    if (encoding.stream().anyMatch(value -> value.equalsIgnoreCase("chunked"))) {
      body = dechunk(body);
    }
    List<String> compression = headers.getOrDefault("Content-Encoding", List.of());
    if (compression.stream().anyMatch(value -> value.equalsIgnoreCase("gzip"))) {
      body =
          new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
    }
    return new Response(
        status,
        new String(body, StandardCharsets.UTF_8),
        HttpHeaders.of(headers, (name, value) -> true));
  }

  /** The body of a chunked response, without its chunk sizes and trailers. */
  private static byte[] dechunk(byte[] chunked) throws IOException {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    int at = 0;
    while (true) {
      int lineEnd = indexOf(chunked, at);
      if (lineEnd < 0) {
        throw new IOException("chunked body ends early");
      }
      String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int size = Integer.parseInt(sizeLine.split(";", 2)[0].strip(), 16);
      if (size == 0) {
        return body.toByteArray();
      }
      if (lineEnd + 2 + size > chunked.length) {
        throw new IOException("chunk ends early");
      }
      body.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }
}

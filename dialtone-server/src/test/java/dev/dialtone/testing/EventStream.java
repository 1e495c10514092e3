package dev.dialtone.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code GET /_dialtone/screen-pops/stream} of a test server, opened as the admin with the API
 * token, read line by line on a thread of its own so that a test waits for a line with a bound.
 */
public final class EventStream implements AutoCloseable {
  public static final String PATH = "/_dialtone/screen-pops/stream";

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String END = "\u0000end of stream";

  private final HttpResponse<Stream<String>> response;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private EventStream(HttpResponse<Stream<String>> response) {
    this.response = response;
    Thread reader =
        new Thread(
            () -> {
              try {
                Iterator<String> it = response.body().iterator();
                while (it.hasNext()) {
                  lines.add(it.next());
                }
              } catch (RuntimeException closed) {
                // The test closed the stream, or the server hung up: either way it has ended.
              }
              lines.add(END);
            },
            "test-event-stream");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens the admin's stream on this node. */
  public static EventStream open(TestServer node) {
    return open(node.port(), PATH, "Authorization", adminAuthorization());
  }

  /** Opens the agent console's stream on this port, as the browser of that session does. */
  public static EventStream openConsole(int port, String sessionCookie) {
    return open(port, "/agent/events", "Cookie", "dialtone_session=" + sessionCookie);
  }

  private static EventStream open(int port, String path, String header, String value) {
    try {
      return new EventStream(
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                  .header("Accept", "text/event-stream")
                  .header(header, value)
                  .build(),
              HttpResponse.BodyHandlers.ofLines()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<Stream<String>> response() {
    return response;
  }

  /** The next line that is neither blank nor the server's keep-alive ping, within 5 s. */
  public String next() {
    String line;
    do {
      line = poll();
      assertThat(line).as("a line of the stream, not its end").isNotEqualTo(END);
    } while (isFiller(line));
    return line;
  }

  /** Waits, at most 5 s, for the stream to end, and answers whether no event came before. */
  public boolean endsWithoutEvents() {
    while (true) {
      String line = poll();
      if (line.equals(END)) {
        return true;
      }
      if (!isFiller(line)) {
        return false;
      }
    }
  }

  private static boolean isFiller(String line) {
    return line.isEmpty() || line.equals(": ping");
  }

  private String poll() {
    try {
      String line = lines.poll(5, TimeUnit.SECONDS);
      assertThat(line).as("a line of the stream within 5 s").isNotNull();
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    response.body().close();
  }

  private static String adminAuthorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (TestServer.ADMIN_EMAIL + "/token:" + TestServer.ADMIN_TOKEN)
                    .getBytes(StandardCharsets.UTF_8));
  }
}

package dev.dialtone.route;

import io.javalin.http.sse.SseClient;

/**
 * The sending end of one open stream of server-sent events. Events come from the threads of
 * requests and of the event bus, pings from the heartbeat's: each is written whole, one at a time.
 */
public final class EventSink {
  private final SseClient client;

  EventSink(SseClient client) {
    this.client = client;
  }

  /** Sends {@code event: type} with {@code data}. */
  public synchronized void send(String type, String data) {
    client.sendEvent(type, data);
  }

  synchronized void comment(String text) {
    client.sendComment(text);
  }

  /** Ends the stream; its {@code EventSource} reconnects by itself, or gives up on a refusal. */
  public void close() {
    client.close();
  }
}

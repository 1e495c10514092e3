package dev.dialtone.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The requests of every scenario, encoded once per request as the bytes that go on the wire. The
 * bodies are what a phone system sends: the mandatory call fields and the optional ones an
 * integration fills in once the call has ended.
 */
final class Requests {
  private final String authorization;
  private final long agentId;

  /**
   * @param token the admin's API token (Dialtone checks it on every request; WireMock and the bare
   *     handler ignore it, but get the same header bytes)
   * @param agentId the user the calls name as their agent
   */
  Requests(String token, long agentId) {
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    ("admin@example.com/token:" + token).getBytes(StandardCharsets.UTF_8));
    this.agentId = agentId;
  }

  /** A call as an integration creates it when the call has ended; {@code n} makes it unique. */
  String callBody(long n) {
    return "{\"call\":{" + callFields(n) + "}}";
  }

  /** The mandatory fields only: the probe that waits for a first 201 knows no agent yet. */
  static String mandatoryCallBody() {
    return "{\"call\":{\"from_line\":\"+14155550123\",\"to_line\":\"+18005550199\","
        + "\"call_started_at\":\"2026-03-02T09:15:00Z\",\"direction\":\"inbound\","
        + "\"app_id\":735264019863524}}";
  }

  /** A call with its voice comment on a new ticket, in one request. */
  String callWithCommentBody(long n) {
    return "{\"call\":{"
        + callFields(n)
        + "},\"comment\":{\"title\":\"Inbound call from +1 (415) 555-0123\","
        + "\"call_fields\":[\"from_line\",\"to_line\",\"call_started_at\",\"call_ended_at\","
        + "\"direction\",\"duration\",\"completion_status\",\"queue_name\",\"recording_url\"]}}";
  }

  private String callFields(long n) {
    return "\"from_line\":\"+14155550123\",\"to_line\":\"+18005550199\","
        + "\"call_started_at\":\"2026-03-02T09:15:00Z\",\"call_ended_at\":\"2026-03-02T09:21:40Z\","
        + "\"direction\":\"inbound\",\"app_id\":735264019863524,\"agent_id\":"
        + agentId
        + ",\"duration\":400,\"completion_status\":\"completed\",\"queue_name\":\"Support EN\","
        + "\"wait_time\":12,\"talk_time\":353,\"hold_time\":35,\"wrap_up_time\":20,"
        + "\"recording_url\":\"https://recordings.example.com/2026/03/02/bench-"
        + n
        + ".mp3\",\"external_id\":\"bench-"
        + n
        + "\",\"dnis\":\"+18005550199\",\"end_user_location\":\"San Francisco, CA\"";
  }

  /** What a phone system sends when the call's wrap-up ends. */
  static String patchBody(long n) {
    return "{\"call\":{\"call_ended_at\":\"2026-03-02T09:22:10Z\",\"duration\":"
        + (400 + n % 100)
        + ",\"wrap_up_time\":"
        + (n % 60)
        + ",\"call_disposition\":\"resolved\"}}";
  }

  static String commentBody() {
    return "{\"title\":\"Call summary\",\"call_fields\":[\"from_line\",\"to_line\","
        + "\"call_started_at\",\"call_ended_at\",\"direction\",\"duration\"]}";
  }

  byte[] get(String path) {
    return encode("GET", path, null);
  }

  byte[] post(String path, String body) {
    return encode("POST", path, body);
  }

  byte[] patch(String path, String body) {
    return encode("PATCH", path, body);
  }

  private byte[] encode(String method, String path, @Nullable String body) {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head =
        new StringBuilder(256)
            .append(method)
            .append(' ')
            .append(path)
            .append(" HTTP/1.1\r\nHost: localhost\r\nAuthorization: ")
            .append(authorization)
            .append("\r\nAccept: application/json\r\n");
    if (body != null) {
      head.append("Content-Type: application/json\r\nContent-Length: ")
          .append(content.length)
          .append("\r\n");
    }
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[headBytes.length + content.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(content, 0, request, headBytes.length, content.length);
    return request;
  }
}

package dev.dialtone.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small HTTP client for tests: real requests over loopback, immutable settings. Every successful
 * answer of Zendesk's API that names its object by its root key is checked against Zendesk's shape
 * of that object ({@link AnswerShapes}).
 */
public final class Api {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final int port;
  private final Map<String, String> headers;

  public Api(int port) {
    this(port, Map.of());
  }

  private Api(int port, Map<String, String> headers) {
    this.port = port;
    this.headers = Map.copyOf(headers);
  }

  /** The same client, sending to another port. */
  public Api onPort(int otherPort) {
    return new Api(otherPort, headers);
  }

  public Api withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Api(port, more);
  }

  public Api withoutHeader(String name) {
    Map<String, String> fewer = new LinkedHashMap<>(headers);
    fewer.remove(name);
    return new Api(port, fewer);
  }

  /** Basic {@code email/token:TOKEN}. */
  public Api withToken(String email, String token) {
    return withBasic(email + "/token", token);
  }

  /** Basic {@code user:secret}. */
  public Api withBasic(String user, String secret) {
    String encoded =
        Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return withHeader("Authorization", "Basic " + encoded);
  }

  public Api withBearer(String token) {
    return withHeader("Authorization", "Bearer " + token);
  }

  /** Addresses the account of this subdomain of localhost, as {@code acme.localhost} does. */
  public Api forAccount(String subdomain) {
    return withHeader("Host", subdomain + ".localhost:" + port);
  }

  public Response get(String path) {
    return send("GET", path, null);
  }

  public Response post(String path, String json) {
    return send("POST", path, json);
  }

  public Response patch(String path, String json) {
    return send("PATCH", path, json);
  }

  public Response put(String path, String json) {
    return send("PUT", path, json);
  }

  public Response send(String method, String path, String json) {
    return sendBytes(
        method, path, json == null ? null : json.getBytes(StandardCharsets.UTF_8), json != null);
  }

  /** Sends raw bytes; a JSON content type is added when {@code asJson} and none was set. */
  public Response sendBytes(String method, String path, byte[] body, boolean asJson) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    if (asJson && !headers.containsKey("Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Response answer = new Response(response.statusCode(), response.body(), response.headers());
      AnswerShapes.check(method, path, answer);
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

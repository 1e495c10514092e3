package dev.dialtone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.config.Config;
import dev.dialtone.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code java -XX:ArchiveClassesAtExit=dialtone.jsa -jar dialtone.jar train}, which the build runs:
 * a server on a throwaway SQLite database and a free loopback port, sent each common request once,
 * then stopped and deleted. The JVM archives every class the run loaded, so that a start with
 * {@code -XX:SharedArchiveFile=dialtone.jsa} maps them at once instead of finding, inflating and
 * verifying each in the jar (README, Performance, says what that saves).
 */
final class Training {
  private static final String ADMIN = "admin@example.com";

  private Training() {}

  static void run() {
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("dialtone-training");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory", e);
    }
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    String token = HexFormat.of().formatHex(secret);
    Config config = Config.defaults(dataDir).withHost("127.0.0.1").withAdmin(ADMIN, null, token);
    DialtoneServer server = DialtoneServer.create(config).start();
    try {
      server.firstStart();
      new Training.Client(server.url(), token).exercise();
    } finally {
      server.close();
      deleteTree(dataDir);
    }
    System.out.println("Dialtone: training run done");
  }

  /** Sends what an integration sends, checking each answer so that a broken run fails the build. */
  private record Client(String base, String authorization, HttpClient http) {
    Client(String base, String token) {
      this(
          base,
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((ADMIN + "/token:" + token).getBytes(StandardCharsets.UTF_8)),
          HttpClient.newHttpClient());
    }

    void exercise() {
      long agent = send("GET", "/api/v2/users/me.json", null, 200).path("user").path("id").asLong();
      String call =
          "\"from_line\":\"+14155550123\",\"to_line\":\"+18005550199\","
              + "\"call_started_at\":\"2026-03-02T09:15:00Z\",\"direction\":\"inbound\","
              + "\"app_id\":1,\"agent_id\":"
              + agent
              + ",\"duration\":400,\"completion_status\":\"completed\"";
      String fields = "\"call_fields\":[\"from_line\",\"to_line\",\"duration\"]";
      JsonNode created =
          send(
                  "POST",
                  "/api/v2/calls",
                  "{\"call\":{" + call + "},\"comment\":{\"title\":\"Call\"," + fields + "}}",
                  201)
              .path("call");
      String path = "/api/v2/calls/" + created.path("id").asLong();
      send("POST", "/api/v2/calls", "{\"call\":{" + call + "}}", 201);
      send("GET", path, null, 200);
      send("PATCH", path, "{\"call\":{\"call_disposition\":\"resolved\"}}", 200);
      send("POST", path + "/comments", "{\"title\":\"Summary\"," + fields + "}", 201);
      send("GET", "/api/v2/tickets/" + created.path("ticket_id").asLong() + "/comments", null, 200);
      send("POST", "/api/v2/calls", "{\"call\":{\"direction\":\"sideways\"}}", 422);
    }

    private JsonNode send(String method, String path, @Nullable String body, int expected) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Authorization", authorization)
              .header("Content-Type", "application/json")
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body))
              .build();
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException("training: " + method + " " + path + " failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("training interrupted", e);
      }
      if (response.statusCode() != expected) {
        throw new IllegalStateException(
            "training: "
                + method
                + " "
                + path
                + " answered "
                + response.statusCode()
                + ", not "
                + expected
                + ": "
                + response.body());
      }
      return Json.parseObject(response.body().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("dialtone: training left " + dir + " behind: " + e.getMessage());
    }
  }
}

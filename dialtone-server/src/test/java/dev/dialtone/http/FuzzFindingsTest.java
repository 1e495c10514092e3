package dev.dialtone.http;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.RawHttp;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests {@link FuzzTest} found answered with a 5xx, pinned one by one. */
class FuzzFindingsTest {
  static final String RECORD_NOT_FOUND =
      "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}";

  @TempDir static Path dataDir;
  static TestServer server;
  static Api admin;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    admin = server.admin();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  // Nineteen digits above Long.MAX_VALUE passed the length check and overflowed: 500.
  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775808", "9999999999999999999"})
  void pathIdOfNineteenDigitsBeyond64Bits_isRecordNotFound(String id) {
    assertThat(admin.get("/api/v2/calls/" + id).body()).isEqualTo(RECORD_NOT_FOUND);
    assertThat(admin.patch("/api/v2/calls/" + id, json("{'call': {'duration': 1}}")).body())
        .isEqualTo(RECORD_NOT_FOUND);
    assertThat(admin.get("/api/v2/tickets/" + id + "/comments").body()).isEqualTo(RECORD_NOT_FOUND);
  }

  // Jetty reads a request line without a version as HTTP/0.9 and answered 505.
  @Test
  void requestLineWithoutAVersion_isBadRequest() {
    Response response = RawHttp.send(server.port(), "GET  HTTP/1.1\r\nHost: localhost\r\n");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).isEqualTo("BadRequest");
  }
}

package dev.dialtone.call;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallsApiTest {
  @TempDir static Path dataDir;
  static TestServer server;
  static Api api;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    api = server.admin();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static final String MINIMAL_CALL =
      json(
          "{'call': {'app_id': 735264019863524, 'call_started_at': '2022-01-27T15:31:40+01',"
              + " 'direction': 'inbound', 'from_line': '+16617480123', 'to_line': '+14948848487'}}");

  @Test
  void create_returnsEveryFieldWithTimestampsInUtc() {
    Response created = api.post("/api/v2/calls", MINIMAL_CALL);

    assertThat(created.status()).isEqualTo(201);
    JsonNode call = created.json().get("call");
    assertThat(call.get("call_started_at").asText()).isEqualTo("2022-01-27T14:31:40Z");
    assertThat(call.has("wrap_up_time")).isTrue();
    assertThat(call.get("wrap_up_time").isNull()).isTrue();
    assertThat(call.get("ticket_id").isNull()).isTrue();
    assertThat(call.get("id").asLong()).isGreaterThan(1L << 32);
  }

  @Test
  void unsetRecordingConsent_isSentAsNullLikeEveryUnsetField() {
    // BEHAVIOUR.md §2 [wire]: Zendesk's call answers keep every field of the table, unset ones as
    // null; the reference's shorter examples leave out every unset field alike, not this one.
    JsonNode created = api.post("/api/v2/calls", MINIMAL_CALL).json().get("call");
    JsonNode read = api.get("/api/v2/calls/" + created.get("id").asLong()).json().get("call");

    for (JsonNode call : List.of(created, read)) {
      assertThat(call.has("call_recording_consent")).isTrue();
      assertThat(call.get("call_recording_consent").isNull()).isTrue();
    }
  }

  @Test
  void patch_mergesOnlyGivenFields() {
    long id = api.post("/api/v2/calls", MINIMAL_CALL).json().get("call").get("id").asLong();

    Response patched =
        api.patch("/api/v2/calls/" + id + ".json", json("{'call': {'duration': 120}}"));

    assertThat(patched.status()).isEqualTo(200);
    JsonNode call = api.get("/api/v2/calls/" + id).json().get("call");
    assertThat(call.get("duration").asInt()).isEqualTo(120);
    assertThat(call.get("from_line").asText()).isEqualTo("+16617480123");
  }
}

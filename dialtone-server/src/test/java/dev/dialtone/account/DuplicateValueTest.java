package dev.dialtone.account;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateValueTest {
  @TempDir Path dataDir;

  @Test
  void anAccountWithATokenThatExists_isRecordInvalid_andNothingIsCreated() {
    try (TestServer server = TestServer.start(dataDir)) {
      Response refused =
          server
              .admin()
              .post(
                  "/_dialtone/accounts",
                  json(
                      "{'account': {'subdomain': 'twin', 'admin_email': 'a@twin.test',"
                          + " 'admin_token': '"
                          + TestServer.ADMIN_TOKEN
                          + "'}}"));

      assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
      assertThat(refused.json().get("error").asText()).isEqualTo("RecordInvalid");
      assertThat(refused.json().get("details").get("base").get(0).get("error").asText())
          .isEqualTo("InvalidValue");
      assertThat(refused.body()).doesNotContain(TestServer.ADMIN_TOKEN);
      Response retried =
          server
              .admin()
              .post(
                  "/_dialtone/accounts",
                  json("{'account': {'subdomain': 'twin', 'admin_email': 'a@twin.test'}}"));
      assertThat(retried.status()).as("the refused request left no account behind").isEqualTo(201);
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "admin_token|''",
        "admin_token|x",
        "admin_password|x",
        "admin_email|@",
        "admin_email|'a@b.test\\r\\nX: y'"
      })
  void weakCredentialsForANewAccount_areRecordInvalid(String key, String value) {
    try (TestServer server = TestServer.start(dataDir)) {
      String body =
          "{\"account\": {\"subdomain\": \"weak\", "
              + (key.equals("admin_email") ? "" : "\"admin_email\": \"w@weak.test\", ")
              + "\""
              + key
              + "\": \""
              + value
              + "\"}}";

      Response refused = server.admin().post("/_dialtone/accounts", body);

      assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
      assertThat(refused.json().get("details").has(key)).as(refused.toString()).isTrue();
    }
  }
}

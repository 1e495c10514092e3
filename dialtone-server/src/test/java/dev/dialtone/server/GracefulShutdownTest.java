package dev.dialtone.server;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.DialtoneServer;
import dev.dialtone.config.Config;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.TestServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GracefulShutdownTest {
  @TempDir Path dataDir;

  @Test
  void stop_letsARequestInFlightFinishAndKeepsItsWrite() throws Exception {
    Config config =
        Config.defaults(dataDir)
            .withAdmin(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD, TestServer.ADMIN_TOKEN);
    DialtoneServer server = DialtoneServer.create(config).start();
    byte[] body =
        json("{'call': {'app_id': 1, 'call_started_at': '2022-01-27T15:31:40Z',"
                + " 'direction': 'inbound', 'from_line': '+16617480123',"
                + " 'to_line': '+16617480124', 'external_id': 'in-flight'}}")
            .getBytes(StandardCharsets.UTF_8);
    String credentials =
        Base64.getEncoder()
            .encodeToString(
                (TestServer.ADMIN_EMAIL + "/token:" + TestServer.ADMIN_TOKEN)
                    .getBytes(StandardCharsets.UTF_8));

    String response;
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v2/calls HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                  + credentials
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, body.length / 2);
      out.flush();
      Thread.sleep(1_000); // the request is now in flight: headers read, body half sent

      CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
      // The client goes on sending, a little at a time, while the server is stopping.
      for (int i = body.length / 2; i < body.length; i++) {
        out.write(body[i]);
        out.flush();
        Thread.sleep(5);
      }
      InputStream in = socket.getInputStream();
      response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      stopping.get();
    }

    assertThat(response).startsWith("HTTP/1.1 201");
    long id = Long.parseLong(response.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
    try (DialtoneServer restarted = DialtoneServer.create(config).start()) {
      Api api = new Api(restarted.port()).withToken(TestServer.ADMIN_EMAIL, TestServer.ADMIN_TOKEN);
      assertThat(api.get("/api/v2/calls/" + id).json().at("/call/external_id").asText())
          .isEqualTo("in-flight");
    }
  }
}

package dev.dialtone.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialtone.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {
  @TempDir Path dataDir;
  @TempDir Path pemDir;

  @Test
  void selfSigned_servesHttpsWithACertificateKeptAcrossRestarts() throws Exception {
    try (TestServer server = TestServer.start(dataDir, config -> config.withTls(null, null))) {
      KeyStore kept = load(dataDir.resolve("tls/self-signed.p12"));
      HttpClient client = trusting(kept);

      HttpResponse<String> live = get(client, "https://localhost:" + server.port());
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(live.headers().firstValue("X-Request-Id")).isPresent();

      HttpResponse<String> me =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("https://127.0.0.1:" + server.port() + "/api/v2/users/me"))
                  .header("Authorization", basic())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(me.statusCode()).isEqualTo(200);
      assertThat(me.body()).contains("\"url\":\"https://");

      // Plain HTTP is not served on the HTTPS port.
      assertThatThrownBy(() -> get(HttpClient.newHttpClient(), "http://localhost:" + server.port()))
          .isInstanceOf(IOException.class);

      server.restart();
      assertThat(get(client, "https://localhost:" + server.port()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void pemFiles_areServed() throws Exception {
    // Make a key and certificate the way an operator's tooling would, then hand Dialtone PEMs.
    KeyStore made = TlsKeys.selfSigned(pemDir.resolve("source"));
    X509Certificate certificate = (X509Certificate) made.getCertificate("dialtone");
    Path cert = pemDir.resolve("cert.pem");
    Path key = pemDir.resolve("key.pem");
    Files.writeString(cert, pem("CERTIFICATE", certificate.getEncoded()));
    Files.writeString(
        key, pem("PRIVATE KEY", made.getKey("dialtone", TlsKeys.STORE_PASSWORD).getEncoded()));

    try (TestServer server = TestServer.start(dataDir, config -> config.withTls(cert, key))) {
      assertThat(get(trusting(made), "https://localhost:" + server.port()).statusCode())
          .isEqualTo(200);
    }
  }

  private static HttpResponse<String> get(HttpClient client, String base) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + "/_dialtone/health/live"))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpClient trusting(KeyStore keys) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("dialtone", keys.getCertificate("dialtone"));
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), new SecureRandom());
    return HttpClient.newBuilder().sslContext(context).build();
  }

  private static KeyStore load(Path file) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, TlsKeys.STORE_PASSWORD);
    }
    return store;
  }

  private static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (TestServer.ADMIN_EMAIL + "/token:" + TestServer.ADMIN_TOKEN)
                    .getBytes(StandardCharsets.UTF_8));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}

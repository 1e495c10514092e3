package dev.dialtone.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialtone.DialtoneServer;
import dev.dialtone.config.Config;
import dev.dialtone.config.ConfigException;
import dev.dialtone.testing.TestPostgres;
import dev.dialtone.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting and operating Dialtone as an operator does, as a separate process: what it prints, how
 * it exits, what it leaves on disk, and the way back in when the first credentials are lost.
 */
class StartUpTest {
  private static final Pattern TOKEN = Pattern.compile("API token: (\\S+)");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir Path dir;

  @Test
  void portInUse_isOneLineNamingTheSetting_andTheNextStartStillPrintsTheCredentials()
      throws IOException {
    Path data = dir.resolve("data");
    try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
      int port = busy.getLocalPort();
      DialtoneProcess.Finished failed =
          DialtoneProcess.run(List.of("--port", Integer.toString(port), "--data-dir", data + ""));

      assertThat(failed.exitValue()).isEqualTo(2);
      assertThat(errorLines(failed))
          .containsExactly(
              "dialtone: port "
                  + port
                  + " is in use or not available: set DIALTONE_PORT or --port");
      assertThat(failed.stdout()).doesNotContain("Created account");
    }

    Path log = dir.resolve("second.log");
    DialtoneProcess second =
        DialtoneProcess.startListening(List.of("--port", "0", "--data-dir", data + ""), log);
    try {
      String output = Files.readString(log);
      assertThat(output).contains("Created account 'dialtone' with admin admin@example.com");
      assertThat(output).contains("  password:  ").contains("  API token: ");
    } finally {
      second.stop();
    }
  }

  @Test
  void secondServerOnOneDataDir_exitsAtOnceNamingTheFirstOnesPid() {
    Path data = dir.resolve("data");
    DialtoneProcess first = DialtoneProcess.start(data, null, dir.resolve("first.log"), List.of());
    try {
      DialtoneProcess.Finished second =
          DialtoneProcess.run(List.of("--port", "0", "--data-dir", data + ""));

      assertThat(second.exitValue()).isEqualTo(2);
      assertThat(errorLines(second))
          .containsExactly(
              "dialtone: another Dialtone (pid "
                  + first.pid()
                  + ") is running on the data dir "
                  + data.toAbsolutePath().normalize()
                  + ": stop it, or set DIALTONE_DATA_DIR or --data-dir to another directory");
      assertThat(second.stdout()).doesNotContain("listening");
    } finally {
      first.stop();
    }
    // Once the first has stopped, the data dir is free again.
    DialtoneProcess.start(data, null, dir.resolve("third.log"), List.of()).stop();
  }

  @Test
  void secondServerOnOneDataDir_inOneProcess_isRefusedToo() {
    Path data = dir.resolve("data");
    try (DialtoneServer first = DialtoneServer.create(Config.defaults(data)).start()) {
      assertThatThrownBy(() -> DialtoneServer.create(Config.defaults(data)).start())
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith(
              "another Dialtone (pid " + ProcessHandle.current().pid() + ") is running");
      assertThat(first.port()).isPositive();
    }
    DialtoneServer.create(Config.defaults(data)).start().close();
  }

  @Test
  void selfSignedTls_printsTheHttpsUrl_andEveryFileIsPrivate() throws IOException {
    Path data = dir.resolve("data");
    Path log = dir.resolve("tls.log");
    DialtoneProcess server =
        DialtoneProcess.startListening(
            List.of("--port", "0", "--data-dir", data + "", "--tls-self-signed", "true"), log);
    try {
      List<String> lines = Files.readAllLines(log);
      assertThat(lines.get(lines.size() - 1))
          .isEqualTo(
              "Dialtone listening on https://localhost:"
                  + server.port()
                  + "/api/v2/calls; agent console at https://localhost:"
                  + server.port()
                  + "/agent");

      assertThat(mode(data)).isEqualTo("rwx------");
      assertThat(mode(data.resolve("tls"))).isEqualTo("rwx------");
      for (String file :
          List.of(
              "dialtone.db",
              "dialtone.db-wal",
              "dialtone.db-shm",
              "dialtone.lock",
              "tls/self-signed.p12")) {
        assertThat(mode(data.resolve(file))).as(file).isEqualTo("rw-------");
      }
    } finally {
      server.stop();
    }
  }

  @Test
  void startUpErrors_areOneLineNamingTheSetting_withExitStatus2() throws IOException {
    Path notADirectory = Files.createFile(dir.resolve("file"));
    assertOneLineError(
        List.of("--port", "0", "--data-dir", notADirectory.resolve("data").toString()),
        "dialtone: cannot write the data dir ",
        "set DIALTONE_DATA_DIR or --data-dir");
    assertOneLineError(
        List.of(
            "--port",
            "0",
            "--data-dir",
            dir.resolve("pg").toString(),
            "--database-url",
            "jdbc:postgresql://127.0.0.1:1/dialtone",
            "--database-timeout-ms",
            "500"),
        "dialtone: cannot connect to PostgreSQL (",
        "set DIALTONE_DATABASE_URL or --database-url");
    assertOneLineError(
        List.of("--data-dri", "x"),
        "dialtone: unknown flag --data-dri; did you mean --data-dir?",
        "did you mean --data-dir?");
    assertOneLineError(
        List.of("--port", "0", "--host", "no-such-host.invalid", "--data-dir", dir + "/h"),
        "dialtone: cannot listen on no-such-host.invalid",
        "set DIALTONE_HOST or --host");
  }

  @Test
  void version_printsTheVersionAndExits() {
    DialtoneProcess.Finished version = DialtoneProcess.run(List.of("--version"));

    assertThat(version.exitValue()).isZero();
    assertThat(version.stdout()).startsWith("Dialtone ");
  }

  @Test
  void help_listsEverySetting() {
    String help = DialtoneProcess.run(List.of("--help")).stdout();

    assertThat(help).contains("DIALTONE_HOST", "--host", "admin-token", "--version");
  }

  @Test
  void adminToken_whileTheServerRuns_andAfter_printsATokenThatSignsIn() throws Exception {
    Path data = dir.resolve("data");
    DialtoneProcess server =
        DialtoneProcess.start(data, null, dir.resolve("server.log"), List.of());
    try {
      String token = adminToken(List.of("admin-token", "--data-dir", data + ""));

      assertThat(statusOfMe(server, token)).isEqualTo(200);
    } finally {
      server.stop();
    }
    String offline = adminToken(List.of("admin-token", "--data-dir", data + ""));
    DialtoneProcess again = DialtoneProcess.start(data, null, dir.resolve("again.log"), List.of());
    try {
      assertThat(statusOfMe(again, offline)).isEqualTo(200);
      assertThat(statusOfMe(again, "not" + offline)).isEqualTo(401);
    } finally {
      again.stop();
    }
  }

  @Test
  void adminToken_onPostgres_printsATokenThatSignsIn() throws Exception {
    String url = TestPostgres.newDatabase();
    DialtoneProcess server = DialtoneProcess.start(dir, url, dir.resolve("server.log"), List.of());
    try {
      String token = adminToken(List.of("admin-token", "--database-url", url));

      assertThat(statusOfMe(server, token)).isEqualTo(200);
    } finally {
      server.stop();
    }
  }

  @Test
  void adminToken_forAnUnknownAccountOrDataDir_isOneLine() {
    assertOneLineError(
        List.of("admin-token", "--data-dir", dir.resolve("empty").toString()),
        "dialtone: no Dialtone database in ",
        "set DIALTONE_DATA_DIR or --data-dir");
  }

  @Test
  void readOnlyDatabase_isNotReady_andWritesSaySoWithOneLogLine() throws Exception {
    String url = TestPostgres.newDatabase();
    Path log = dir.resolve("server.log");
    DialtoneProcess server = DialtoneProcess.start(dir, url, log, List.of());
    try {
      try (Connection connection = DriverManager.getConnection(url);
          Statement statement = connection.createStatement()) {
        statement.execute(
            "DO $$ BEGIN EXECUTE 'ALTER DATABASE ' || quote_ident(current_database())"
                + " || ' SET default_transaction_read_only = on'; END $$");
        // The server's pooled sessions were opened writable: make it open new ones.
        statement.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
      }
      HttpResponse<String> ready = get(server, "/_dialtone/health/ready", null);
      for (int i = 0; i < 50 && !ready.body().contains("read-only"); i++) {
        Thread.sleep(100);
        ready = get(server, "/_dialtone/health/ready", null);
      }
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body())
          .isEqualTo("{\"status\":\"unavailable\",\"reason\":\"the database is read-only\"}");

      for (int i = 0; i < 5; i++) {
        HttpResponse<String> write =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v2/users"))
                    .header("Authorization", basic(TestServer.ADMIN_TOKEN))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"user\":{\"name\":\"Ann " + i + "\"}}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).isEqualTo(503);
        assertThat(write.body())
            .contains(
                "The database cannot be written (the database is read-only); an operator must"
                    + " fix it before retrying helps");
      }
      // (The connections the test cut off above leave traces of their own before this.)
      String output = Files.readString(log);
      String marker = "the database cannot be written";
      assertThat(output.lines().filter(l -> l.contains(marker))).hasSize(1);
      assertThat(output.substring(output.indexOf(marker))).doesNotContain("\tat ");
    } finally {
      server.stop();
    }
  }

  private static void assertOneLineError(List<String> arguments, String start, String setting) {
    DialtoneProcess.Finished failed = DialtoneProcess.run(arguments);

    assertThat(failed.exitValue()).as(failed.stderr()).isEqualTo(2);
    List<String> lines = errorLines(failed);
    assertThat(lines).as(failed.stderr()).hasSize(1);
    assertThat(lines.get(0)).startsWith(start).contains(setting);
  }

  /**
   * What Main itself said on stderr, after checking that it is the last line and that no stack
   * trace came before it (the libraries' own INFO lines may).
   */
  private static List<String> errorLines(DialtoneProcess.Finished failed) {
    List<String> all = failed.stderr().lines().toList();
    assertThat(all).as(failed.stderr()).isNotEmpty();
    assertThat(all.get(all.size() - 1)).as(failed.stderr()).startsWith("dialtone: ");
    assertThat(failed.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
    return all.stream().filter(line -> line.startsWith("dialtone:")).toList();
  }

  private static String adminToken(List<String> arguments) {
    DialtoneProcess.Finished issued = DialtoneProcess.run(arguments);
    assertThat(issued.exitValue()).as(issued.stderr()).isZero();
    assertThat(issued.stdout()).startsWith("New API token for admin@example.com of account");
    Matcher matcher = TOKEN.matcher(issued.stdout());
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  private static int statusOfMe(DialtoneProcess server, String token) throws Exception {
    HttpResponse<String> me = get(server, "/api/v2/users/me.json", basic(token));
    if (me.statusCode() == 200) {
      assertThat(me.body()).contains("\"role\":\"admin\"");
    }
    return me.statusCode();
  }

  private static HttpResponse<String> get(DialtoneProcess server, String path, String auth)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(10));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String token) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (TestServer.ADMIN_EMAIL + "/token:" + token).getBytes(StandardCharsets.UTF_8));
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}

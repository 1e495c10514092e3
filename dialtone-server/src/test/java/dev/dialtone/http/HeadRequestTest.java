package dev.dialtone.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.Calls;
import dev.dialtone.testing.RawHttp;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Rows;
import dev.dialtone.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HEAD is answered wherever GET is, with the status and headers GET gives and no body: every GET
 * route of {@link RouteSamples}, signed in and not, and an id that names nothing.
 */
class HeadRequestTest {
  /** Headers that differ between any two requests. */
  static final Set<String> PER_REQUEST =
      Set.of(
          "date",
          "x-request-id",
          "x-zendesk-request-id",
          "x-rate-limit-remaining",
          "ratelimit-remaining",
          "ratelimit-reset");

  static final String AUTHORIZATION =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  (TestServer.ADMIN_EMAIL + "/token:" + TestServer.ADMIN_TOKEN)
                      .getBytes(StandardCharsets.UTF_8));

  @TempDir static Path dataDir;
  static TestServer server;
  static List<String> paths;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Every GET route's valid request, plus paths that name no record and no route. */
  static synchronized List<String> paths() {
    if (paths != null) {
      return paths;
    }
    Api admin = server.admin();
    FuzzModel model = new FuzzModel(Map.of());
    model.agents.add(Rows.DEFAULT_ADMIN);
    model.endUsers.add(
        Rows.insertUser(dataDir, Rows.DEFAULT_ACCOUNT, "caller@example.com", "end-user", false));
    model.organizations.add(Rows.insertOrganization(dataDir, Rows.DEFAULT_ACCOUNT, "Initech"));
    model.brands.add(Rows.defaultBrand(dataDir, Rows.DEFAULT_ACCOUNT));
    long call = Calls.create(admin);
    long ticket = Calls.commentAndTicket(admin, call);
    model.calls.put(call, Calls.get(admin, call));
    model.tickets.put(ticket, new FuzzModel.TicketState("new", 1));
    RouteSamples samples = new RouteSamples(new Random(11), model, server.routes());
    paths = new ArrayList<>();
    for (String route : samples.routes()) {
      for (int i = 0; i < 3; i++) {
        RouteSamples.Sample sample = samples.valid(route);
        if (sample.method().equals("GET") && !paths.contains(sample.path())) {
          paths.add(sample.path());
        }
      }
    }
    paths.addAll(
        List.of(
            "/_dialtone/health/live",
            "/_dialtone/health/ready",
            "/api/v2/calls/999999999999",
            "/api/v2/tickets/999999999999.json",
            "/api/v2/nothing-here"));
    return paths;
  }

  @ParameterizedTest(name = "signed in: {0}")
  @MethodSource("paths")
  void head_answersAsGetWithoutABody_signedIn(String path) {
    assertHeadLikeGet(path, "Authorization: " + AUTHORIZATION + "\r\n");
  }

  @ParameterizedTest(name = "anonymous: {0}")
  @MethodSource("paths")
  void head_answersAsGetWithoutABody_anonymous(String path) {
    assertHeadLikeGet(path, "");
  }

  static void assertHeadLikeGet(String path, String authorization) {
    Response get = raw("GET", path, authorization);
    Response head = raw("HEAD", path, authorization);

    assertThat(head.status()).as("HEAD %s; GET answered %s", path, get).isEqualTo(get.status());
    assertThat(head.body()).as("HEAD %s", path).isEmpty();
    assertThat(comparable(head)).as("headers of HEAD %s", path).isEqualTo(comparable(get));
    assertThat(get.body()).as("GET %s", path).isNotEmpty();
  }

  static Response raw(String method, String path, String authorization) {
    return RawHttp.send(
        server.port(), method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + authorization);
  }

  /** The response's headers, names lower-cased, without those that change per request. */
  static Map<String, List<String>> comparable(Response response) {
    Map<String, List<String>> headers = new TreeMap<>();
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              String lower = name.toLowerCase(java.util.Locale.ROOT);
              if (!PER_REQUEST.contains(lower)) {
                headers.put(lower, values);
              }
            });
    return headers;
  }
}

package dev.dialtone.http;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.Calls;
import dev.dialtone.testing.RawHttp;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Rows;
import dev.dialtone.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every row of docs/errors.md that Dialtone answers today, byte for byte. */
class ErrorCatalogueTest {
  static final String COULD_NOT_AUTHENTICATE = "{\"error\":\"Couldn't authenticate you\"}";
  static final String INVALID_TOKEN =
      "{\"error\":\"invalid_token\",\"error_description\":\"The access token provided is expired,"
          + " revoked, malformed or invalid for other reasons.\"}";
  static final String FORBIDDEN =
      "{\"error\":{\"title\":\"Forbidden\",\"message\":\"You do not have access to this page."
          + " Please contact the account owner of this help desk for further help.\"}}";
  static final String RECORD_NOT_FOUND =
      "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}";
  static final String INVALID_ENDPOINT =
      "{\"error\":\"InvalidEndpoint\",\"description\":\"Not found\"}";

  static final String TOO_MANY_REQUESTS =
      "{\"error\":\"TooManyRequests\",\"description\":\"Number of allowed API requests per"
          + " minute exceeded\"}";

  static final String END_USER_EMAIL = "caller@example.com";
  static final String END_USER_OAUTH = "end-user-oauth-token-0123456789";
  static final String SUSPENDED_AGENT_OAUTH = "suspended-agent-oauth-token-0123456789";
  static final String AGENT_OAUTH = "agent-oauth-token-0123456789";

  @TempDir static Path dataDir;
  static TestServer server;
  static Api admin;
  static long callId;
  static long otherAccountCallId;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    admin = server.admin();
    callId = Calls.create(admin);
    long endUser =
        Rows.insertUser(dataDir, Rows.DEFAULT_ACCOUNT, END_USER_EMAIL, "end-user", false);
    Rows.insertOAuthToken(dataDir, Rows.DEFAULT_ACCOUNT, endUser, END_USER_OAUTH);
    long suspended =
        Rows.insertUser(dataDir, Rows.DEFAULT_ACCOUNT, "gone@example.com", "agent", true);
    Rows.insertOAuthToken(dataDir, Rows.DEFAULT_ACCOUNT, suspended, SUSPENDED_AGENT_OAUTH);
    long agent =
        Rows.insertUser(dataDir, Rows.DEFAULT_ACCOUNT, "agent@example.com", "agent", false);
    Rows.insertOAuthToken(dataDir, Rows.DEFAULT_ACCOUNT, agent, AGENT_OAUTH);
    Response acme =
        admin.post(
            "/_dialtone/accounts",
            json(
                "{'account': {'subdomain': 'acme', 'admin_email': 'a@acme.test',"
                    + " 'admin_token': 'acmetoken0123456789abcdefghijklmnopqrst'}}"));
    assertThat(acme.status()).as(acme.toString()).isEqualTo(201);
    otherAccountCallId =
        Calls.create(
            new Api(server.port())
                .forAccount("acme")
                .withToken("a@acme.test", "acmetoken0123456789abcdefghijklmnopqrst"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static void assertError(Response response, int status, String body) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.body()).isEqualTo(body);
    assertJsonUtf8WithRequestId(response);
  }

  static void assertJsonUtf8WithRequestId(Response response) {
    assertThat(response.mediaType()).as(response.toString()).isEqualTo("application/json");
    assertThat(response.charset()).isEqualTo("utf-8");
    assertThat(response.header("X-Request-Id")).isNotBlank();
    assertThat(response.header("X-Zendesk-Request-Id")).isEqualTo(response.header("X-Request-Id"));
  }

  static Stream<Arguments> badCredentials() {
    Api anonymous = new Api(0);
    return Stream.of(
        Arguments.of("no Authorization header", anonymous),
        Arguments.of("a wrong password", anonymous.withBasic(TestServer.ADMIN_EMAIL, "wrong")),
        Arguments.of(
            "a wrong API token", anonymous.withToken(TestServer.ADMIN_EMAIL, "not-the-token")),
        Arguments.of(
            "the API token of an unknown email",
            anonymous.withToken("nobody@example.com", TestServer.ADMIN_TOKEN)),
        Arguments.of("Basic that is not base64", anonymous.withHeader("Authorization", "Basic %%")),
        Arguments.of("an unknown scheme", anonymous.withHeader("Authorization", "Digest abc")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCredentials")
  void badBasicCredentials_answer401WithTheBasicChallenge(String why, Api template) {
    Response response = onServer(template).get("/api/v2/calls/" + callId);

    assertError(response, 401, COULD_NOT_AUTHENTICATE);
    assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Web Password\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-token", "x"})
  void badBearerToken_answers401InvalidToken(String token) {
    Response response = anonymous().withBearer(token).get("/api/v2/calls/" + callId);

    assertError(response, 401, INVALID_TOKEN);
  }

  @Test
  void validBearerTokenOfAnAgent_isAccepted() {
    assertThat(anonymous().withBearer(AGENT_OAUTH).get("/api/v2/calls/" + callId).status())
        .isEqualTo(200);
  }

  @Test
  void endUserWithBearerToken_answers403() {
    assertError(
        anonymous().withBearer(END_USER_OAUTH).get("/api/v2/calls/" + callId), 403, FORBIDDEN);
  }

  @Test
  void endUserWithTheAccountsApiToken_answers403() {
    Response response =
        anonymous()
            .withToken(END_USER_EMAIL, TestServer.ADMIN_TOKEN)
            .post("/api/v2/calls", Calls.MINIMAL);

    assertError(response, 403, FORBIDDEN);
  }

  @Test
  void suspendedAgent_answers403() {
    assertError(
        anonymous().withBearer(SUSPENDED_AGENT_OAUTH).get("/api/v2/calls/" + callId),
        403,
        FORBIDDEN);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("unknownRecords")
  void unknownOrForeignRecord_answers404RecordNotFound(String method, String path, String body) {
    assertError(admin.send(method, path, body), 404, RECORD_NOT_FOUND);
  }

  static Stream<Arguments> unknownRecords() {
    String comment = json("{'title': 'hello'}");
    String patch = json("{'call': {'duration': 1}}");
    return Stream.of(
            "/api/v2/calls/999",
            "/api/v2/calls/" + (callId + 1_000_000),
            "/api/v2/calls/" + otherAccountCallId,
            "/api/v2/calls/abc",
            "/api/v2/calls/0",
            "/api/v2/calls/-1",
            "/api/v2/calls/99999999999999999999999",
            "/api/v2/calls/1.5")
        .flatMap(
            path ->
                Stream.of(
                    Arguments.of("GET", path, null),
                    Arguments.of("GET", path + ".json", null),
                    Arguments.of("PATCH", path, patch),
                    Arguments.of("POST", path + "/comments", comment),
                    Arguments.of("POST", path + "/comments.json", comment)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("unknownRoutes")
  void unknownRouteOrWrongMethod_answers404InvalidEndpointWithoutCredentials(
      String method, String path) {
    assertError(anonymous().send(method, path, null), 404, INVALID_ENDPOINT);
  }

  static Stream<Arguments> unknownRoutes() {
    return Stream.of(
        Arguments.of("GET", "/api/v2/nothing"),
        Arguments.of("GET", "/api/v2/calls"),
        Arguments.of("GET", "/api/v2/calls.json"),
        Arguments.of("PUT", "/api/v2/calls/1"),
        Arguments.of("DELETE", "/api/v2/calls/1"),
        Arguments.of("GET", "/api/v2/calls/1/comments"),
        Arguments.of("PATCH", "/api/v2/calls"),
        Arguments.of("POST", "/api/v2/calls/1"),
        // "/" sends a browser to the agent console (ConsoleSignInTest).
        Arguments.of("GET", "/robots.txt"),
        Arguments.of("GET", "/api/v2/calls/1/comments/2"));
  }

  @Test
  void validationError_hasZendesksRecordInvalidShape() {
    Response response = admin.post("/api/v2/calls", json("{'call': {'direction': 'sideways'}}"));

    assertError(
        response,
        422,
        json(
            "{'error':'RecordInvalid','description':'Record validation errors','details':{"
                + "'direction':[{'description':'Direction: is not one of inbound, outbound,"
                + " internal, callback','error':'InvalidValue'}],"
                + "'app_id':[{'description':'App id: cannot be blank','error':'BlankValue'}],"
                + "'call_started_at':[{'description':'Call started at: cannot be blank',"
                + "'error':'BlankValue'}],"
                + "'from_line':[{'description':'From line: cannot be blank','error':'BlankValue'}],"
                + "'to_line':[{'description':'To line: cannot be blank','error':'BlankValue'}]}}"));
  }

  @Test
  void idempotencyKeyReusedWithAnotherBody_answers400IdempotentRequestError() {
    Api keyed = admin.withHeader("Idempotency-Key", "catalogue-key");
    assertThat(keyed.post("/api/v2/calls", Calls.MINIMAL).status()).isEqualTo(201);

    Response response = keyed.post("/api/v2/calls", json("{'call': {'direction': 'outbound'}}"));

    assertError(
        response,
        400,
        "{\"error\":\"IdempotentRequestError\","
            + "\"description\":\"Request parameters don't match the given idempotency key\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "{\"call\": }", "[]", "\"call\"", "{\"call\": [1]}", "{\"x\": 1}"})
  void bodyThatIsNotACallEnvelope_answers400InvalidJson(String body) {
    Response response = admin.post("/api/v2/calls", body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).isEqualTo("InvalidJSON");
    assertThat(response.json().get("description").asText()).isNotBlank();
    assertThat(response.json().size()).isEqualTo(2);
    assertJsonUtf8WithRequestId(response);
  }

  @Test
  void syntaxError_namesLineAndColumn() {
    Response response = admin.post("/api/v2/calls", "{\n  \"call\": {,}\n}");

    assertThat(response.json().get("description").asText()).contains("line 2, column");
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
  void nonJsonContentType_answers415(String contentType) {
    Response response =
        admin.withHeader("Content-Type", contentType).post("/api/v2/calls", Calls.MINIMAL);

    assertThat(response.status()).isEqualTo(415);
    assertThat(response.json().get("error").asText()).isEqualTo("UnsupportedMediaType");
    assertThat(response.json().get("description").asText()).contains(contentType);
    assertJsonUtf8WithRequestId(response);
  }

  @Test
  void jsonContentTypeWithCharset_isAccepted() {
    Response response =
        admin
            .withHeader("Content-Type", "application/json; charset=UTF-8")
            .post("/api/v2/calls", Calls.MINIMAL);

    assertThat(response.status()).isEqualTo(201);
  }

  @Test
  void bodyOverTwoMebibytes_answers413() {
    String padding = "x".repeat(2 * 1024 * 1024);
    String body = "{\"call\": {\"transcript\": \"" + padding + "\"}}";

    Response response = admin.post("/api/v2/calls", body);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.json().get("error").asText()).isEqualTo("RequestTooLarge");
    assertJsonUtf8WithRequestId(response);
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 6, 12})
  void bodyOfSeveralMebibytes_answers413RatherThanResettingTheUpload(int mebibytes) {
    String body =
        "{\"call\": {\"transcript\": \"" + "\u00e9".repeat(mebibytes * 512 * 1024) + "\"}}";

    for (int attempt = 0; attempt < 3; attempt++) {
      Response response = admin.post("/api/v2/calls/" + callId + "/comments", body);

      assertThat(response.status()).isEqualTo(413);
      assertThat(response.json().get("error").asText()).isEqualTo("RequestTooLarge");
    }
  }

  /**
   * A declared length past 2 GiB no longer fits an {@code int}: read as "unknown", it once made the
   * server wait for a body that was never coming, then answer 400.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {"16777217", "2147483647", "2147483648", "3000000000", "9223372036854775807"})
  void declaredBodyLengthOverTheLimit_answers413AtOnce(String contentLength) {
    byte[] request =
        ("POST /api/v2/calls HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + "Basic "
                + java.util.Base64.getEncoder()
                    .encodeToString(
                        (TestServer.ADMIN_EMAIL + "/token:" + TestServer.ADMIN_TOKEN)
                            .getBytes(StandardCharsets.UTF_8))
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + contentLength
                + "\r\nConnection: close\r\n\r\n{\"call\": {")
            .getBytes(StandardCharsets.ISO_8859_1);
    long callsBefore = Rows.count(dataDir, "calls");

    Response response =
        RawHttp.sendLeavingUploadOpen(server.port(), request, java.time.Duration.ofSeconds(5));

    assertError(
        response,
        413,
        "{\"error\":\"RequestTooLarge\",\"description\":\"The request body is larger than the"
            + " limit of 2097152 bytes\"}");
    assertThat(Rows.count(dataDir, "calls")).isEqualTo(callsBefore);
  }

  /**
   * NUL is refused in every body before any route reads it: PostgreSQL cannot store it (a 503 once)
   * and SQLite cuts strings at it, so it would be stored on one database and not the other.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v2/calls|{'call': {'app_id': 1, 'call_started_at': '2022-01-27T15:31:40Z',"
            + " 'direction': 'inbound', 'from_line': '+1', 'to_line': '+2', 'queue_name':"
            + " 'Sales\\u0000'}}|call.queue_name",
        "/api/v2/tickets|{'ticket': {'subject': 'Printer', 'comment': {'body': 'x\\u0000'}}}"
            + "|ticket.comment.body",
        "/api/v2/users|{'user': {'name': 'Mary', 'tags': ['a', '\\u0000']}}|user.tags[1]",
        "/api/v2/users|{'user': {'name': 'Mary', 'x\\u0000': 1}}|a key of user"
      })
  void nulInABody_answers400AndWritesNothing(String path, String body, String where) {
    Map<String, Long> before = new java.util.LinkedHashMap<>();
    for (String table : List.of("calls", "tickets", "ticket_comments", "users")) {
      before.put(table, Rows.count(dataDir, table));
    }

    Response response = admin.post(path, json(body));

    assertError(
        response,
        400,
        "{\"error\":\"InvalidJSON\",\"description\":\"The request body holds the NUL character"
            + " (\\\\u0000) in "
            + where
            + "; text may hold any character but that one\"}");
    for (Map.Entry<String, Long> table : before.entrySet()) {
      assertThat(Rows.count(dataDir, table.getKey()))
          .as(table.getKey())
          .isEqualTo(table.getValue());
    }
  }

  @Test
  void malformedUriEscape_answersJson400NotJettysHtmlPage() {
    Response response =
        RawHttp.send(server.port(), "GET /api/v2/calls/%zz HTTP/1.1\r\nHost: localhost\r\n");

    assertError(response, 400, "{\"error\":\"BadRequest\",\"description\":\"Bad Request\"}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GARBAGE\r\n",
        "GET /api/v2/calls/1 HTTP/1.1\r\n",
        "PATCH /api/v2/calls/1 HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n"
      })
  void malformedRequest_answersJson400BadRequest(String request) {
    Response response = RawHttp.send(server.port(), request);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).isEqualTo("BadRequest");
    assertThat(response.json().get("description").asText()).isNotBlank();
    assertJsonUtf8WithRequestId(response);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v2/calls/%00",
        "/api/v2/calls/%2e%2e/%2e%2e/etc/passwd",
        "/api/v2/calls/..%2F1",
        "/api/v2/calls/1%20",
        "/api/v2/calls/1;jsessionid=x",
        "/api/v2/calls/1?x=%zz",
        "//api/v2/calls/1",
        "/api/v2/calls/%E2%98%83",
        "/api/v2/calls/1/../1",
        "*"
      })
  void oddRequestTargets_answerJson4xxNever500(String target) {
    Response response =
        RawHttp.send(
            server.port(),
            "GET "
                + target
                + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + basicToken()
                + "\r\n");

    assertThat(response.status()).as(response.toString()).isBetween(400, 499);
    assertThat(response.json().has("error")).as(response.toString()).isTrue();
    assertJsonUtf8WithRequestId(response);
  }

  @ParameterizedTest
  @ValueSource(strings = {"TRACE", "CONNECT", "FOO", "OPTIONS", "HEAD", "PROPFIND"})
  void unusualMethods_answerJson4xxNever500(String method) {
    Response response =
        RawHttp.send(
            server.port(),
            method + " /api/v2/calls/" + callId + " HTTP/1.1\r\nHost: localhost\r\n");

    assertThat(response.status()).as(response.toString()).isBetween(400, 499);
    if (!method.equals("HEAD")) {
      assertThat(response.json().has("error")).as(response.toString()).isTrue();
    }
    assertJsonUtf8WithRequestId(response);
  }

  @ParameterizedTest
  @ValueSource(strings = {"FOO", "PROPFIND", "TRACE", "OPTIONS"})
  void methodsWithoutRoutes_answerInvalidEndpoint(String method) {
    Response response =
        RawHttp.send(
            server.port(),
            method + " /api/v2/calls/" + callId + " HTTP/1.1\r\nHost: localhost\r\n");

    assertError(response, 404, INVALID_ENDPOINT);
  }

  static String basicToken() {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (TestServer.ADMIN_EMAIL + "/token:" + TestServer.ADMIN_TOKEN)
                    .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void unknownHttpVersion_answersJson505() {
    Response response =
        RawHttp.send(server.port(), "GET /api/v2/calls/1 HTTP/9.9\r\nHost: localhost\r\n");

    assertThat(response.status()).isEqualTo(505);
    assertThat(response.json().get("error").asText()).isEqualTo("HTTPVersionNotSupported");
    assertJsonUtf8WithRequestId(response);
  }

  @Test
  void uriTooLong_answersJson414() {
    Response response =
        RawHttp.send(
            server.port(), "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n");

    assertError(response, 414, "{\"error\":\"URITooLong\",\"description\":\"URI Too Long\"}");
  }

  @Test
  void headersTooLarge_answersJson431() {
    Response response = admin.withHeader("X-Padding", "a".repeat(20_000)).get("/api/v2/calls/1");

    assertError(
        response,
        431,
        "{\"error\":\"RequestHeaderFieldsTooLarge\","
            + "\"description\":\"Request Header Fields Too Large\"}");
  }

  @Test
  void overTheRateLimit_answers429WithRetryAfter() {
    Response created =
        admin.post(
            "/_dialtone/accounts",
            json(
                "{'account': {'subdomain': 'limited', 'admin_email': 'a@limited.test',"
                    + " 'admin_token': 'limitedtoken0123456789abcdefghijklmnop'}}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    admin.patch("/_dialtone/accounts/limited", json("{'account': {'rate_limit_support': 1}}"));
    Api limited =
        new Api(server.port())
            .forAccount("limited")
            .withToken("a@limited.test", "limitedtoken0123456789abcdefghijklmnop");
    limited.get("/api/v2/users/me");

    Response response = limited.get("/api/v2/users/me");
    if (response.status() == 200) {
      response = limited.get("/api/v2/users/me"); // a new minute began between the two
    }

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.body()).isEqualTo(TOO_MANY_REQUESTS);
    assertThat(response.mediaType()).isEqualTo("application/json");
    assertThat(Integer.parseInt(response.header("Retry-After"))).isBetween(1, 60);
  }

  @Test
  void successfulResponses_carryTheSameRequestIdTwice() {
    Response created = admin.post("/api/v2/calls", Calls.MINIMAL);
    Response read = admin.get("/api/v2/calls/" + callId);

    assertJsonUtf8WithRequestId(created);
    assertJsonUtf8WithRequestId(read);
    assertThat(created.header("X-Request-Id")).isNotEqualTo(read.header("X-Request-Id"));
  }

  @Test
  void utf8Body_isReadAsUtf8() {
    byte[] body =
        ("{\"call\": {" + Calls.MINIMAL_FIELDS + ", \"queue_name\": \"Caf\u00e9 \u2615\"}}")
            .getBytes(StandardCharsets.UTF_8);

    Response response = admin.sendBytes("POST", "/api/v2/calls", body, true);

    assertThat(response.json().get("call").get("queue_name").asText())
        .isEqualTo("Caf\u00e9 \u2615");
  }

  static Api anonymous() {
    return server.anonymous();
  }

  /** Rebinds a client built before the server's port was known. */
  static Api onServer(Api template) {
    return template.onPort(server.port());
  }
}

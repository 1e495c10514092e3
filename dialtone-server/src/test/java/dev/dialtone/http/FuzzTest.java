package dev.dialtone.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.testing.RawHttp;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Rows;
import dev.dialtone.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten thousand generated requests against every route: valid bodies mutated by {@link JsonMutator},
 * odd methods, content types, paths and headers, with good credentials mostly and bad ones
 * sometimes, between valid writes whose effects {@link FuzzModel} tracks. No answer may be a 5xx or
 * take longer than {@link #PATIENCE}; every error is JSON with an {@code error} key; and at
 * checkpoints and at the end the stored data is exactly what the successful requests made.
 * Mutations that happen to stay valid succeed, and the model learns them from the answer (their
 * count is printed). The seed is printed; rerun one with {@code FUZZ_SEED=N} (environment) or
 * {@code -Dfuzz.seed=N}, and change the number of requests with {@code FUZZ_REQUESTS}. Requests go
 * over plain sockets, one connection each, so that every byte is the fuzzer's choice.
 */
class FuzzTest {
  static final long SEED = setting("fuzz.seed", "FUZZ_SEED", System.nanoTime());
  static final int REQUESTS = (int) setting("fuzz.requests", "FUZZ_REQUESTS", 10_000);
  static final Duration PATIENCE = Duration.ofSeconds(5);
  static final String AGENT_EMAIL = "fuzz.agent@example.com";
  @TempDir static Path dataDir;
  static TestServer server;
  static String endUserBearer;

  final Random random = new Random(SEED);
  final FuzzModel model = new FuzzModel(counts());
  final RouteSamples samples = new RouteSamples(random, model, server.routes());
  final JsonMutator mutator = new JsonMutator(random);
  final List<String> failures = new ArrayList<>();
  final Map<String, Integer> statuses = new LinkedHashMap<>();
  int sent;
  int mutated;

  /** One request as it goes on the wire. */
  record Request(String why, String method, String target, List<String[]> headers, byte[] body) {
    @Override
    public String toString() {
      String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      return why
          + ": "
          + method
          + " "
          + abbreviate(target, 120)
          + " "
          + abbreviate(text, 160)
          + " headers "
          + headers.stream().map(h -> h[0] + ": " + abbreviate(h[1], 40)).toList();
    }
  }

  @BeforeAll
  static void start() {
    System.out.println("FuzzTest seed: " + SEED + " (rerun with FUZZ_SEED=" + SEED + ")");
    server = TestServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void mutatedRequests_neverFail5xxNorHang_andWriteNothingButTheirSuccesses() {
    long started = System.nanoTime();
    setUp();
    int nextCheckpoint = 2_500;
    try {
      while (sent < REQUESTS) {
        step();
        if (sent >= nextCheckpoint) {
          checkpoint();
          nextCheckpoint += 2_500;
        }
      }
      checkpoint();
    } finally {
      failures.forEach(System.out::println);
    }
    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
    System.out.printf(
        "FuzzTest seed %d: %d requests (%d mutated, %d of them succeeded and were learnt) in %d s;"
            + " statuses %s%n",
        SEED, sent, mutated, model.mutatedSuccesses, seconds, statuses);
    assertThat(failures)
        .as("seed %d: %d problems in %d requests", SEED, failures.size(), sent)
        .isEmpty();
  }

  void step() {
    // A mutated request may turn into a DELETE that succeeds: the samples need an organization
    // and a ticket to name, so one is made again when the last is gone.
    if (model.organizations.isEmpty()) {
      validWrite(samples.valid("organizations.create"));
    }
    if (model.tickets.isEmpty()) {
      validWrite(samples.valid("tickets.create"));
    }
    int dice = random.nextInt(100);
    if (dice < 10) {
      validWrite(samples.valid(pick(RouteSamples.WRITES)));
    } else if (dice < 14) {
      validRead();
    } else {
      mutated++;
      fuzz(mutation(samples.valid(pick(samples.routes()))));
    }
  }

  // ---- the account the fuzzer works in ----

  void setUp() {
    model.agents.add(Rows.DEFAULT_ADMIN);
    validWrite(
        new RouteSamples.Sample(
            "accounts.create",
            "POST",
            "/_dialtone/accounts",
            "{\"account\":{\"subdomain\":\"other\",\"admin_email\":\"a@other.test\"}}"));
    validWrite(
        new RouteSamples.Sample(
            "users.create",
            "POST",
            "/api/v2/users",
            "{\"user\":{\"name\":\"Agent\",\"email\":\""
                + AGENT_EMAIL
                + "\",\"role\":\"agent\"}}"));
    validWrite(
        new RouteSamples.Sample(
            "users.create",
            "POST",
            "/api/v2/users",
            "{\"user\":{\"name\":\"Caller\",\"phone\":\"+1 (513) 555-7611\"}}"));
    Response token =
        validWrite(
            new RouteSamples.Sample(
                "oauth_tokens.create",
                "POST",
                "/api/v2/oauth/tokens",
                "{\"token\":{\"user_id\":"
                    + model.endUsers.get(0)
                    + ",\"scopes\":[\"read\",\"write\"]}}"));
    endUserBearer = token.json().get("token").get("full_token").asText();
    for (String route :
        List.of("organizations.create", "brands.create", "calls.create", "tickets.create")) {
      validWrite(samples.valid(route));
    }
    validWrite(
        new RouteSamples.Sample(
            "calls.create",
            "POST",
            "/api/v2/calls",
            "{\"call\":{\"app_id\":1,\"call_started_at\":\"2022-01-27T15:31:40Z\",\"direction\":"
                + "\"inbound\",\"from_line\":\"+15135557611\",\"to_line\":\"+16617480123\"},"
                + "\"comment\":{\"title\":\"First\"}}"));
  }

  // ---- valid requests ----

  /** Sends a valid write, which must succeed, and checks its effect before the model learns it. */
  Response validWrite(RouteSamples.Sample sample) {
    Request request = request("valid " + sample.route(), sample, credentials(0));
    JsonNode before =
        sample.route().equals("calls.update") ? model.calls.get(callIdOf(sample.path())) : null;
    Response response = send(request);
    if (response == null) {
      return null;
    }
    boolean displayed = sample.route().startsWith("display");
    if (response.status() / 100 != 2 && !(displayed && response.status() == 404)) {
      failures.add("seed " + SEED + ": valid write refused: " + response + " <- " + request);
      return response;
    }
    if (before != null) {
      checkPatch(sample, before, response.json().get("call"), request);
    }
    learn(sample.method(), request.target(), response, request.body(), false);
    return response;
  }

  /** A PATCH changes the fields it sends and nothing else (updated_at aside). */
  void checkPatch(RouteSamples.Sample sample, JsonNode before, JsonNode after, Request request) {
    JsonNode sent = JsonMutator.parse(sample.body()).get("call");
    Iterator<String> names = before.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      JsonNode expected = sent.has(name) ? sent.get(name) : before.get(name);
      if (!name.equals("updated_at") && !expected.equals(after.get(name))) {
        failures.add(
            "seed "
                + SEED
                + ": PATCH left "
                + name
                + " = "
                + after.get(name)
                + ", expected "
                + expected
                + " <- "
                + request);
      }
    }
  }

  void validRead() {
    String route = pick(samples.routes());
    RouteSamples.Sample sample = samples.valid(route);
    if (!sample.method().equals("GET")) {
      return;
    }
    Response response = send(request("valid " + route, sample, credentials(0)));
    if (response != null && response.status() != 200) {
      failures.add("seed " + SEED + ": valid read refused: " + response + " <- " + sample);
    }
  }

  // ---- mutated requests ----

  void fuzz(Request request) {
    Response response = send(request);
    if (response != null) {
      learn(request.method(), request.target(), response, request.body(), true);
    }
  }

  Request mutation(RouteSamples.Sample sample) {
    int dice = random.nextInt(100);
    if (dice < 55 && sample.body() != null) {
      JsonMutator.Mutated body = mutator.mutate(sample.body());
      return withBody(
          request(sample.route() + ", " + body.why(), sample, credentials()), body.body());
    }
    if (dice < 62) {
      return withBody(
          request(sample.route() + ", body " + "where none is read", sample, credentials()),
          JsonMutator.write(mutator.wrongValue()));
    }
    if (dice < 68) {
      return otherMethod(sample);
    }
    if (dice < 80) {
      return pathTrick(sample);
    }
    if (dice < 92) {
      return headerTrick(sample);
    }
    return contentType(sample);
  }

  Request otherMethod(RouteSamples.Sample sample) {
    String method =
        pick(
            "GET",
            "POST",
            "PUT",
            "PATCH",
            "DELETE",
            "OPTIONS",
            "HEAD",
            "TRACE",
            "PROPFIND",
            "FOO",
            "get",
            "M-SEARCH");
    Request request = request(sample.route() + ", method " + method, sample, credentials());
    return new Request(request.why(), method, request.target(), request.headers(), request.body());
  }

  Request pathTrick(RouteSamples.Sample sample) {
    String path = sample.path();
    String trick =
        pick(
            "0",
            "-1",
            "-9223372036854775808",
            "9223372036854775807",
            "9223372036854775808",
            "18446744073709551616",
            "1".repeat(400),
            "1".repeat(9_000),
            "abc",
            "%00",
            "1%00",
            "%2e%2e",
            "..",
            ".",
            "1.0",
            "1e3",
            "+1",
            "%201",
            "\uff11",
            "\u0663",
            "\u00e9",
            "%C3%A9",
            "%FF",
            "%",
            "%zz",
            "%2F",
            "1;x=1",
            "\u202e1",
            "\ud83d\udcde",
            "");
    String tricked =
        switch (random.nextInt(10)) {
          case 0, 1, 2 -> path.replaceFirst("/\\d+", "/" + trick);
          case 3 -> path + pick("/", "//", "/.", "/..", "%2F", "?", "#frag", ".json.json", ".JSON");
          case 4 ->
              path.replaceFirst(
                  "/api/v2",
                  pick(
                      "//api/v2",
                      "/api//v2",
                      "/api/./v2",
                      "/API/V2",
                      "/api/v2/../v2",
                      "/api/v2/%2e%2e/v2",
                      "/api/v3/../v2",
                      "/api/v2/..%2Fv2"));
          case 5 ->
              path
                  + pick(
                      "?page[size]=0",
                      "?page[after]=!!",
                      "?per_page=-1",
                      "?page=99999999999",
                      "?limit=0",
                      "?limit=abc",
                      "?query=%",
                      "?query=" + "x".repeat(5_000),
                      "?page[x]=1",
                      "?page[before]=MQ&page[after]=MQ",
                      "?query=%FF%FE");
          case 6 -> path + "/" + trick;
          case 7 -> "http://localhost" + path;
          case 8 -> pick("*", "", "api/v2/calls", "/" + "a/".repeat(2_000));
          default -> path.replace("/", pick("\\", "/ /", "/\t/"));
        };
    Request request =
        request(sample.route() + ", path " + abbreviate(tricked, 60), sample, credentials());
    return new Request(request.why(), request.method(), tricked, request.headers(), request.body());
  }

  Request headerTrick(RouteSamples.Sample sample) {
    Request request = request(sample.route(), sample, credentials(0));
    List<String[]> headers = new ArrayList<>(request.headers());
    String why;
    switch (random.nextInt(14)) {
      case 0 -> {
        headers.add(new String[] {"X-Huge", "x".repeat(pick(4_000, 9_000, 70_000))});
        why = "huge header";
      }
      case 1 -> {
        for (int i = 0; i < 300; i++) {
          headers.add(new String[] {"X-Many-" + i, "y"});
        }
        why = "many headers";
      }
      case 2 -> {
        headers.add(0, new String[] {"Authorization", authorization(random.nextInt(12))});
        why = "duplicate Authorization";
      }
      case 3 -> {
        headers.removeIf(h -> h[0].equals("Host"));
        headers.add(
            new String[] {
              "Host",
              pick(
                  "",
                  "other.localhost",
                  "nosuch.localhost",
                  "localhost:99999",
                  "a..localhost",
                  "[::1]",
                  "[::1",
                  ".localhost",
                  "\u00e9.localhost",
                  "x".repeat(300) + ".localhost",
                  "localhost@evil.test",
                  "LOCALHOST",
                  "other.localhost.",
                  ":",
                  "127.0.0.1:" + server.port() + ":1")
            });
        why = "Host trick";
      }
      case 4 -> {
        headers.add(new String[] {"Host", "other.localhost"});
        why = "two Host headers";
      }
      case 5 -> {
        headers.add(new String[] {"Content-Length", "3"});
        why = "two Content-Lengths";
      }
      case 6 -> {
        headers.add(new String[] {"X-Forwarded-Proto", pick("ftp", "https", "\u00e9", "")});
        headers.add(new String[] {"X-Forwarded-Host", "evil.test"});
        why = "forwarded headers";
      }
      case 7 -> {
        headers.add(new String[] {"Idempotency-Key", pick("k", "k".repeat(300), "\u00e9\u0000")});
        why = "idempotency key";
      }
      case 8 -> {
        headers.add(new String[] {"Expect", "100-continue"});
        why = "Expect";
      }
      case 9 -> {
        headers.add(
            new String[] {"Accept", pick("text/html", "application/xml", "*/*;q=0", "\u00e9")});
        headers.add(new String[] {"Accept-Encoding", pick("gzip", "br", "identity;q=0", "x")});
        why = "Accept";
      }
      case 10 -> {
        headers.add(new String[] {"X-Bad\u00e9", "value\u00ff"});
        why = "non-ASCII header";
      }
      case 11 -> {
        headers.add(new String[] {"Transfer-Encoding", pick("chunked", "gzip", "identity")});
        why = "Transfer-Encoding";
      }
      case 12 -> {
        headers.replaceAll(
            h -> h[0].equals("Authorization") ? new String[] {"authorization", h[1]} : h);
        why = "lowercase header names";
      }
      default -> {
        headers.add(new String[] {"X-Folded", "a\r\n b"});
        why = "folded header";
      }
    }
    return new Request(
        sample.route() + ", " + why, request.method(), request.target(), headers, request.body());
  }

  Request contentType(RouteSamples.Sample sample) {
    String type =
        pick(
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/xml",
            "application/json; charset=utf-16",
            "application/json; charset=latin1",
            "application/vnd.api+json",
            "APPLICATION/JSON",
            "application/json;;;",
            "",
            ";",
            "json",
            "application/*",
            "\u00e9/json");
    Request request = request(sample.route() + ", Content-Type " + type, sample, credentials());
    List<String[]> headers = new ArrayList<>(request.headers());
    headers.removeIf(h -> h[0].equals("Content-Type"));
    headers.add(new String[] {"Content-Type", type});
    return new Request(request.why(), request.method(), request.target(), headers, request.body());
  }

  // ---- credentials ----

  /** Mostly the admin; sometimes the agent, the end user, or something that proves nobody. */
  String[] credentials() {
    int dice = random.nextInt(100);
    return credentials(dice < 80 ? 0 : dice < 88 ? 1 : dice < 91 ? 2 : 3 + random.nextInt(12));
  }

  String[] credentials(int which) {
    return new String[] {"Authorization", authorization(which)};
  }

  String authorization(int which) {
    return switch (which) {
      case 0 -> basic(TestServer.ADMIN_EMAIL + "/token:" + TestServer.ADMIN_TOKEN);
      case 1 -> basic(AGENT_EMAIL + "/token:" + TestServer.ADMIN_TOKEN);
      case 2 -> "Bearer " + endUserBearer;
      case 3 -> basic(TestServer.ADMIN_EMAIL + "/token:wrong");
      case 4 -> "Basic !!!not-base64!!!";
      case 5 ->
          "Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF, ':', (byte) 0xC3});
      case 6 -> "Basic";
      case 7 -> "Bearer " + pick("", "x", "x".repeat(5_000), "\u00e9");
      case 8 -> pick("Digest x", "", "   ", "Basic  " + basic("a:b").substring(6));
      case 9 -> basic(pick("no-colon", ":", "/token:", TestServer.ADMIN_EMAIL + "/token:"));
      case 10 ->
          random.nextInt(10) == 0
              ? basic(TestServer.ADMIN_EMAIL + ":wrong password")
              : basic("nobody@x/token:" + TestServer.ADMIN_TOKEN);
      default -> basic("a@other.test/token:" + TestServer.ADMIN_TOKEN);
    };
  }

  static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  // ---- sending and checking ----

  Request request(String why, RouteSamples.Sample sample, String[] authorization) {
    List<String[]> headers = new ArrayList<>();
    headers.add(new String[] {"Host", "127.0.0.1:" + server.port()});
    headers.add(authorization);
    byte[] body = sample.body() == null ? null : JsonMutator.utf8(sample.body());
    if (body != null) {
      headers.add(new String[] {"Content-Type", "application/json"});
    }
    return new Request(why, sample.method(), sample.path(), headers, body);
  }

  static Request withBody(Request request, byte[] body) {
    List<String[]> headers = new ArrayList<>(request.headers());
    if (headers.stream().noneMatch(h -> h[0].equals("Content-Type"))) {
      headers.add(new String[] {"Content-Type", "application/json"});
    }
    return new Request(request.why(), request.method(), request.target(), headers, body);
  }

  /** Sends and checks the answer; null when there was none worth learning from. */
  Response send(Request request) {
    sent++;
    long started = System.nanoTime();
    Response response;
    try {
      response = sendRaw(request);
    } catch (RuntimeException e) {
      failures.add("seed " + SEED + ": no answer (" + e + ") <- " + request);
      return null;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    statuses.merge(String.valueOf(response.status()), 1, Integer::sum);
    String problem = problem(request, response, took);
    if (problem != null) {
      failures.add("seed " + SEED + ": " + problem + " <- " + request);
    }
    return response;
  }

  static String problem(Request request, Response response, Duration took) {
    int status = response.status();
    if (took.compareTo(PATIENCE) > 0) {
      return "took " + took.toMillis() + " ms";
    }
    if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
      return "status " + status + " " + abbreviate(response.body(), 300);
    }
    if (request.method().equalsIgnoreCase("HEAD")) {
      return null;
    }
    if (status < 300 && response.body().isEmpty()) {
      // The display and password routes answer 200 with no body (README, Endpoints), and the
      // deletes of organizations and tickets 204, as Zendesk's do.
      return request.target().contains("/display")
              || request.target().contains("/password")
              || (status == 204 && request.method().equals("DELETE"))
          ? null
          : "empty success";
    }
    if (!"application/json".equals(response.mediaType())) {
      return "content type " + response.header("Content-Type") + " for " + status;
    }
    try {
      JsonNode body = JsonMutator.MAPPER.readTree(response.body());
      if (status >= 400 && (body == null || !body.isObject() || !body.has("error"))) {
        return "no error key in " + status + " " + abbreviate(response.body(), 300);
      }
    } catch (IOException e) {
      return "not JSON: " + status + " " + abbreviate(response.body(), 300);
    }
    return null;
  }

  Response sendRaw(Request request) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder();
    head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
    boolean chunked = false;
    for (String[] header : request.headers()) {
      head.append(header[0]).append(": ").append(header[1]).append("\r\n");
      chunked |= header[0].equals("Transfer-Encoding") && header[1].equals("chunked");
    }
    byte[] body = request.body() == null ? new byte[0] : request.body();
    if (!chunked && request.body() != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    if (chunked) {
      out.writeBytes(
          (Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(body);
      out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    } else {
      out.writeBytes(body);
    }
    return RawHttp.send(server.port(), out.toByteArray(), PATIENCE);
  }

  // ---- the model ----

  void learn(String method, String target, Response response, byte[] requestBody, boolean mutated) {
    if (method.equals("DELETE") && response.status() / 100 == 2) {
      // A delete reaches into other tables (a ticket's comments, a user's tokens, the calls that
      // named a ticket): the model forgets the record and takes the counts and calls as they are.
      if (mutated) {
        model.mutatedSuccesses++;
      }
      model.forget(target, counts(), this::readCall);
      return;
    }
    JsonNode body = null;
    if (requestBody != null) {
      try {
        body = JsonMutator.MAPPER.readTree(requestBody);
      } catch (IOException e) {
        body = null; // a success needed a valid body, so this request changed nothing
      }
    }
    if (mutated && response.status() / 100 == 2 && !method.equals("GET")) {
      model.mutatedSuccesses++;
    }
    try {
      model.learn(
          method,
          response,
          body instanceof ObjectNode ? body : null,
          this::readCall,
          this::readTicket);
    } catch (RuntimeException e) {
      failures.add(
          "seed "
              + SEED
              + ": cannot learn from "
              + abbreviate(response.toString(), 300)
              + ": "
              + e);
    }
  }

  JsonNode readCall(long id) {
    return server.admin().get("/api/v2/calls/" + id).json().get("call");
  }

  JsonNode readTicket(long id) {
    return server
        .admin()
        .get("/api/v2/tickets/" + id + "?include=comment_count")
        .json()
        .get("ticket");
  }

  /** The stored data is exactly what the model learnt: row counts, every call, every ticket. */
  void checkpoint() {
    Map<String, Long> counts = counts();
    assertThat(counts)
        .as("seed %d: rows after %d requests; %s", SEED, sent, failures)
        .isEqualTo(model.rows);
    for (Map.Entry<Long, JsonNode> call : model.calls.entrySet()) {
      assertThat(readCall(call.getKey()))
          .as("seed %d: call %d", SEED, call.getKey())
          .isEqualTo(call.getValue());
    }
    for (Map.Entry<Long, FuzzModel.TicketState> ticket : model.tickets.entrySet()) {
      assertThat(FuzzModel.state(readTicket(ticket.getKey())))
          .as("seed %d: ticket %d", SEED, ticket.getKey())
          .isEqualTo(ticket.getValue());
    }
  }

  static Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : FuzzModel.TABLES) {
      counts.put(table, Rows.count(dataDir, table));
    }
    return counts;
  }

  // ---- small things ----

  static long callIdOf(String path) {
    return Long.parseLong(path.replaceAll("^/api/v2/calls/(\\d+).*$", "$1"));
  }

  static long setting(String property, String variable, long fallback) {
    String value = System.getProperty(property, System.getenv(variable));
    return value == null || value.isBlank() ? fallback : Long.parseLong(value.strip());
  }

  static String abbreviate(String text, int max) {
    return text.length() > max ? text.substring(0, max) + "…(" + text.length() + ")" : text;
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  @SafeVarargs
  final <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }
}

package dev.dialtone.http;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.Calls;
import dev.dialtone.testing.ManualClock;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zendesk's cache headers: a weak {@code ETag} (the MD5 of the body) and {@code Cache-Control:
 * max-age=0, private, must-revalidate} on 200 and 201 JSON answers, 304 to a GET whose {@code
 * If-None-Match} names it; and the other headers Zendesk's answers carry or leave out.
 */
class CacheHeadersTest {
  static final String REVALIDATE = "max-age=0, private, must-revalidate";

  @TempDir static Path dataDir;
  static TestServer server;
  static Api admin;

  @BeforeAll
  static void start() {
    // A clock that stands still: the rate-limit window never turns over between two requests.
    server = TestServer.start(dataDir, new ManualClock(Instant.parse("2026-03-02T10:00:00Z")));
    admin = server.admin();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** What a client that checks the tag computes: {@code W/"<md5 of the body's bytes>"}. */
  static String weakTagOf(Response response) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("MD5").digest(response.body().getBytes(StandardCharsets.UTF_8));
    return "W/\"" + HexFormat.of().formatHex(digest) + "\"";
  }

  static void assertTagged(Response response, int status) throws Exception {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("ETag")).matches("W/\"[0-9a-f]{32}\"");
    assertThat(response.header("ETag")).isEqualTo(weakTagOf(response));
    assertThat(response.header("Cache-Control")).isEqualTo(REVALIDATE);
  }

  static long createTicket(String subject) {
    Response created =
        admin.post(
            "/api/v2/tickets",
            json("{'ticket': {'subject': '" + subject + "', 'comment': {'body': 'Hello'}}}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().at("/ticket/id").asLong();
  }

  @Test
  void callAnswers_carryAWeakTagOfTheirBody() throws Exception {
    Response created = admin.post("/api/v2/calls", Calls.MINIMAL);
    assertTagged(created, 201);
    long id = created.json().at("/call/id").asLong();

    assertTagged(admin.get("/api/v2/calls/" + id), 200);
    assertTagged(admin.get("/api/v2/calls/" + id + ".json"), 200);
    assertTagged(admin.patch("/api/v2/calls/" + id, json("{'call': {'duration': 12}}")), 200);
    Response comment =
        admin.post("/api/v2/calls/" + id + "/comments", json("{'title': 'A call came in'}"));
    assertTagged(comment, 201);
  }

  @Test
  void ticketAndUserAnswers_carryAWeakTagOfTheirBody() throws Exception {
    long ticket = createTicket("Tagged");
    assertTagged(admin.get("/api/v2/tickets/" + ticket), 200);
    assertTagged(
        admin.put("/api/v2/tickets/" + ticket, json("{'ticket': {'subject': 'Retagged'}}")), 200);
    assertTagged(admin.get("/api/v2/tickets"), 200);

    Response user =
        admin.post(
            "/api/v2/users", json("{'user': {'name': 'Tag Caller', 'phone': '+15135550001'}}"));
    assertTagged(user, 201);
    long userId = user.json().at("/user/id").asLong();
    assertTagged(admin.get("/api/v2/users/" + userId), 200);
    assertTagged(
        admin.put("/api/v2/users/" + userId, json("{'user': {'name': 'Tag Caller II'}}")), 200);
  }

  @Test
  void sameRecord_sameTag_andAChangedRecord_anotherTag() {
    long ticket = createTicket("Before");
    String first = admin.get("/api/v2/tickets/" + ticket).header("ETag");
    String again = admin.get("/api/v2/tickets/" + ticket).header("ETag");

    admin.put("/api/v2/tickets/" + ticket, json("{'ticket': {'subject': 'After'}}"));
    String changed = admin.get("/api/v2/tickets/" + ticket).header("ETag");

    assertThat(again).isEqualTo(first);
    assertThat(changed).isNotEqualTo(first);
  }

  @Test
  void matchingIfNoneMatch_isA304WithoutBody_withTheTagAndTheQuota() {
    long ticket = createTicket("Cached");
    String path = "/api/v2/tickets/" + ticket;
    Response fresh = admin.get(path);
    String tag = fresh.header("ETag");

    Response notModified = admin.withHeader("If-None-Match", tag).get(path);

    assertThat(notModified.status()).isEqualTo(304);
    assertThat(notModified.body()).isEmpty();
    assertThat(notModified.header("ETag")).isEqualTo(tag);
    assertThat(notModified.header("Cache-Control")).isEqualTo(REVALIDATE);
    assertThat(notModified.header("X-Rate-Limit")).isEqualTo(fresh.header("X-Rate-Limit"));
    // Counted like any request: the one after it sees two fewer than the one before it.
    long before = Long.parseLong(fresh.header("X-Rate-Limit-Remaining"));
    long during = Long.parseLong(notModified.header("X-Rate-Limit-Remaining"));
    long after = Long.parseLong(admin.get(path).header("X-Rate-Limit-Remaining"));
    assertThat(during).isEqualTo(before - 1);
    assertThat(after).isEqualTo(before - 2);
  }

  @Test
  void ifNoneMatch_comparesWeakly_readsLists_andStar() {
    long call = Calls.create(admin);
    String path = "/api/v2/calls/" + call;
    String tag = admin.get(path).header("ETag");
    String strong = tag.substring(2);
    String other = "W/\"0123456789abcdef0123456789abcdef\"";

    assertThat(admin.withHeader("If-None-Match", strong).get(path).status()).isEqualTo(304);
    assertThat(admin.withHeader("If-None-Match", other + ", " + tag).get(path).status())
        .isEqualTo(304);
    assertThat(admin.withHeader("If-None-Match", other + "," + strong).get(path).status())
        .isEqualTo(304);
    assertThat(admin.withHeader("If-None-Match", "*").get(path).status()).isEqualTo(304);

    Response changed = admin.withHeader("If-None-Match", other).get(path);
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().at("/call/id").asLong()).isEqualTo(call);
    assertThat(changed.header("ETag")).isEqualTo(tag);
    assertThat(admin.withHeader("If-None-Match", "W/\"\", \"nope\"").get(path).status())
        .isEqualTo(200);
  }

  @Test
  void head_answers304_too() {
    long call = Calls.create(admin);
    String path = "/api/v2/calls/" + call;
    String tag = admin.get(path).header("ETag");

    Response head = admin.withHeader("If-None-Match", tag).send("HEAD", path, null);

    assertThat(head.status()).isEqualTo(304);
    assertThat(head.header("ETag")).isEqualTo(tag);
  }

  @Test
  void ifNoneMatch_isIgnoredByWrites() {
    long call = Calls.create(admin);
    String path = "/api/v2/calls/" + call;
    String patch = json("{'call': {'duration': 30}}");
    String tag = admin.patch(path, patch).header("ETag");

    Response patched = admin.withHeader("If-None-Match", tag).patch(path, patch);
    Response created = admin.withHeader("If-None-Match", "*").post("/api/v2/calls", Calls.MINIMAL);

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.header("ETag")).isEqualTo(tag);
    assertThat(patched.json().at("/call/duration").asInt()).isEqualTo(30);
    assertThat(patched.header("Content-Type")).startsWith("application/json");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().at("/call/id").asLong()).isPositive();
  }

  @Test
  void a304_stillNeedsCredentials_andARecord() {
    long call = Calls.create(admin);
    String path = "/api/v2/calls/" + call;

    Response anonymous = server.anonymous().withHeader("If-None-Match", "*").get(path);
    Response missing = admin.withHeader("If-None-Match", "*").get("/api/v2/calls/99");

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().get("error").asText()).isEqualTo("Couldn't authenticate you");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("error").asText()).isEqualTo("RecordNotFound");
  }

  @Test
  void errors_carryNoTag_andNoCache() {
    Response missing = admin.get("/api/v2/tickets/99");
    Response invalid = admin.post("/api/v2/calls", json("{'call': {'direction': 'sideways'}}"));

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("ETag")).isNull();
    assertThat(missing.header("Cache-Control")).isEqualTo("no-cache");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.header("ETag")).isNull();
    assertThat(invalid.header("Cache-Control")).isEqualTo("no-cache");
  }

  @Test
  void aTokenShownOnce_isNoStore_withoutTag() {
    Response token =
        admin.post("/api/v2/api_tokens", json("{'api_token': {'description': 'once'}}"));

    assertThat(token.status()).as(token.toString()).isEqualTo(201);
    assertThat(token.header("Cache-Control")).isEqualTo("no-store");
    assertThat(token.header("ETag")).isNull();
  }

  @Test
  void consolePages_keepTheirOwnHeaders() {
    Response page = server.anonymous().get("/agent/sign-in");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.mediaType()).isEqualTo("text/html");
    assertThat(page.header("ETag")).isNull();
    assertThat(page.header("Cache-Control")).isNotEqualTo(REVALIDATE);
  }

  @Test
  void callAnswers_carryNoLocation_butSupportCreatesDo() {
    Response call = admin.post("/api/v2/calls", Calls.MINIMAL);
    long id = call.json().at("/call/id").asLong();
    Response comment =
        admin.post("/api/v2/calls/" + id + "/comments", json("{'title': 'A call came in'}"));
    Response ticket =
        admin.post(
            "/api/v2/tickets",
            json("{'ticket': {'subject': 'Located', 'comment': {'body': 'x'}}}"));

    assertThat(call.status()).isEqualTo(201);
    assertThat(call.header("Location")).isNull();
    assertThat(comment.status()).isEqualTo(201);
    assertThat(comment.header("Location")).isNull();
    assertThat(ticket.status()).isEqualTo(201);
    assertThat(ticket.header("Location"))
        .endsWith("/api/v2/tickets/" + ticket.json().at("/ticket/id").asLong() + ".json");
  }

  @Test
  void aReplay_isTaggedByTheBodyItReplays_withoutLocation() throws Exception {
    Api keyed = admin.withHeader("Idempotency-Key", UUID.randomUUID().toString());

    Response first = keyed.post("/api/v2/calls", Calls.MINIMAL);
    Response replay = keyed.post("/api/v2/calls", Calls.MINIMAL);

    assertThat(replay.header("x-idempotency-lookup")).isEqualTo("hit");
    assertTagged(replay, 201);
    assertThat(replay.header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(replay.header("Location")).isNull();

    // A retry that sends the tag it was given is still answered in full: a POST is never a 304.
    Response retried =
        keyed
            .withHeader("If-None-Match", first.header("ETag"))
            .post("/api/v2/calls", Calls.MINIMAL);
    assertThat(retried.status()).isEqualTo(201);
    assertThat(retried.body()).isEqualTo(first.body());
    assertThat(retried.header("Content-Type")).isEqualTo(first.header("Content-Type"));
    assertThat(retried.header("Content-Length")).isEqualTo(first.header("Content-Length"));
  }

  @Test
  void removedKeys_areWarnedInZendesksWording() {
    String body =
        json("{'call': {" + Calls.MINIMAL_FIELDS.replace('"', '\'') + ", 'colour': 1, 'mood': 2}}");

    Response created = admin.post("/api/v2/calls", body);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("X-Zendesk-API-Warn"))
        .isEqualTo(
            "Removed restricted keys [\"colour\", \"mood\"] from parameters according to"
                + " whitelist");
    assertThat(created.header("X-Dialtone-Ignored-Fields")).isEqualTo("colour,mood");
  }
}

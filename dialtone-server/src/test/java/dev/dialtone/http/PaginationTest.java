package dev.dialtone.http;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaginationTest {
  static final int TICKETS = 7;

  @TempDir static Path dataDir;
  static TestServer server;
  static Api admin;
  static List<Long> ticketIds = new ArrayList<>();
  static long busyTicket;
  static List<Long> commentIds = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    admin = server.admin();
    for (int i = 0; i < TICKETS; i++) {
      Response created =
          admin.post("/api/v2/tickets", json("{'ticket':{'comment':{'body':'Ticket " + i + "'}}}"));
      ticketIds.add(created.json().get("ticket").get("id").asLong());
    }
    busyTicket = ticketIds.get(0);
    for (int i = 0; i < 4; i++) {
      admin.put(
          "/api/v2/tickets/" + busyTicket,
          json("{'ticket':{'comment':{'body':'Reply " + i + "'}}}"));
    }
    for (JsonNode comment :
        admin.get("/api/v2/tickets/" + busyTicket + "/comments").json().get("comments")) {
      commentIds.add(comment.get("id").asLong());
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A link from a response, as a path this test's client can request. */
  static String pathOf(String link) {
    URI uri = URI.create(link);
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  static JsonNode get(String path) {
    Response response = admin.get(path);
    assertThat(response.status()).as(path + " -> " + response).isEqualTo(200);
    return response.json();
  }

  static List<Long> ids(JsonNode page, String key) {
    List<Long> ids = new ArrayList<>();
    page.get(key).forEach(record -> ids.add(record.get("id").asLong()));
    return ids;
  }

  @Test
  void cursor_walksEveryTicketForwardThenBackOnceEach() {
    List<Long> seen = new ArrayList<>();
    JsonNode page = get("/api/v2/tickets?page[size]=3");
    int pages = 1;
    seen.addAll(ids(page, "tickets"));
    while (page.get("meta").get("has_more").asBoolean()) {
      page = get(pathOf(page.get("links").get("next").asText()));
      seen.addAll(ids(page, "tickets"));
      pages++;
    }
    assertThat(seen).containsExactlyElementsOf(ticketIds);
    assertThat(pages).isEqualTo(3);
    assertThat(page.has("count")).isFalse();

    List<Long> back = new ArrayList<>(ids(page, "tickets"));
    do {
      page = get(pathOf(page.get("links").get("prev").asText()));
      back.addAll(0, ids(page, "tickets"));
    } while (page.get("meta").get("has_more").asBoolean());
    assertThat(back).containsExactlyElementsOf(ticketIds);
  }

  @Test
  void cursor_theLastPageStillLinksOnWithItsAfterCursor() {
    JsonNode last = get("/api/v2/tickets?page[size]=3");
    while (last.get("meta").get("has_more").asBoolean()) {
      last = get(pathOf(last.get("links").get("next").asText()));
    }

    assertThat(ids(last, "tickets")).containsExactly(ticketIds.get(TICKETS - 1));
    assertThat(last.get("meta").get("has_more").asBoolean()).isFalse();
    String afterCursor = last.get("meta").get("after_cursor").asText();
    assertThat(last.get("links").get("next").asText())
        .isEqualTo(
            "http://127.0.0.1:"
                + server.port()
                + "/api/v2/tickets?page%5Bsize%5D=3&page%5Bafter%5D="
                + afterCursor);
    assertThat(last.get("links").get("prev").asText())
        .endsWith("page%5Bbefore%5D=" + last.get("meta").get("before_cursor").asText());

    JsonNode beyond = get(pathOf(last.get("links").get("next").asText()));
    assertThat(ids(beyond, "tickets")).isEmpty();
    assertThat(beyond.get("meta").get("has_more").asBoolean()).isFalse();
    assertThat(beyond.get("meta").get("after_cursor").isNull()).isTrue();
    assertThat(beyond.get("links").get("next").isNull()).isTrue();
    assertThat(beyond.get("links").get("prev").isNull()).isTrue();
  }

  @Test
  void cursor_theFirstPageLinksBackToo() {
    JsonNode first = get("/api/v2/tickets?page[size]=3");

    assertThat(first.get("links").get("prev").asText())
        .endsWith("page%5Bbefore%5D=" + first.get("meta").get("before_cursor").asText());
    JsonNode before = get(pathOf(first.get("links").get("prev").asText()));
    assertThat(ids(before, "tickets")).isEmpty();
    assertThat(before.get("meta").get("has_more").asBoolean()).isFalse();
  }

  @Test
  void cursor_metaNamesTheEdgesOfThePage() {
    JsonNode page = get("/api/v2/tickets.json?page%5Bsize%5D=2");

    JsonNode meta = page.get("meta");
    assertThat(meta.get("has_more").asBoolean()).isTrue();
    JsonNode after =
        get("/api/v2/tickets.json?page[size]=2&page[after]=" + meta.get("after_cursor").asText());
    assertThat(ids(after, "tickets")).containsExactlyElementsOf(ticketIds.subList(2, 4));
    JsonNode before =
        get(
            "/api/v2/tickets.json?page[size]=2&page[before]="
                + after.get("meta").get("before_cursor").asText());
    assertThat(ids(before, "tickets")).containsExactlyElementsOf(ticketIds.subList(0, 2));
    assertThat(page.get("links").get("next").asText())
        .startsWith("http://127.0.0.1:" + server.port() + "/api/v2/tickets.json?");
  }

  @Test
  void offset_walksEveryTicketOnceWithCountAndPageLinks() {
    List<Long> seen = new ArrayList<>();
    JsonNode page = get("/api/v2/tickets?per_page=3");
    assertThat(page.get("previous_page").isNull()).isTrue();
    seen.addAll(ids(page, "tickets"));
    while (!page.get("next_page").isNull()) {
      String next = page.get("next_page").asText();
      page = get(pathOf(next));
      assertThat(page.get("previous_page").isNull()).isFalse();
      seen.addAll(ids(page, "tickets"));
    }
    assertThat(seen).containsExactlyElementsOf(ticketIds);
    assertThat(page.get("count").asInt()).isEqualTo(TICKETS);
    assertThat(page.get("previous_page").asText()).endsWith("/api/v2/tickets?page=2&per_page=3");
  }

  @Test
  void offset_defaultsToOnePageOfAHundred() {
    JsonNode page = get("/api/v2/tickets");

    assertThat(ids(page, "tickets")).containsExactlyElementsOf(ticketIds);
    assertThat(page.get("next_page").isNull()).isTrue();
    assertThat(page.get("count").asInt()).isEqualTo(TICKETS);
  }

  @Test
  void aPageSize_choosesCursorPaging_andOffsetParametersBesideItAreIgnored() {
    // node-zendesk sends page[size]=100 on every list, whatever paging its caller asked for.
    JsonNode page = get("/api/v2/tickets?page[size]=2&per_page=5&page=3");

    assertThat(ids(page, "tickets")).containsExactlyElementsOf(ticketIds.subList(0, 2));
    assertThat(page.get("meta").get("has_more").asBoolean()).isTrue();
    assertThat(page.has("next_page")).isFalse();
    assertThat(URLDecoder.decode(page.get("links").get("next").asText(), StandardCharsets.UTF_8))
        .contains("page[size]=2")
        .doesNotContain("per_page");
  }

  @Test
  void comments_walkInBothModes() {
    List<Long> cursorSeen = new ArrayList<>();
    JsonNode page = get("/api/v2/tickets/" + busyTicket + "/comments?page[size]=2");
    cursorSeen.addAll(ids(page, "comments"));
    while (page.get("meta").get("has_more").asBoolean()) {
      page = get(pathOf(page.get("links").get("next").asText()));
      cursorSeen.addAll(ids(page, "comments"));
    }
    List<Long> offsetSeen = new ArrayList<>();
    page = get("/api/v2/tickets/" + busyTicket + "/comments?per_page=2&page=1");
    offsetSeen.addAll(ids(page, "comments"));
    while (!page.get("next_page").isNull()) {
      page = get(pathOf(page.get("next_page").asText()));
      offsetSeen.addAll(ids(page, "comments"));
    }

    assertThat(commentIds).hasSize(5);
    assertThat(cursorSeen).containsExactlyElementsOf(commentIds);
    assertThat(offsetSeen).containsExactlyElementsOf(commentIds);
    assertThat(page.get("count").asInt()).isEqualTo(5);
  }

  @Test
  void badParameters_areInvalidPaginationParameter() {
    Response tooBig = admin.get("/api/v2/tickets?page[size]=101");
    assertThat(tooBig.status()).isEqualTo(400);
    assertThat(tooBig.body())
        .isEqualTo(
            "{\"error\":\"InvalidPaginationParameter\","
                + "\"description\":\"page[size] must be a whole number from 1 to 100\"}");

    for (String query :
        List.of(
            "page[size]=0",
            "page[size]=abc",
            "page[after]=not-a-cursor!",
            "page[after]=MTI&page[before]=MTI",
            "page[number]=2",
            "per_page=101",
            "page=0",
            "page=-1")) {
      Response response = admin.get("/api/v2/tickets?" + query);
      assertThat(response.status()).as(query).isEqualTo(400);
      assertThat(response.json().get("error").asText()).isEqualTo("InvalidPaginationParameter");
    }
  }
}

package dev.dialtone.ticket;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketRoutesTest {
  @TempDir static Path dataDir;
  static TestServer server;
  static Api admin;
  static long adminId;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    admin = server.admin();
    adminId = admin.get("/api/v2/users/me").json().get("user").get("id").asLong();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode created(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json();
  }

  static long createUser(String user) {
    return created(admin.post("/api/v2/users", json("{'user':" + user + "}")))
        .get("user")
        .get("id")
        .asLong();
  }

  static JsonNode createTicket(String ticket) {
    return created(admin.post("/api/v2/tickets", json("{'ticket':" + ticket + "}"))).get("ticket");
  }

  static JsonNode tree(String singleQuoted) throws Exception {
    return new ObjectMapper().readTree(json(singleQuoted));
  }

  @Test
  void create_storesTheFirstCommentAndAppliesZendesksDefaults() {
    Response response =
        admin.post(
            "/api/v2/tickets.json",
            json(
                "{'ticket':{'subject':'Phone broken','comment':{'body':'My phone\\n\\nis <broken>'},"
                    + "'priority':'high','type':'incident','tags':['vip','vip','phone'],"
                    + "'external_id':'crm-1'}}"));

    JsonNode ticket = created(response).get("ticket");
    long id = ticket.get("id").asLong();
    assertThat(response.header("Location")).endsWith("/api/v2/tickets/" + id + ".json");
    assertThat(ticket.get("status").asText()).isEqualTo("new");
    assertThat(ticket.get("requester_id").asLong()).isEqualTo(adminId);
    assertThat(ticket.get("submitter_id").asLong()).isEqualTo(adminId);
    assertThat(ticket.get("description").asText()).isEqualTo("My phone\n\nis <broken>");
    assertThat(ticket.get("via").get("channel").asText()).isEqualTo("api");
    assertThat(ticket.get("tags").toString()).isEqualTo("[\"vip\",\"phone\"]");
    assertThat(ticket.has("comment_count")).isFalse();
    assertThat(ticket.get("external_id").asText()).isEqualTo("crm-1");
    JsonNode brand = admin.get("/api/v2/brands/" + ticket.get("brand_id").asLong()).json();
    assertThat(brand.get("brand").get("default").asBoolean()).isTrue();
    assertThat(admin.get("/api/v2/tickets/" + id).json().get("ticket")).isEqualTo(ticket);

    JsonNode comments = admin.get("/api/v2/tickets/" + id + "/comments").json().get("comments");
    assertThat(comments).hasSize(1);
    JsonNode comment = comments.get(0);
    assertThat(comment.get("type").asText()).isEqualTo("Comment");
    assertThat(comment.get("author_id").asLong()).isEqualTo(adminId);
    assertThat(comment.get("body").asText()).isEqualTo("My phone\n\nis <broken>");
    assertThat(comment.get("plain_body").asText()).isEqualTo("My phone\n\nis <broken>");
    assertThat(comment.get("html_body").asText())
        .isEqualTo(
            "<div class=\"zd-comment\" dir=\"auto\"><p dir=\"auto\">My phone</p>\n"
                + "<p dir=\"auto\">is &lt;broken&gt;</p>\n</div>");
    assertThat(comment.get("public").asBoolean()).isTrue();
    assertThat(comment.get("attachments").size()).isZero();
  }

  @Test
  void create_withAssignee_isOpenAndTakesTheRequestersOrganization() {
    long organization =
        created(admin.post("/api/v2/organizations", json("{'organization':{'name':'Acme'}}")))
            .get("organization")
            .get("id")
            .asLong();
    long requester = createUser("{'name':'Acme Caller','organization_id':" + organization + "}");

    JsonNode ticket =
        createTicket(
            "{'comment':{'body':'Hi'},'requester_id':"
                + requester
                + ",'assignee_id':"
                + adminId
                + "}");

    assertThat(ticket.get("status").asText()).isEqualTo("open");
    assertThat(ticket.get("requester_id").asLong()).isEqualTo(requester);
    assertThat(ticket.get("organization_id").asLong()).isEqualTo(organization);
  }

  @Test
  void create_reportsEveryInvalidFieldInOne422AndWritesNothing() throws Exception {
    long endUser = createUser("{'name':'Not An Agent'}");
    long before = admin.get("/api/v2/tickets").json().get("count").asLong();

    Response rejected =
        admin.post(
            "/api/v2/tickets",
            json(
                "{'ticket':{'subject':5,'comment':{'public':'yes'},'requester_id':1,"
                    + "'assignee_id':"
                    + endUser
                    + ",'status':'waiting','tags':'vip','brand_id':-3}}"));

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.json().get("details"))
        .isEqualTo(
            tree(
                "{'subject':[{'description':'Subject: must be a string, not an integer',"
                    + "'error':'InvalidType'}],"
                    + "'comment.body':[{'description':'Comment body: cannot be blank',"
                    + "'error':'BlankValue'}],"
                    + "'comment.public':[{'description':'Comment public: must be true or false,"
                    + " not a string','error':'InvalidType'}],"
                    + "'status':[{'description':'Status: is not valid; use one of new, open,"
                    + " pending, hold, solved, closed','error':'InvalidValue'}],"
                    + "'tags':[{'description':'Tags: must be an array of strings, not a string',"
                    + "'error':'InvalidType'}],"
                    + "'brand_id':[{'description':'Brand: must be greater than 0',"
                    + "'error':'InvalidValue'}],"
                    + "'requester_id':[{'description':'Requester: does not name a user of this"
                    + " account','error':'InvalidValue'}],"
                    + "'assignee_id':[{'description':'Assignee: does not name an agent of this"
                    + " account','error':'InvalidValue'}]}"));
    assertThat(admin.get("/api/v2/tickets").json().get("count").asLong()).isEqualTo(before);
  }

  @Test
  void create_withoutComment_asksForItsBody() throws Exception {
    Response rejected = admin.post("/api/v2/tickets", json("{'ticket':{'subject':'Hi'}}"));

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.json())
        .isEqualTo(
            tree(
                "{'error':'RecordInvalid','description':'Record validation errors','details':"
                    + "{'comment.body':[{'description':'Comment body: cannot be blank',"
                    + "'error':'BlankValue'}]}}"));
  }

  @Test
  void create_withDescriptionAndNoComment_takesTheDescriptionAsThePublicFirstComment() {
    Response response =
        admin.post(
            "/api/v2/tickets",
            json(
                "{'ticket':{'subject':'Printer','description':'It is on fire',"
                    + "'has_incidents':false}}"));

    JsonNode ticket = created(response).get("ticket");
    assertThat(response.header("X-Dialtone-Ignored-Fields")).isNull();
    assertThat(ticket.get("description").asText()).isEqualTo("It is on fire");
    JsonNode comments =
        admin
            .get("/api/v2/tickets/" + ticket.get("id").asLong() + "/comments")
            .json()
            .get("comments");
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).get("body").asText()).isEqualTo("It is on fire");
    assertThat(comments.get(0).get("public").asBoolean()).isTrue();
  }

  @Test
  void create_withDescriptionAndComment_usesTheCommentAndReportsTheDescriptionIgnored() {
    Response response =
        admin.post(
            "/api/v2/tickets",
            json(
                "{'ticket':{'description':'From the description',"
                    + "'comment':{'body':'From the comment','public':false}}}"));

    JsonNode ticket = created(response).get("ticket");
    assertThat(response.header("X-Dialtone-Ignored-Fields")).isEqualTo("description");
    assertThat(ticket.get("description").asText()).isEqualTo("From the comment");
    JsonNode comments =
        admin
            .get("/api/v2/tickets/" + ticket.get("id").asLong() + "/comments")
            .json()
            .get("comments");
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).get("body").asText()).isEqualTo("From the comment");
    assertThat(comments.get(0).get("public").asBoolean()).isFalse();
  }

  @Test
  void create_withBlankOrWrongDescriptionAndNoComment_isRejected() throws Exception {
    Response blank =
        admin.post("/api/v2/tickets", json("{'ticket':{'subject':'Hi','description':'  '}}"));
    Response wrong = admin.post("/api/v2/tickets", json("{'ticket':{'description':7}}"));

    assertThat(blank.status()).isEqualTo(422);
    assertThat(blank.json().get("details"))
        .isEqualTo(
            tree(
                "{'comment.body':[{'description':'Comment body: cannot be blank',"
                    + "'error':'BlankValue'}]}"));
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.json().get("details"))
        .isEqualTo(
            tree(
                "{'description':[{'description':'Description: must be a string, not an"
                    + " integer','error':'InvalidType'}]}"));
  }

  @Test
  void create_withTicketThatIsNotAnObject_isInvalidJson() {
    Response rejected = admin.post("/api/v2/tickets", json("{'ticket':[1]}"));

    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.json().get("error").asText()).isEqualTo("InvalidJSON");
    assertThat(rejected.json().get("description").asText())
        .isEqualTo("\"ticket\" must be a JSON object, not an array");
  }

  @Test
  void update_changesOnlyTheFieldsSentAndAddsTheComment() {
    JsonNode ticket =
        createTicket("{'subject':'Keep me','priority':'low','comment':{'body':'First'}}");
    long id = ticket.get("id").asLong();

    Response updated =
        admin.put(
            "/api/v2/tickets/" + id,
            json(
                "{'ticket':{'status':'pending','comment':{'body':'Called back','public':false}}}"));

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    JsonNode changed = updated.json().get("ticket");
    assertThat(changed.get("status").asText()).isEqualTo("pending");
    assertThat(changed.get("subject").asText()).isEqualTo("Keep me");
    assertThat(changed.get("priority").asText()).isEqualTo("low");
    assertThat(
            admin
                .get("/api/v2/tickets/" + id + "?include=comment_count")
                .json()
                .get("ticket")
                .get("comment_count")
                .asInt())
        .isEqualTo(2);
    JsonNode comments = admin.get("/api/v2/tickets/" + id + "/comments").json().get("comments");
    assertThat(comments).hasSize(2);
    assertThat(comments.get(1).get("body").asText()).isEqualTo("Called back");
    assertThat(comments.get(1).get("public").asBoolean()).isFalse();
  }

  static long createOrganization(String name) {
    return created(
            admin.post("/api/v2/organizations", json("{'organization':{'name':'" + name + "'}}")))
        .get("organization")
        .get("id")
        .asLong();
  }

  @Test
  void update_replacesTagsAndSetsTheOtherWritableFields() {
    long brand =
        created(
                admin.post(
                    "/api/v2/brands", json("{'brand':{'name':'Other','subdomain':'other'}}")))
            .get("brand")
            .get("id")
            .asLong();
    long organization = createOrganization("Umbrella");
    long requester =
        createUser("{'name':'Umbrella Caller','organization_id':" + organization + "}");
    JsonNode ticket =
        createTicket("{'comment':{'body':'Hi'},'tags':['old','vip'],'external_id':'crm-2'}");
    long id = ticket.get("id").asLong();

    Response updated =
        admin.put(
            "/api/v2/tickets/" + id,
            json(
                "{'ticket':{'tags':['vip','new','new'],'external_id':'crm-3','brand_id':"
                    + brand
                    + ",'requester_id':"
                    + requester
                    + "}}"));

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.header("X-Dialtone-Ignored-Fields")).isNull();
    JsonNode changed = updated.json().get("ticket");
    assertThat(changed.get("tags").toString()).isEqualTo("[\"vip\",\"new\"]");
    assertThat(changed.get("external_id").asText()).isEqualTo("crm-3");
    assertThat(changed.get("brand_id").asLong()).isEqualTo(brand);
    assertThat(changed.get("requester_id").asLong()).isEqualTo(requester);
    // As on create, the ticket follows its requester into the requester's organization.
    assertThat(changed.get("organization_id").asLong()).isEqualTo(organization);
    assertThat(admin.get("/api/v2/tickets/" + id).json().get("ticket")).isEqualTo(changed);

    JsonNode cleared =
        admin
            .put(
                "/api/v2/tickets/" + id,
                json("{'ticket':{'tags':[],'external_id':null,'organization_id':null}}"))
            .json()
            .get("ticket");
    assertThat(cleared.get("tags").size()).isZero();
    assertThat(cleared.get("external_id").isNull()).isTrue();
    assertThat(cleared.get("organization_id").isNull()).isTrue();
    assertThat(cleared.get("requester_id").asLong()).isEqualTo(requester);
  }

  @Test
  void update_ofTheTicketSentBackWhole_changesOnlyWhatDiffersAndReportsNothing() {
    long organization = createOrganization("Initech");
    long requester = createUser("{'name':'Initech Caller','organization_id':" + organization + "}");
    ObjectNode ticket =
        (ObjectNode)
            createTicket(
                "{'subject':'Before','comment':{'body':'Hi'},'tags':['a'],'priority':'low',"
                    + "'requester_id':"
                    + requester
                    + ",'assignee_id':"
                    + adminId
                    + "}");
    long id = ticket.get("id").asLong();
    // What the Zendesk Java client sends back: the ticket as read, nulls left out, its own
    // has_incidents, and the changes.
    ObjectNode sent = ticket.deepCopy();
    sent.properties().removeIf(entry -> entry.getValue().isNull());
    sent.put("has_incidents", false);
    sent.put("subject", "After");
    sent.put("status", "pending");
    sent.putArray("tags").add("a").add("b");

    Response updated = admin.put("/api/v2/tickets/" + id + ".json", "{\"ticket\":" + sent + "}");

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.header("X-Dialtone-Ignored-Fields")).isNull();
    JsonNode changed = updated.json().get("ticket");
    assertThat(changed.get("subject").asText()).isEqualTo("After");
    assertThat(changed.get("status").asText()).isEqualTo("pending");
    assertThat(changed.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
    for (String unchanged :
        new String[] {
          "id",
          "url",
          "description",
          "priority",
          "requester_id",
          "submitter_id",
          "assignee_id",
          "organization_id",
          "brand_id",
          "via",
          "created_at",
          "comment_count"
        }) {
      assertThat(changed.get(unchanged)).as(unchanged).isEqualTo(ticket.get(unchanged));
    }
  }

  @Test
  void update_withShownButUnstoredFieldsChanged_reportsThemIgnoredAndChangesNothingElse() {
    JsonNode ticket = createTicket("{'comment':{'body':'The first words'}}");
    long id = ticket.get("id").asLong();

    Response updated =
        admin.put(
            "/api/v2/tickets/" + id,
            json(
                "{'ticket':{'id':1,'created_at':'2001-01-01T00:00:00Z','colour':'red',"
                    + "'description':'Other words','submitter_id':1,'group_id':5,"
                    + "'collaborator_ids':[],'custom_fields':[]}}"));

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.header("X-Dialtone-Ignored-Fields"))
        .isEqualTo("colour,description,submitter_id,group_id");
    JsonNode stored = updated.json().get("ticket");
    assertThat(stored.get("id").asLong()).isEqualTo(id);
    assertThat(stored.get("description").asText()).isEqualTo("The first words");
    assertThat(stored.get("submitter_id").asLong()).isEqualTo(adminId);
    assertThat(stored.get("created_at")).isEqualTo(ticket.get("created_at"));
  }

  @Test
  void update_withInvalidWritableFields_reportsEveryOneInOne422AndChangesNothing()
      throws Exception {
    JsonNode ticket = createTicket("{'comment':{'body':'Hi'},'tags':['keep']}");
    long id = ticket.get("id").asLong();

    Response rejected =
        admin.put(
            "/api/v2/tickets/" + id,
            json(
                "{'ticket':{'requester_id':null,'tags':'vip','external_id':5,"
                    + "'organization_id':99999999999,'brand_id':99999999999}}"));

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.json().get("details"))
        .isEqualTo(
            tree(
                "{'requester_id':[{'description':'Requester: cannot be blank',"
                    + "'error':'BlankValue'}],"
                    + "'external_id':[{'description':'External ID: must be a string, not an"
                    + " integer','error':'InvalidType'}],"
                    + "'tags':[{'description':'Tags: must be an array of strings, not a string',"
                    + "'error':'InvalidType'}],"
                    + "'brand_id':[{'description':'Brand: does not name a brand of this"
                    + " account','error':'InvalidValue'}],"
                    + "'organization_id':[{'description':'Organization: does not name an"
                    + " organization of this account','error':'InvalidValue'}]}"));
    assertThat(admin.get("/api/v2/tickets/" + id).json().get("ticket")).isEqualTo(ticket);

    Response unknownRequester =
        admin.put("/api/v2/tickets/" + id, json("{'ticket':{'requester_id':99999999999}}"));
    assertThat(unknownRequester.status()).isEqualTo(422);
    assertThat(
            unknownRequester
                .json()
                .get("details")
                .get("requester_id")
                .get(0)
                .get("description")
                .asText())
        .isEqualTo("Requester: does not name a user of this account");
  }

  @Test
  void update_ofClosedTicket_isRejectedAndChangesNothing() throws Exception {
    long id = createTicket("{'comment':{'body':'Done'}}").get("id").asLong();
    assertThat(admin.put("/api/v2/tickets/" + id, json("{'ticket':{'status':'closed'}}")).status())
        .isEqualTo(200);

    Response rejected =
        admin.put(
            "/api/v2/tickets/" + id,
            json("{'ticket':{'status':'open','comment':{'body':'Reopen?'}}}"));

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.json())
        .isEqualTo(
            tree(
                "{'error':'RecordInvalid','description':'Record validation errors','details':"
                    + "{'status':[{'description':'Status: closed prevents ticket update',"
                    + "'error':'InvalidValue'}]}}"));
    JsonNode stored =
        admin.get("/api/v2/tickets/" + id + "?include=comment_count").json().get("ticket");
    assertThat(stored.get("status").asText()).isEqualTo("closed");
    assertThat(stored.get("comment_count").asInt()).isEqualTo(1);
  }

  @Test
  void comments_showTpeVoiceCommentWithTheCallAsItIsNow() {
    JsonNode call =
        created(
                admin.post(
                    "/api/v2/calls",
                    json(
                        "{'call':{'app_id':735264019863524,"
                            + "'call_started_at':'2022-01-27T15:31:40+01','direction':'inbound',"
                            + "'from_line':'+16617480123','to_line':'+14948848487','duration':30},"
                            + "'comment':{'title':'Inbound call',"
                            + "'call_fields':['duration','from_line']}}")))
            .get("call");
    long ticketId = call.get("ticket_id").asLong();
    Response patched =
        admin.patch("/api/v2/calls/" + call.get("id").asLong(), json("{'call':{'duration':95}}"));
    assertThat(patched.status()).isEqualTo(200);

    JsonNode comments =
        admin.get("/api/v2/tickets/" + ticketId + "/comments.json").json().get("comments");

    assertThat(comments).hasSize(1);
    JsonNode comment = comments.get(0);
    assertThat(comment.get("type").asText()).isEqualTo("TpeVoiceComment");
    assertThat(comment.get("data").get("duration").asInt()).isEqualTo(95);
    assertThat(comment.get("data").get("call_id").asLong()).isEqualTo(call.get("id").asLong());
    assertThat(comment.get("body").asText())
        .isEqualTo("Inbound call\n\nSummary\nDuration: 95\nFrom line: +16617480123");
    assertThat(comment.get("formatted_from").asText()).isEqualTo("+1 (661) 748-0123");
  }

  @Test
  void commentCount_isSentOnlyWhenIncludeAsksForIt() {
    long id = createTicket("{'comment':{'body':'First'}}").get("id").asLong();
    admin.put("/api/v2/tickets/" + id, json("{'ticket':{'comment':{'body':'Second'}}}"));

    assertThat(admin.get("/api/v2/tickets/" + id).json().get("ticket").has("comment_count"))
        .isFalse();
    JsonNode shown =
        admin.get("/api/v2/tickets/" + id + ".json?include=users,comment_count").json();
    assertThat(shown.get("ticket").get("comment_count").asInt()).isEqualTo(2);

    JsonNode plainList = admin.get("/api/v2/tickets?per_page=100").json().get("tickets");
    assertThat(plainList).isNotEmpty();
    plainList.forEach(ticket -> assertThat(ticket.has("comment_count")).isFalse());
    JsonNode page = admin.get("/api/v2/tickets?include=comment_count&page[size]=100").json();
    page.get("tickets").forEach(ticket -> assertThat(ticket.has("comment_count")).isTrue());
    assertThat(page.get("links").get("next").asText()).contains("include=comment_count");
    JsonNode listed = null;
    for (JsonNode ticket : page.get("tickets")) {
      if (ticket.get("id").asLong() == id) {
        listed = ticket;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("comment_count").asInt()).isEqualTo(2);
  }

  @Test
  void list_andShow_needAnAgent() {
    long endUser = createUser("{'name':'Curious'}");
    String token =
        created(
                admin.post(
                    "/api/v2/oauth/tokens",
                    json("{'token':{'user_id':" + endUser + ",'scopes':['read']}}")))
            .get("token")
            .get("full_token")
            .asText();

    Response forbidden = new Api(server.port()).withBearer(token).get("/api/v2/tickets");

    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.body())
        .isEqualTo(
            "{\"error\":{\"title\":\"Forbidden\",\"message\":\"You do not have access to this"
                + " page. Please contact the account owner of this help desk for further"
                + " help.\"}}");
  }

  @Test
  void show_ofUnknownOrMalformedOrForeignTicket_isNotFound() {
    JsonNode account =
        created(
                admin.post(
                    "/_dialtone/accounts",
                    json("{'account':{'subdomain':'elsewhere','admin_email':'a@elsewhere.test'}}")))
            .get("account");
    Api elsewhere =
        new Api(server.port())
            .forAccount("elsewhere")
            .withToken("a@elsewhere.test", account.get("api_token").asText());
    long foreign =
        created(elsewhere.post("/api/v2/tickets", json("{'ticket':{'comment':{'body':'x'}}}")))
            .get("ticket")
            .get("id")
            .asLong();

    for (String path :
        new String[] {
          "/api/v2/tickets/" + foreign,
          "/api/v2/tickets/" + foreign + "/comments",
          "/api/v2/tickets/99999999999",
          "/api/v2/tickets/abc"
        }) {
      Response response = admin.get(path);
      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.body())
          .isEqualTo("{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");
    }
    assertThat(elsewhere.get("/api/v2/tickets/" + foreign).status()).isEqualTo(200);
  }

  @Test
  void wrongJsonTypes_anywhere_answer400Or422AndNever500() {
    long ticket = createTicket("{'comment':{'body':'x'}}").get("id").asLong();
    String[][] cases = {
      {"/api/v2/tickets", "{'ticket':null}"},
      {"/api/v2/tickets", "{'ticket':'x'}"},
      {"/api/v2/tickets", "{'ticket':{'comment':'hello'}}"},
      {"/api/v2/tickets", "{'ticket':{'comment':{'body':['x']},'tags':[1,{}],'requester_id':1.5}}"},
      {"/api/v2/tickets", "{'ticket':{'comment':{'body':'x'},'assignee_id':99999999999999999999}}"},
      {"/api/v2/users", "{'user':{'name':{},'email':[],'role':1,'organization_id':'7'}}"},
      {"/api/v2/users", "{'user':{'name':'x','email':'not an email'}}"},
      {"/api/v2/organizations", "{'organization':{'name':true,'external_id':1}}"},
      {"/api/v2/brands", "{'brand':{'name':1,'subdomain':{}}}"},
      {"/api/v2/api_tokens", "{'api_token':{'description':7}}"},
      {"/api/v2/oauth/tokens", "{'token':{'user_id':-1,'scopes':'read'}}"},
      {"/api/v2/oauth/tokens", "{'token':{'scopes':[null]}}"},
    };
    for (String[] each : cases) {
      Response response = admin.post(each[0], json(each[1]));
      assertThat(response.status()).as(each[0] + " " + each[1] + " -> " + response).isIn(400, 422);
    }
    for (String body :
        new String[] {
          "{'ticket':{'status':null}}",
          "{'ticket':{'status':'open','priority':'asap','comment':{'public':1,'body':' '}}}",
          "{'ticket':{'assignee_id':'me'}}",
          "[]"
        }) {
      Response response = admin.put("/api/v2/tickets/" + ticket, json(body));
      assertThat(response.status()).as(body + " -> " + response).isIn(400, 422);
    }
    for (String query :
        new String[] {
          "/api/v2/users/search?query=%25_%5C",
          "/api/v2/search?query=phone:*",
          "/api/v2/search?query=%22unclosed",
          "/api/v2/search?query=:::",
          "/api/v2/search"
        }) {
      assertThat(admin.get(query).status()).as(query).isEqualTo(200);
    }
  }
}

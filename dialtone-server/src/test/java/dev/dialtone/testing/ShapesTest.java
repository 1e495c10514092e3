package dev.dialtone.testing;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.testing.Shapes.Difference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shape checker finds each kind of difference, and only those, at the right path. */
class ShapesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode parse(String singleQuoted) {
    try {
      return MAPPER.readTree(json(singleQuoted));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode organization() {
    return parse(
        "{'created_at': '2024-01-01T00:00:00Z', 'details': null, 'domain_names': ['a.example'],"
            + " 'external_id': null, 'group_id': null, 'id': 7, 'name': 'Globex', 'notes': null,"
            + " 'organization_fields': {}, 'shared_comments': false, 'shared_tickets': false,"
            + " 'tags': [], 'updated_at': '2024-01-01T00:00:00Z',"
            + " 'url': 'http://x/api/v2/organizations/7.json'}");
  }

  @Test
  void anObjectOfTheShape_hasNoDifferences() {
    assertThat(Shapes.check("organization", organization())).isEmpty();
  }

  @Test
  void missingExtraAndMistypedKeys_areEachNamedWithTheirPath() {
    var json = (ObjectNode) organization();
    json.remove("notes");
    json.put("colour", "red");
    json.put("id", "7");
    json.putArray("domain_names").add(3);

    assertThat(Shapes.check("organization", json))
        .containsExactlyInAnyOrder(
            new Difference("organization", "notes", "string|null", Shapes.ABSENT),
            new Difference("organization", "colour", Shapes.ABSENT, "string"),
            new Difference("organization", "id", "integer", "string"),
            new Difference("organization", "domain_names[]", "string", "integer"));
  }

  @Test
  void nestedShapes_areCheckedKeyByKey() {
    JsonNode comment =
        parse(
            "{'attachments': [], 'audit_id': 1, 'author_id': 2, 'body': 'b', 'created_at': 'c',"
                + " 'html_body': 'h', 'id': 3, 'metadata': {'system': {}, 'custom': {}},"
                + " 'plain_body': 'p', 'public': true, 'type': 'Comment',"
                + " 'via': {'channel': 'api', 'source': {'from': {}, 'to': {}, 'rel': 5}}}");

    assertThat(Shapes.check("comment", comment))
        .containsExactly(new Difference("comment", "via.source.rel", "string|null", "integer"));
  }

  @Test
  void aFixtureOfVariants_matchesAnyOfThem_andANamedVariantOnlyItself() {
    JsonNode unauthenticated = parse("{'error': 'Could not authenticate you'}");

    assertThat(Shapes.check("error", unauthenticated)).isEmpty();
    assertThat(Shapes.check("error/coded", unauthenticated))
        .containsExactly(new Difference("error/coded", "description", "string", Shapes.ABSENT));
  }

  @Test
  void mapsOfAnyKey_checkEveryValue() {
    JsonNode invalid =
        parse(
            "{'error': 'RecordInvalid', 'description': 'Record validation errors', 'details':"
                + " {'name': [{'description': 'Name: cannot be blank', 'error': 'BlankValue'}],"
                + " 'email': [{'description': 'Email: bad'}]}}");

    assertThat(Shapes.check("error/record_invalid", invalid))
        .containsExactly(
            new Difference(
                "error/record_invalid", "details.email[].error", "string", Shapes.ABSENT));
  }

  @Test
  void lists_checkTheEnvelopeAndEveryElement() {
    var body = MAPPER.createObjectNode();
    body.putArray("organizations").add(organization()).add(parse("{'id': 8}"));
    body.put("count", 2);
    body.putNull("next_page");

    List<Difference> found =
        Shapes.checkList("offset_envelope", "organizations", "organization", body);

    assertThat(found)
        .contains(new Difference("offset_envelope", "previous_page", "string|null", Shapes.ABSENT))
        .contains(new Difference("organization", "name", "string", Shapes.ABSENT))
        .noneMatch(d -> d.path().equals("id"));
  }

  @Test
  void theAssertion_skipsKnownDifferences_andNamesEveryOther() {
    var json = (ObjectNode) organization();
    json.remove("notes");
    json.remove("tags");
    Difference notes = new Difference("organization", "notes", "string|null", Shapes.ABSENT);

    assertThatThrownBy(
            () ->
                Shapes.assertNone(
                    "GET /organizations/7", Shapes.check("organization", json), List.of(notes)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /organizations/7")
        .hasMessageContaining("organization at tags: missing key (Zendesk: array)")
        .hasMessageNotContaining("at notes");
  }

  private static Response answer(int status, String body) {
    return new Response(
        status,
        json(body),
        HttpHeaders.of(
            Map.of("Content-Type", List.of("application/json; charset=utf-8")),
            (name, value) -> true));
  }

  @Test
  void everyAnswerOfZendesksApi_isCheckedByItsRootKey() {
    Response brand = answer(200, "{'brand': {'id': 1, 'name': 'Acme'}}");

    assertThatThrownBy(() -> AnswerShapes.check("GET", "/api/v2/brands/1.json", brand))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /api/v2/brands/1.json")
        .hasMessageContaining("brand at subdomain: missing key");
  }

  @Test
  void answersWithoutOneKnownRootKey_orOutsideZendesksApi_orFailures_areNotChecked() {
    AnswerShapes.check("GET", "/_dialtone/brands", answer(200, "{'brand': {'id': 1}}"));
    AnswerShapes.check("GET", "/api/v2/tickets/1", answer(200, "{'ticket': {}, 'users': []}"));
    AnswerShapes.check("GET", "/api/v2/tickets", answer(200, "{'tickets': [], 'users': []}"));
    AnswerShapes.check("POST", "/api/v2/api_tokens", answer(201, "{'api_token': {}}"));
  }

  @Test
  void everyErrorOfZendesksApi_isCheckedAgainstZendesksErrorBodies() {
    AnswerShapes.check(
        "GET", "/api/v2/tickets/1", answer(404, "{'error': 'RecordNotFound', 'description': 'x'}"));

    assertThatThrownBy(
            () -> AnswerShapes.check("GET", "/api/v2/tickets/1", answer(404, "{'message': 'x'}")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /api/v2/tickets/1 (404)");
  }
}

package dev.dialtone.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.api.Call;
import dev.dialtone.api.CallEnvelope;
import dev.dialtone.api.CallField;
import dev.dialtone.api.VoiceComment;
import dev.dialtone.auth.Access;
import dev.dialtone.event.Event;
import dev.dialtone.event.EventBus;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.http.InputObject;
import dev.dialtone.http.Json;
import dev.dialtone.http.Reply;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.route.Route;
import dev.dialtone.store.Database;
import dev.dialtone.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The four routes of the Talk Partner Edition calls API (docs/api.md). */
public final class CallRoutes {
  /**
   * The type of the event that tells every node a call was created or changed through this API; its
   * payload is {@code {"id":<call id>}}, so that a page showing the call or its ticket can refresh.
   */
  public static final String CALL_CHANGED = "call_changed";

  private final Database database;
  private final CallStore calls;
  private final CallReferences references;
  private final VoiceComments voiceComments;
  private final EventBus events;
  private final Clock clock;

  public CallRoutes(
      Database database,
      CallStore calls,
      CallReferences references,
      VoiceComments voiceComments,
      EventBus events,
      Clock clock) {
    this.database = database;
    this.calls = calls;
    this.references = references;
    this.voiceComments = voiceComments;
    this.events = events;
    this.clock = clock;
  }

  public List<Route> routes() {
    return List.of(
        Route.post("calls.create", "/api/v2/calls", Access.AGENT, this::create)
            .talk()
            .withIdempotencyKey()
            .summary("Creates a call record; with `comment`, its voice comment on a ticket too"),
        Route.get("calls.show", "/api/v2/calls/{call_id}", Access.AGENT, this::show)
            .talk()
            .summary("Shows a call record"),
        Route.patch("calls.update", "/api/v2/calls/{call_id}", Access.AGENT, this::update)
            .talk()
            .summary("Updates the fields given; the others keep their values"),
        Route.post("calls.comment", "/api/v2/calls/{call_id}/comments", Access.AGENT, this::comment)
            .talk()
            .withIdempotencyKey()
            .summary("Adds a voice comment of the call to a ticket"));
  }

  private Reply create(ApiRequest request) {
    ObjectNode body = request.jsonBody();
    ObjectNode callNode = ApiRequest.envelope(body, "call");
    JsonNode commentNode = body.get("comment");
    if (commentNode != null && !commentNode.isNull() && !commentNode.isObject()) {
      throw ApiException.invalidJson(
          "The comment must be a JSON object, not " + Json.kind(commentNode));
    }
    FieldErrors errors = new FieldErrors();
    List<String> ignored = new ArrayList<>(envelopeUnknownKeys(body, errors, "call", "comment"));
    CallInput.Parsed parsed = CallInput.forCreate(callNode, errors);
    ignored.addAll(parsed.unknownKeys());
    VoiceCommentRequest comment = null;
    if (commentNode != null && commentNode.isObject()) {
      List<String> commentIgnored = new ArrayList<>();
      comment = VoiceCommentRequest.read((ObjectNode) commentNode, errors, commentIgnored);
      commentIgnored.forEach(key -> ignored.add("comment." + key));
    }
    request.ignored(ignored);
    VoiceCommentRequest voiceComment = comment;
    Call call =
        database.write(
            tx -> {
              references.check(tx, request.accountId(), parsed.values(), errors);
              if (voiceComment != null) {
                voiceComments.checkPeople(tx, request.accountId(), voiceComment, errors);
              }
              errors.throwIfAny();
              Instant now = clock.instant();
              Call created = calls.insert(tx, request.accountId(), parsed.values(), now);
              announce(tx, created);
              if (voiceComment == null) {
                return created;
              }
              VoiceComments.Added added =
                  voiceComments.add(tx, request.principal(), created, voiceComment, now);
              return linkTicket(tx, created, added, now);
            });
    // No Location: Zendesk's answer to this POST has none (docs/decisions.md).
    return Reply.created(new CallEnvelope(call));
  }

  private Reply show(ApiRequest request) {
    long id = request.pathId("call_id");
    Call call =
        database
            .read(tx -> calls.find(tx, request.accountId(), id))
            .orElseThrow(ApiException::notFound);
    return Reply.ok(new CallEnvelope(call));
  }

  private Reply update(ApiRequest request) {
    long id = request.pathId("call_id");
    ObjectNode body = request.jsonBody();
    ObjectNode callNode = ApiRequest.envelope(body, "call");
    List<String> ignored = new ArrayList<>(envelopeUnknownKeys(body, new FieldErrors(), "call"));
    Call call =
        database.write(
            tx -> {
              Call stored =
                  calls
                      .findForUpdate(tx, request.accountId(), id)
                      .orElseThrow(ApiException::notFound);
              FieldErrors errors = new FieldErrors();
              CallInput.Parsed parsed = CallInput.forPatch(callNode, stored, errors);
              ignored.addAll(parsed.unknownKeys());
              references.check(tx, request.accountId(), parsed.values(), errors);
              errors.throwIfAny();
              announce(tx, stored);
              return calls.update(tx, request.accountId(), id, parsed.values(), clock.instant());
            });
    request.ignored(ignored);
    return Reply.ok(new CallEnvelope(call));
  }

  private Reply comment(ApiRequest request) {
    long id = request.pathId("call_id");
    ObjectNode body = request.jsonBody();
    FieldErrors errors = new FieldErrors();
    List<String> ignored = new ArrayList<>();
    VoiceCommentRequest comment = VoiceCommentRequest.read(body, errors, ignored);
    request.ignored(ignored);
    VoiceComment rendered =
        database.write(
            tx -> {
              Call call =
                  calls
                      .findForUpdate(tx, request.accountId(), id)
                      .orElseThrow(ApiException::notFound);
              voiceComments.checkPeople(tx, request.accountId(), comment, errors);
              errors.throwIfAny();
              Instant now = clock.instant();
              announce(tx, call);
              VoiceComments.Added added =
                  voiceComments.add(tx, request.principal(), call, comment, now);
              Call current = linkTicket(tx, call, added, now);
              return VoiceCommentRenderer.render(added.comment(), current);
            });
    return Reply.created(rendered);
  }

  /** Tells every node of the call's change once the transaction commits, never if it rolls back. */
  private void announce(Tx tx, Call call) {
    long accountId = call.accountId();
    String payload = "{\"id\":" + call.id() + "}";
    events.publishOnCommit(tx, new Event(accountId, CALL_CHANGED, payload));
  }

  /** Points the call at the ticket its first comment created; {@code updated_at} advances. */
  private Call linkTicket(Tx tx, Call call, VoiceComments.Added added, Instant now) {
    if (!added.ticketCreated()) {
      return call;
    }
    return calls.update(
        tx, call.accountId(), call.id(), Map.of(CallField.TICKET_ID, added.ticket().id()), now);
  }

  /** The body's keys other than {@code known}, which are read by their own readers. */
  private static List<String> envelopeUnknownKeys(
      ObjectNode body, FieldErrors errors, String... known) {
    InputObject top = new InputObject(body, errors);
    for (String key : known) {
      top.has(key);
    }
    return top.unknownKeys();
  }
}

package dev.dialtone.voiceticket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.api.FieldErrorCode;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.ticket.Via;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /api/v2/channels/voice/tickets}, read and type-checked. Whether its ids
 * name people of the account is checked by {@link VoiceTicketRoutes} inside the write. Values that
 * failed validation are null; such a request is rejected before any is used.
 *
 * @param call the {@code voice_comment}, when one was sent
 * @param commentBody the plain {@code comment.body}, when one was sent
 */
record VoiceTicketRequest(
    Integer viaId,
    CallDetails call,
    String subject,
    String commentBody,
    boolean commentPublic,
    Long requesterId,
    Long assigneeId,
    String priority,
    String type,
    List<String> tags,
    String externalId,
    Long displayToAgent) {
  private static final Set<String> BODY_KEYS = Set.of("ticket", "display_to_agent");
  private static final Set<String> TICKET_KEYS =
      Set.of(
          "via_id",
          CallDetails.KEY,
          "subject",
          "comment",
          "requester_id",
          "assignee_id",
          "priority",
          "type",
          "tags",
          "external_id");
  private static final Set<String> COMMENT_KEYS = Set.of("body", "public");
  private static final int MAX_TEXT = 255;

  /** Zendesk's limit on one comment's text. */
  private static final int MAX_COMMENT = 65_536;

  private static final int MAX_TAGS = 100;

  VoiceTicketRequest {
    tags = List.copyOf(tags);
  }

  /**
   * Reads the request body and its {@code ticket} object, adding each failing key to {@code
   * errors}; unknown keys, by path, to {@code ignored}.
   */
  static VoiceTicketRequest read(
      ObjectNode body, ObjectNode ticket, FieldErrors errors, List<String> ignored) {
    // Fields are named without the "ticket." envelope, in details as in the ignored-fields
    // header, as the calls API names those of "call".
    FieldReader top = new FieldReader(body, "", errors);
    FieldReader fields = new FieldReader(ticket, "", errors);
    ignored.addAll(top.unknownKeys(BODY_KEYS));
    ignored.addAll(fields.unknownKeys(TICKET_KEYS));

    Integer viaId = viaId(fields);
    CallDetails call = null;
    ObjectNode callNode = fields.object(CallDetails.KEY, CallDetails.LABEL);
    if (callNode != null) {
      call = CallDetails.read(callNode, CallDetails.KEY, errors, ignored);
    } else if (viaId != null && viaId == Via.VOICEMAIL && !errors.has(CallDetails.KEY)) {
      fields.fail(
          CallDetails.KEY,
          CallDetails.LABEL,
          FieldErrorCode.BlankValue,
          "cannot be blank for a voicemail (via_id 44)");
    }

    String commentBody = null;
    boolean commentPublic = true;
    ObjectNode commentNode = fields.object("comment", "Comment");
    if (commentNode != null) {
      FieldReader comment = new FieldReader(commentNode, "comment.", errors);
      ignored.addAll(comment.unknownKeys(COMMENT_KEYS));
      commentBody = comment.text("body", "Comment body", MAX_COMMENT);
      if (commentBody != null && commentBody.isBlank()) {
        commentBody = null;
      }
      Boolean isPublic = comment.bool("public", "Comment public");
      commentPublic = isPublic == null || isPublic;
    }
    // Ours, from Zendesk ticket rules: a ticket starts with a comment, which is its description.
    if (viaId != null
        && viaId != Via.VOICEMAIL
        && callNode == null
        && commentBody == null
        && !errors.has(CallDetails.KEY)
        && !errors.has("comment")
        && !errors.has("comment.body")) {
      fields.fail(
          "comment",
          "Comment",
          FieldErrorCode.BlankValue,
          "cannot be blank: send a comment with a body, or a voice_comment");
    }

    return new VoiceTicketRequest(
        viaId,
        call,
        fields.text("subject", "Subject", MAX_TEXT),
        commentBody,
        commentPublic,
        fields.id("requester_id", "Requester"),
        fields.id("assignee_id", "Assignee"),
        fields.oneOf("priority", "Priority", Set.of("low", "normal", "high", "urgent")),
        fields.oneOf("type", "Type", Set.of("problem", "incident", "question", "task")),
        fields.strings("tags", "Tags", MAX_TAGS, MAX_TEXT),
        fields.text("external_id", "External ID", MAX_TEXT),
        top.id("display_to_agent", "Display to agent"));
  }

  private static Integer viaId(FieldReader fields) {
    Long viaId = fields.requiredInteger("via_id", "Via");
    if (viaId == null) {
      return null;
    }
    if (viaId != Via.VOICEMAIL && viaId != Via.INBOUND && viaId != Via.OUTBOUND) {
      fields.fail(
          "via_id",
          "Via",
          FieldErrorCode.InvalidValue,
          "must be 44 (voicemail), 45 (inbound call) or 46 (outbound call)");
      return null;
    }
    return viaId.intValue();
  }
}

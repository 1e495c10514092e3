package dev.dialtone.voiceticket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.api.FieldErrorCode;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.http.InputLimits;
import dev.dialtone.http.InputObject;
import dev.dialtone.http.InputObject.Wording;
import dev.dialtone.ticket.Ticket;
import dev.dialtone.ticket.Via;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v2/channels/voice/tickets}, read and type-checked. Whether its ids
 * name people of the account is checked by {@link VoiceTicketRoutes} inside the write. Values that
 * failed validation are null; such a request is rejected before any is used.
 *
 * @param call the {@code voice_comment}, when one was sent
 * @param commentBody the plain {@code comment.body}, when one was sent
 */
// Null where a key was absent or failed: a request with errors is refused before it is used.
record VoiceTicketRequest(
    @Nullable Integer viaId,
    @Nullable CallDetails call,
    @Nullable String subject,
    @Nullable String commentBody,
    boolean commentPublic,
    @Nullable Long requesterId,
    @Nullable Long assigneeId,
    @Nullable String priority,
    @Nullable String type,
    List<String> tags,
    @Nullable String externalId,
    @Nullable Long displayToAgent) {
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
    InputObject top = new InputObject(body, errors, Wording.SUPPORT);
    InputObject fields = new InputObject(ticket, errors, Wording.SUPPORT);
    top.has("ticket");

    Integer viaId = viaId(fields);
    InputObject callInput = fields.object(CallDetails.KEY, CallDetails.LABEL);
    CallDetails call = callInput == null ? null : CallDetails.read(callInput);
    if (callInput == null && viaId != null && viaId == Via.VOICEMAIL) {
      fields.blank(CallDetails.KEY, CallDetails.LABEL, " for a voicemail (via_id 44)");
    }

    String commentBody = null;
    boolean commentPublic = true;
    InputObject comment = fields.object("comment", "Comment");
    if (comment != null) {
      commentBody = comment.text("body", "Comment body", InputLimits.COMMENT_BODY);
      if (commentBody != null && commentBody.isBlank()) {
        commentBody = null;
      }
      Boolean isPublic = comment.bool("public", "Comment public");
      commentPublic = isPublic == null || isPublic;
    }
    // Ours, from Zendesk ticket rules: a ticket starts with a comment, which is its description.
    if (viaId != null
        && viaId != Via.VOICEMAIL
        && callInput == null
        && commentBody == null
        && !fields.failed(CallDetails.KEY)
        && !fields.failed("comment.body")) {
      fields.blank("comment", "Comment", ": send a comment with a body, or a voice_comment");
    }

    VoiceTicketRequest request =
        new VoiceTicketRequest(
            viaId,
            call,
            fields.text("subject", "Subject", InputLimits.TEXT),
            commentBody,
            commentPublic,
            fields.id("requester_id", "Requester"),
            fields.id("assignee_id", "Assignee"),
            fields.oneOf("priority", "Priority", Ticket.PRIORITIES),
            fields.oneOf("type", "Type", Ticket.TYPES),
            orEmpty(fields.strippedTexts("tags", "Tags", InputLimits.TAGS, InputLimits.TEXT)),
            fields.text("external_id", "External ID", InputLimits.TEXT),
            top.id("display_to_agent", "Display to agent"));
    ignored.addAll(top.unknownKeys());
    ignored.addAll(fields.unknownKeys());
    if (callInput != null) {
      ignored.addAll(callInput.unknownKeys());
    }
    if (comment != null) {
      ignored.addAll(comment.unknownKeys());
    }
    return request;
  }

  private static @Nullable Integer viaId(InputObject fields) {
    Long viaId = fields.requiredInteger("via_id", "Via");
    if (viaId == null) {
      return null;
    }
    if (viaId != Via.VOICEMAIL && viaId != Via.INBOUND && viaId != Via.OUTBOUND) {
      fields.add(
          "via_id",
          "Via",
          FieldErrorCode.InvalidValue,
          "must be 44 (voicemail), 45 (inbound call) or 46 (outbound call)");
      return null;
    }
    return viaId.intValue();
  }

  private static List<String> orEmpty(@Nullable List<String> texts) {
    return texts == null ? List.of() : texts;
  }
}

package dev.dialtone.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.http.InputLimits;
import dev.dialtone.http.InputObject;
import dev.dialtone.http.InputObject.Wording;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code ticket} object of {@code POST} and {@code PUT /api/v2/tickets}: types, closed
 * sets and lengths, every failure collected. Whether the ids name records of the account is checked
 * afterwards, inside the write.
 */
final class TicketInput {
  static final List<String> STATUSES =
      Arrays.stream(TicketStatus.values()).map(TicketStatus::wireName).toList();

  /** The first or a further comment: a plain text comment. */
  record NewComment(String body, boolean isPublic) {}

  /** A ticket to create; null where the client sent nothing and a default applies. */
  record Create(
      @Nullable String subject,
      @Nullable NewComment comment,
      @Nullable Long requesterId,
      @Nullable Long assigneeId,
      @Nullable TicketStatus status,
      @Nullable String priority,
      @Nullable String type,
      List<String> tags,
      @Nullable String externalId,
      @Nullable Long brandId,
      @Nullable Long organizationId,
      List<String> unknownKeys) {}

  /**
   * Changes to a ticket: only the keys sent ({@code sent}) change, a {@code null} clears. {@code
   * comment} is null when none is added. {@code echoed} holds the keys a ticket shows that a PUT
   * does not store, as sent, to be compared with what the ticket shows.
   */
  record Update(
      List<String> sent,
      @Nullable String subject,
      @Nullable TicketStatus status,
      @Nullable String priority,
      @Nullable String type,
      @Nullable Long assigneeId,
      @Nullable Long requesterId,
      @Nullable Long organizationId,
      @Nullable Long brandId,
      @Nullable String externalId,
      @Nullable List<String> tags,
      @Nullable NewComment comment,
      Map<String, JsonNode> echoed,
      List<String> unknownKeys) {
    boolean changes(String key) {
      return sent.contains(key);
    }
  }

  /** The keys a PUT stores, in the order a ticket shows them. */
  static final List<String> WRITABLE =
      List.of(
          "external_id",
          "type",
          "subject",
          "priority",
          "status",
          "requester_id",
          "assignee_id",
          "organization_id",
          "tags",
          "brand_id");

  /**
   * Read-only in Zendesk: a read-modify-write client sends them back, and they never change
   * anything, so a POST or PUT takes them without a word, whatever their value. {@code
   * has_incidents} is not shown by Dialtone but always sent by the Zendesk Java client.
   */
  static final List<String> READ_ONLY =
      List.of(
          "url",
          "id",
          "via",
          "created_at",
          "updated_at",
          "is_public",
          "comment_count",
          "has_incidents",
          "generated_timestamp",
          "encoded_id",
          "allow_channelback",
          "allow_attachments",
          "from_messaging_channel");

  /**
   * Shown by Dialtone, writable in Zendesk or meaningful to change, but not stored by a PUT: silent
   * when sent back as shown, reported ignored when sent with another value.
   */
  static final List<String> SHOWN_NOT_STORED =
      List.of(
          "raw_subject",
          "description",
          "submitter_id",
          "group_id",
          "collaborator_ids",
          "follower_ids",
          "custom_fields",
          "recipient",
          "email_cc_ids",
          "forum_topic_id",
          "problem_id",
          "due_at",
          "satisfaction_rating",
          "sharing_agreement_ids",
          "custom_status_id",
          "fields",
          "followup_ids",
          "ticket_form_id");

  private TicketInput() {}

  static Create forCreate(ObjectNode ticket, FieldErrors errors) {
    InputObject input = new InputObject(ticket, errors, Wording.SUPPORT);
    String subject = input.text("subject", "Subject", InputLimits.TEXT);
    List<String> unknown = new ArrayList<>();
    NewComment comment = firstComment(input, unknown);
    Long requesterId = input.id("requester_id", "Requester");
    Long assigneeId = input.id("assignee_id", "Assignee");
    String status = input.oneOf("status", "Status", STATUSES);
    String priority = input.oneOf("priority", "Priority", Ticket.PRIORITIES);
    String type = input.oneOf("type", "Type", Ticket.TYPES);
    List<String> tags = input.texts("tags", "Tags", InputLimits.TAGS, InputLimits.TEXT);
    String externalId = input.text("external_id", "External ID", InputLimits.TEXT);
    Long brandId = input.id("brand_id", "Brand");
    Long organizationId = input.id("organization_id", "Organization");
    for (String key : READ_ONLY) {
      input.has(key);
    }
    unknown.addAll(0, input.unknownKeys());
    return new Create(
        subject,
        comment,
        requesterId,
        assigneeId,
        status == null ? null : TicketStatus.byWireName(status).orElseThrow(),
        priority,
        type,
        tags == null ? List.of() : tags,
        externalId,
        brandId,
        organizationId,
        unknown);
  }

  static Update forUpdate(ObjectNode ticket, FieldErrors errors) {
    InputObject input = new InputObject(ticket, errors, Wording.SUPPORT);
    List<String> sent = new ArrayList<>();
    for (String key : WRITABLE) {
      if (input.has(key)) {
        sent.add(key);
      }
    }
    String subject = input.text("subject", "Subject", InputLimits.TEXT);
    String status = input.oneOf("status", "Status", STATUSES);
    if (sent.contains("status") && status == null) {
      input.blank("status", "Status", "");
    }
    String priority = input.oneOf("priority", "Priority", Ticket.PRIORITIES);
    String type = input.oneOf("type", "Type", Ticket.TYPES);
    Long assigneeId = input.id("assignee_id", "Assignee");
    // Every ticket has a requester: it can change, not go.
    Long requesterId =
        sent.contains("requester_id")
            ? input.requiredId("requester_id", "Requester")
            : input.id("requester_id", "Requester");
    Long organizationId = input.id("organization_id", "Organization");
    Long brandId = input.id("brand_id", "Brand");
    String externalId = input.text("external_id", "External ID", InputLimits.TEXT);
    List<String> tags = input.texts("tags", "Tags", InputLimits.TAGS, InputLimits.TEXT);
    for (String key : READ_ONLY) {
      input.has(key);
    }
    Map<String, JsonNode> echoed = new LinkedHashMap<>();
    for (String key : SHOWN_NOT_STORED) {
      if (input.has(key)) {
        echoed.put(key, ticket.get(key));
      }
    }
    List<String> unknown = new ArrayList<>();
    NewComment comment = comment(input, unknown);
    unknown.addAll(0, input.unknownKeys());
    return new Update(
        List.copyOf(sent),
        subject,
        status == null ? null : TicketStatus.byWireName(status).orElseThrow(),
        priority,
        type,
        assigneeId,
        requesterId,
        organizationId,
        brandId,
        externalId,
        tags,
        comment,
        echoed,
        unknown);
  }

  /**
   * The first comment: the {@code comment} object, else {@code description} as a public comment's
   * body, which Zendesk still accepts from clients that set it (docs/decisions.md). With both, the
   * comment wins, as on Zendesk, and {@code description} is reported ignored.
   */
  private static @Nullable NewComment firstComment(InputObject ticket, List<String> unknown) {
    NewComment comment = comment(ticket, unknown);
    if (comment != null || ticket.failed("comment") || ticket.failed("comment.body")) {
      if (comment != null && ticket.has("description")) {
        unknown.add("description");
      }
      return comment;
    }
    String description = ticket.text("description", "Description", InputLimits.COMMENT_BODY);
    if (description == null || description.isBlank()) {
      if (!ticket.failed("description")) {
        ticket.blank("comment.body", "Comment body", "");
      }
      return null;
    }
    return new NewComment(description, true);
  }

  /**
   * The {@code comment} object: {@code body} required (its errors are named {@code comment.body}),
   * {@code public} true unless sent false; null when none was sent.
   */
  private static @Nullable NewComment comment(InputObject ticket, List<String> unknown) {
    InputObject comment = ticket.object("comment", "Comment");
    if (comment == null) {
      return null;
    }
    String body = comment.requiredText("body", "Comment body", InputLimits.COMMENT_BODY);
    Boolean isPublic = comment.bool("public", "Comment public");
    unknown.addAll(comment.unknownKeys());
    return body == null ? null : new NewComment(body, isPublic == null || isPublic);
  }
}

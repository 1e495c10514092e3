package dev.dialtone.ticket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.api.FieldErrorCode;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.http.InputObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code ticket} object of {@code POST} and {@code PUT /api/v2/tickets}: types, closed
 * sets and lengths, every failure collected. Whether the ids name records of the account is checked
 * afterwards, inside the write.
 */
final class TicketInput {
  static final List<String> STATUSES =
      Arrays.stream(TicketStatus.values()).map(TicketStatus::wireName).toList();
  static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
  static final List<String> TYPES = List.of("problem", "incident", "question", "task");

  /** Zendesk's comments hold up to 64 KB; counting characters keeps the rule simple. */
  static final int MAX_BODY = 65_536;

  static final int MAX_TAGS = 100;

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
   * comment} is null when none is added.
   */
  record Update(
      List<String> sent,
      @Nullable String subject,
      @Nullable TicketStatus status,
      @Nullable String priority,
      @Nullable String type,
      @Nullable Long assigneeId,
      @Nullable NewComment comment,
      List<String> unknownKeys) {
    boolean changes(String key) {
      return sent.contains(key);
    }
  }

  private TicketInput() {}

  static Create forCreate(ObjectNode ticket, FieldErrors errors) {
    InputObject input = new InputObject(ticket, errors);
    String subject = input.text("subject", "Subject", InputObject.MAX_TEXT);
    List<String> unknown = new ArrayList<>();
    NewComment comment = comment(input, errors, unknown, true);
    Long requesterId = input.id("requester_id", "Requester");
    Long assigneeId = input.id("assignee_id", "Assignee");
    String status = input.oneOf("status", "Status", STATUSES);
    String priority = input.oneOf("priority", "Priority", PRIORITIES);
    String type = input.oneOf("type", "Type", TYPES);
    List<String> tags = input.texts("tags", "Tags", MAX_TAGS, InputObject.MAX_TEXT);
    String externalId = input.text("external_id", "External ID", InputObject.MAX_TEXT);
    Long brandId = input.id("brand_id", "Brand");
    Long organizationId = input.id("organization_id", "Organization");
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
    InputObject input = new InputObject(ticket, errors);
    List<String> sent = new ArrayList<>();
    for (String key : List.of("subject", "status", "priority", "type", "assignee_id")) {
      if (input.has(key)) {
        sent.add(key);
      }
    }
    String subject = input.text("subject", "Subject", InputObject.MAX_TEXT);
    String status = input.oneOf("status", "Status", STATUSES);
    if (sent.contains("status") && status == null && !errors.has("status")) {
      input.add("status", "Status", FieldErrorCode.BlankValue, "cannot be blank");
    }
    String priority = input.oneOf("priority", "Priority", PRIORITIES);
    String type = input.oneOf("type", "Type", TYPES);
    Long assigneeId = input.id("assignee_id", "Assignee");
    List<String> unknown = new ArrayList<>();
    NewComment comment = comment(input, errors, unknown, false);
    unknown.addAll(0, input.unknownKeys());
    return new Update(
        List.copyOf(sent),
        subject,
        status == null ? null : TicketStatus.byWireName(status).orElseThrow(),
        priority,
        type,
        assigneeId,
        comment,
        unknown);
  }

  /**
   * The {@code comment} object: {@code body} required (its errors are named {@code comment.body}),
   * {@code public} true unless sent false. Required on create, optional on update.
   */
  private static @Nullable NewComment comment(
      InputObject ticket, FieldErrors errors, List<String> unknown, boolean required) {
    InputObject comment = ticket.object("comment", "Comment");
    if (comment == null) {
      if (required && !errors.has("comment")) {
        ticket.add("comment.body", "Comment body", FieldErrorCode.BlankValue, "cannot be blank");
      }
      return null;
    }
    String body = comment.requiredText("body", "Comment body", MAX_BODY);
    Boolean isPublic = comment.bool("public", "Comment public");
    unknown.addAll(comment.unknownKeys());
    return body == null ? null : new NewComment(body, isPublic == null || isPublic);
  }
}

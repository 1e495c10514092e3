package dev.dialtone.ticket;

import dev.dialtone.api.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Zendesk's {@code audit} object, shown beside the ticket in the answers of create and update: the
 * stored audit row and the events of that one change. Dialtone stores the audit, not its events, so
 * an event's id is its audit's id and its place in the list ({@code audit_id * 100 + n}); a comment
 * event's id is its comment's, as in Zendesk.
 */
final class TicketAudit {
  private final long id;
  private final long ticketId;
  private final long authorId;
  private final Instant createdAt;
  private final List<Map<String, Object>> events = new ArrayList<>();

  TicketAudit(long id, long ticketId, long authorId, Instant createdAt) {
    this.id = id;
    this.ticketId = ticketId;
    this.authorId = authorId;
    this.createdAt = createdAt;
  }

  long id() {
    return id;
  }

  /** Zendesk's "Comment" event for a text comment added in this audit. */
  void comment(Comment comment) {
    String body = comment.body() == null ? "" : comment.body();
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", comment.id());
    event.put("type", "Comment");
    event.put("author_id", comment.authorId());
    event.put("body", body);
    event.put("html_body", Comment.htmlBody(body));
    event.put("plain_body", body);
    event.put("public", comment.isPublic());
    event.put("attachments", List.of());
    event.put("audit_id", id);
    events.add(event);
  }

  /** One "Create" event per property a new ticket has, as Zendesk writes them. */
  void created(Ticket ticket) {
    fields(ticket)
        .forEach(
            (name, value) -> {
              if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
                Map<String, Object> event = event("Create");
                event.put("value", value);
                event.put("field_name", name);
                events.add(event);
              }
            });
  }

  /** One "Change" event per property that differs between the two. */
  void changed(Ticket before, Ticket after) {
    Map<String, @Nullable Object> old = fields(before);
    fields(after)
        .forEach(
            (name, value) -> {
              Object previous = old.get(name);
              if (!Objects.equals(previous, value)) {
                Map<String, Object> event = event("Change");
                event.put("value", value);
                event.put("field_name", name);
                event.put("previous_value", previous);
                events.add(event);
              }
            });
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("ticket_id", ticketId);
    json.put("created_at", Timestamps.render(createdAt));
    json.put("author_id", authorId);
    json.put("metadata", Metadata.none());
    json.put("events", List.copyOf(events));
    json.put("via", Via.api().toJson());
    return json;
  }

  private Map<String, Object> event(String type) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", id * 100 + events.size() + 1);
    event.put("type", type);
    return event;
  }

  /** The properties an audit tracks, valued as Zendesk's events show them: ids as strings. */
  private static Map<String, @Nullable Object> fields(Ticket ticket) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    fields.put("subject", ticket.subject());
    fields.put("requester_id", idText(ticket.requesterId()));
    fields.put("status", ticket.status().wireName());
    fields.put("priority", ticket.priority());
    fields.put("type", ticket.type());
    fields.put("assignee_id", idText(ticket.assigneeId()));
    fields.put("brand_id", idText(ticket.brandId()));
    fields.put("organization_id", idText(ticket.organizationId()));
    fields.put("tags", List.copyOf(ticket.tags()));
    return fields;
  }

  private static @Nullable String idText(@Nullable Long id) {
    return id == null ? null : Long.toString(id);
  }
}

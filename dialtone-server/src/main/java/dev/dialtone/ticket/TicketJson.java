package dev.dialtone.ticket;

import dev.dialtone.api.Timestamps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A ticket as Zendesk's Support API shows it. */
public final class TicketJson {
  private TicketJson() {}

  public static Map<String, Object> render(Ticket ticket, String baseUrl) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("url", baseUrl + "/api/v2/tickets/" + ticket.id() + ".json");
    json.put("id", ticket.id());
    json.put("external_id", ticket.externalId());
    json.put("via", ticket.via().toJson());
    json.put("created_at", Timestamps.render(ticket.createdAt()));
    json.put("updated_at", Timestamps.render(ticket.updatedAt()));
    json.put("type", ticket.type());
    json.put("subject", ticket.subject());
    json.put("raw_subject", ticket.subject());
    json.put("description", ticket.description());
    json.put("priority", ticket.priority());
    json.put("status", ticket.status().wireName());
    json.put("requester_id", ticket.requesterId());
    json.put("submitter_id", ticket.submitterId());
    json.put("assignee_id", ticket.assigneeId());
    json.put("organization_id", ticket.organizationId());
    json.put("group_id", null);
    json.put("collaborator_ids", List.of());
    json.put("follower_ids", List.of());
    json.put("tags", ticket.tags());
    json.put("custom_fields", List.of());
    json.put("brand_id", ticket.brandId());
    json.put("is_public", true);
    json.put("comment_count", ticket.commentCount());
    return json;
  }
}

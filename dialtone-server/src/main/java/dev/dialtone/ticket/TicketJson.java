package dev.dialtone.ticket;

import dev.dialtone.api.Timestamps;
import dev.dialtone.route.ApiRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A ticket as Zendesk's Support API shows it. */
public final class TicketJson {
  private TicketJson() {}

  /**
   * The ticket as the request asks for it: {@code comment_count} is a sideload in Zendesk, sent
   * only when {@code include} names it (a comma-separated list, as Zendesk reads it).
   */
  public static Map<String, Object> render(Ticket ticket, ApiRequest request) {
    return render(ticket, request.baseUrl(), includesCommentCount(request));
  }

  static boolean includesCommentCount(ApiRequest request) {
    String include = request.query("include");
    if (include == null) {
      return false;
    }
    for (String name : include.split(",", -1)) {
      if (name.strip().equals("comment_count")) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Object> render(
      Ticket ticket, String baseUrl, boolean withCommentCount) {
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
    if (withCommentCount) {
      json.put("comment_count", ticket.commentCount());
    }
    return json;
  }
}

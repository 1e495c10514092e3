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

  /**
   * Zendesk's short text form of a ticket's id, as it shows in mail subjects: Dialtone's is the id
   * in base 36, upper case (docs/api.md).
   */
  static String encodedId(long id) {
    return Long.toString(id, 36).toUpperCase(java.util.Locale.ROOT);
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
    json.put("encoded_id", encodedId(ticket.id()));
    json.put("via", ticket.via().toJson());
    json.put("created_at", Timestamps.render(ticket.createdAt()));
    json.put("updated_at", Timestamps.render(ticket.updatedAt()));
    // Zendesk's changes-since stamp, in epoch seconds; Dialtone's is the last update.
    json.put("generated_timestamp", ticket.updatedAt().getEpochSecond());
    json.put("type", ticket.type());
    json.put("subject", ticket.subject());
    json.put("raw_subject", ticket.subject());
    json.put("description", ticket.description());
    json.put("priority", ticket.priority());
    json.put("status", ticket.status().wireName());
    // The keys below that Dialtone keeps no data for show Zendesk's values for a ticket without.
    json.put("recipient", null);
    json.put("requester_id", ticket.requesterId());
    json.put("submitter_id", ticket.submitterId());
    json.put("assignee_id", ticket.assigneeId());
    json.put("organization_id", ticket.organizationId());
    json.put("group_id", null);
    json.put("collaborator_ids", List.of());
    json.put("follower_ids", List.of());
    json.put("email_cc_ids", List.of());
    json.put("forum_topic_id", null);
    json.put("problem_id", null);
    json.put("has_incidents", false);
    json.put("is_public", true);
    json.put("due_at", null);
    json.put("tags", ticket.tags());
    json.put("custom_fields", List.of());
    json.put("satisfaction_rating", null);
    json.put("sharing_agreement_ids", List.of());
    json.put("custom_status_id", null);
    json.put("fields", List.of());
    json.put("followup_ids", List.of());
    json.put("ticket_form_id", null);
    json.put("brand_id", ticket.brandId());
    json.put("allow_channelback", false);
    json.put("allow_attachments", true);
    json.put("from_messaging_channel", false);
    if (withCommentCount) {
      json.put("comment_count", ticket.commentCount());
    }
    return json;
  }
}

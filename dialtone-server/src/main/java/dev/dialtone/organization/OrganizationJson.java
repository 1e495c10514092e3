package dev.dialtone.organization;

import dev.dialtone.api.Timestamps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An organization as Zendesk's Support API shows it. */
final class OrganizationJson {
  private OrganizationJson() {}

  public static Map<String, Object> render(Organization organization, String baseUrl) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("url", baseUrl + "/api/v2/organizations/" + organization.id() + ".json");
    json.put("id", organization.id());
    json.put("name", organization.name());
    // Keys Zendesk always sends; Dialtone keeps none of these, so they show their defaults.
    json.put("shared_tickets", false);
    json.put("shared_comments", false);
    json.put("external_id", organization.externalId());
    json.put("created_at", Timestamps.render(organization.createdAt()));
    json.put("updated_at", Timestamps.render(organization.updatedAt()));
    json.put("domain_names", List.of());
    json.put("details", null);
    json.put("notes", null);
    json.put("group_id", null);
    json.put("tags", List.of());
    json.put("organization_fields", Map.of());
    return json;
  }
}

package dev.dialtone.brand;

import dev.dialtone.api.Timestamps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A brand as Zendesk's Support API shows it. */
final class BrandJson {
  private BrandJson() {}

  public static Map<String, Object> render(
      Brand brand, @Nullable Long defaultBrandId, String baseUrl) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("url", baseUrl + "/api/v2/brands/" + brand.id() + ".json");
    json.put("id", brand.id());
    json.put("name", brand.name());
    // The brand's own address is the Dialtone account's: brands have no host of their own here.
    json.put("brand_url", baseUrl);
    json.put("subdomain", brand.subdomain());
    json.put("has_help_center", false);
    json.put("help_center_state", "disabled");
    json.put("active", true);
    json.put("default", Long.valueOf(brand.id()).equals(defaultBrandId));
    json.put("is_deleted", false);
    json.put("logo", null);
    json.put("ticket_form_ids", List.of());
    json.put("signature_template", "{{agent.signature}}");
    json.put("created_at", Timestamps.render(brand.createdAt()));
    json.put("updated_at", Timestamps.render(brand.updatedAt()));
    json.put("host_mapping", null);
    return json;
  }
}

package dev.dialtone.brand;

import dev.dialtone.api.Timestamps;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A brand as Zendesk's Support API shows it. */
final class BrandJson {
  private BrandJson() {}

  public static Map<String, Object> render(
      Brand brand, @Nullable Long defaultBrandId, String baseUrl) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", brand.id());
    json.put("url", baseUrl + "/api/v2/brands/" + brand.id() + ".json");
    json.put("name", brand.name());
    json.put("subdomain", brand.subdomain());
    json.put("active", true);
    json.put("default", Long.valueOf(brand.id()).equals(defaultBrandId));
    json.put("has_help_center", false);
    json.put("host_mapping", null);
    json.put("created_at", Timestamps.render(brand.createdAt()));
    json.put("updated_at", Timestamps.render(brand.updatedAt()));
    return json;
  }
}

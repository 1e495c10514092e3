package dev.dialtone.user;

import dev.dialtone.account.User;
import dev.dialtone.api.Timestamps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A user as Zendesk's Support API shows it. */
public final class UserJson {
  private UserJson() {}

  public static Map<String, Object> render(User user, String baseUrl) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", user.id());
    json.put("url", baseUrl + "/api/v2/users/" + user.id() + ".json");
    json.put("name", user.name());
    json.put("email", user.email());
    json.put("phone", user.phone());
    json.put("role", user.role().wireName());
    json.put("organization_id", user.organizationId());
    json.put("suspended", user.suspended());
    // False once deleted: Zendesk keeps deleted users, inactive.
    json.put("active", user.active());
    // Zendesk's "any of the user's identities is verified" comes from following its email, which
    // is also how a user gets a password there; Dialtone sends no email, so a password is the
    // proof it has (docs/decisions.md). Every account's first admin has one.
    json.put("verified", user.hasPassword());
    // Dialtone keeps no per-user preferences; these are the values Zendesk gives a new user.
    json.put("locale", "en-US");
    json.put("time_zone", "UTC");
    json.put("external_id", null);
    json.put("tags", List.of());
    json.put("created_at", Timestamps.render(user.createdAt()));
    json.put("updated_at", Timestamps.render(user.updatedAt()));
    return json;
  }
}

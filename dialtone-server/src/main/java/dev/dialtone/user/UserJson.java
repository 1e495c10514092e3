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
    json.put("created_at", Timestamps.render(user.createdAt()));
    json.put("updated_at", Timestamps.render(user.updatedAt()));
    // Dialtone keeps no per-user preferences; these are the values Zendesk gives a new user.
    json.put("time_zone", "UTC");
    json.put("iana_time_zone", "Etc/UTC");
    json.put("phone", user.phone());
    json.put("shared_phone_number", null);
    json.put("photo", null);
    json.put("locale_id", 1);
    json.put("locale", "en-US");
    json.put("organization_id", user.organizationId());
    json.put("role", user.role().wireName());
    // Zendesk's "any of the user's identities is verified" comes from following its email, which
    // is also how a user gets a password there; Dialtone sends no email, so a password is the
    // proof it has (docs/decisions.md). Every account's first admin has one.
    json.put("verified", user.hasPassword());
    json.put("external_id", null);
    json.put("tags", List.of());
    json.put("alias", null);
    // False once deleted: Zendesk keeps deleted users, inactive.
    json.put("active", user.active());
    json.put("shared", false);
    json.put("shared_agent", false);
    json.put("last_login_at", null);
    json.put("two_factor_auth_enabled", false);
    json.put("signature", null);
    json.put("details", null);
    json.put("notes", null);
    // Set only for custom and light agents in Zendesk; Dialtone has neither.
    json.put("role_type", null);
    json.put("custom_role_id", null);
    json.put("moderator", user.role().wireName().equals("admin"));
    // An end user sees only the tickets they requested; agents and admins are not restricted.
    boolean staff = user.role().isStaff();
    json.put("ticket_restriction", staff ? null : "requested");
    json.put("only_private_comments", false);
    json.put("restricted_agent", !staff);
    json.put("suspended", user.suspended());
    json.put("chat_only", false);
    json.put("default_group_id", null);
    json.put("report_csv", user.role().wireName().equals("admin"));
    json.put("user_fields", Map.of());
    return json;
  }
}

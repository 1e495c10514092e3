package dev.dialtone.console;

import dev.dialtone.account.Role;
import dev.dialtone.auth.ConsoleSession;
import dev.dialtone.route.ApiRequest;
import org.jspecify.annotations.Nullable;

/**
 * What every console page's frame shows: its title, the section it belongs to, and who is signed in
 * (null on the sign-in form).
 */
public record Shell(
    String title, Section section, @Nullable SignedIn user, String cssUrl, String jsUrl) {

  /** The console's sections, in the order of its navigation. */
  public enum Section {
    TICKETS("Tickets", "/agent/tickets", false),
    CALLS("Calls", "/agent/calls", false),
    CALLERS("Callers", "/agent/users", false),
    SCREEN_POPS("Screen pops", "/agent/admin/screen-pops", true),
    USERS("Users", "/agent/admin/users", true),
    TOKENS("API tokens", "/agent/admin/tokens", true),
    NONE("", "/agent", false);

    private final String label;
    private final String path;
    private final boolean adminOnly;

    Section(String label, String path, boolean adminOnly) {
      this.label = label;
      this.path = path;
      this.adminOnly = adminOnly;
    }

    public String label() {
      return label;
    }

    public String path() {
      return path;
    }

    public boolean adminOnly() {
      return adminOnly;
    }
  }

  /** The signed-in agent or admin, and the token their forms carry. */
  public record SignedIn(long id, String name, boolean admin, String csrfToken) {
    static SignedIn of(ConsoleSession session) {
      return new SignedIn(
          session.principal().user().id(),
          session.principal().user().name(),
          session.principal().user().role() == Role.ADMIN,
          session.csrfToken());
    }
  }

  /** The frame of a page for the signed-in user of {@code request}. */
  public static Shell of(ApiRequest request, Assets assets, String title, Section section) {
    return new Shell(
        title,
        section,
        SignedIn.of(request.session()),
        assets.url("console.css"),
        assets.url("console.js"));
  }

  /** The frame of a page nobody is signed in to. */
  public static Shell anonymous(Assets assets, String title) {
    return new Shell(
        title, Section.NONE, null, assets.url("console.css"), assets.url("console.js"));
  }

  /** The sections this user's navigation lists. */
  public java.util.List<Section> sections() {
    SignedIn signedIn = user;
    return java.util.Arrays.stream(Section.values())
        .filter(s -> s != Section.NONE)
        .filter(s -> signedIn != null && (signedIn.admin() || !s.adminOnly()))
        .toList();
  }
}

package dev.dialtone.console;

import dev.dialtone.account.Role;
import dev.dialtone.auth.Access;
import dev.dialtone.auth.Authenticator;
import dev.dialtone.auth.ConsoleSession;
import dev.dialtone.auth.ConsoleSessions;
import dev.dialtone.auth.Principal;
import dev.dialtone.auth.Secrets;
import dev.dialtone.call.CallRoutes;
import dev.dialtone.event.EventBus;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.Reply;
import dev.dialtone.http.TrustedProxies;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.route.ConsoleSignIn;
import dev.dialtone.route.EventSink;
import dev.dialtone.route.Route;
import dev.dialtone.screenpop.Presence;
import dev.dialtone.screenpop.ScreenPops;
import dev.dialtone.store.Database;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The console's door: signing in and out, the way in from {@code /}, and the stream that brings an
 * open console its screen pops and the changes of the calls it shows.
 */
public final class ConsoleRoutes {
  /** The sign-in form's own CSRF cookie: there is no session yet to hold a token. */
  static final String SIGN_IN_COOKIE = "dialtone_signin";

  static final String HOME = "/agent/tickets";

  private final Database database;
  private final Authenticator authenticator;
  private final ConsoleSessions sessions;
  private final TrustedProxies trustedProxies;
  private final ScreenPops screenPops;
  private final Presence presence;
  private final EventBus events;
  private final Templates templates;
  private final Assets assets;

  public ConsoleRoutes(
      Database database,
      Authenticator authenticator,
      ConsoleSessions sessions,
      TrustedProxies trustedProxies,
      ScreenPops screenPops,
      Presence presence,
      EventBus events,
      Templates templates,
      Assets assets) {
    this.database = database;
    this.authenticator = authenticator;
    this.sessions = sessions;
    this.trustedProxies = trustedProxies;
    this.screenPops = screenPops;
    this.presence = presence;
    this.events = events;
    this.templates = templates;
    this.assets = assets;
  }

  public List<Route> routes() {
    List<Route> door =
        List.of(
            Route.page("console.root", "/", Access.PUBLIC, request -> Reply.redirect("/agent"))
                .summary("Sends a browser to the agent console"),
            Route.page("console.home", "/agent", Access.AGENT, request -> Reply.redirect(HOME))
                .summary("The agent console: its ticket list, or the sign-in form first"),
            Route.page(
                    "console.sign_in_form", ConsoleSignIn.SIGN_IN_PATH, Access.PUBLIC, this::form)
                .summary("The console's sign-in form"),
            Route.form("console.sign_in", ConsoleSignIn.SIGN_IN_PATH, Access.PUBLIC, this::signIn)
                .summary("Signs an agent or admin in with email and password: a session cookie"),
            Route.form("console.sign_out", "/agent/sign-out", Access.AGENT, this::signOut)
                .summary("Ends the console session on every node"),
            Route.stream("console.events", "/agent/events", Access.AGENT, this::events)
                .console()
                .summary(
                    "Server-sent events of an open console: its agent's screen pops, call changes"));
    return concat(door, assets.routes());
  }

  private static List<Route> concat(List<Route> a, List<Route> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private Reply form(ApiRequest request) {
    String next = safeNext(request.query("next"));
    String email = Objects.requireNonNullElse(request.query("email"), "");
    return signInForm(request, 200, next, email, null);
  }

  private Reply signInForm(
      ApiRequest request, int status, String next, String email, @Nullable String error) {
    String formToken = Secrets.newToken();
    request.addCookie(
        cookie(request, SIGN_IN_COOKIE, formToken, ConsoleSignIn.SIGN_IN_PATH, "Strict", -1));
    SignInPage page =
        new SignInPage(
            Shell.anonymous(assets, "Sign in"),
            request.account().subdomain(),
            formToken,
            next,
            email,
            error);
    return templates.page(status, "sign-in.jte", page);
  }

  private Reply signIn(ApiRequest request) {
    String next = safeNext(request.formField("next"));
    String email = Objects.requireNonNullElse(request.formField("email"), "").strip();
    String password = Objects.requireNonNullElse(request.formField("password"), "");
    if (!ConsoleSignIn.matches(
        request.formField("_signin"),
        Objects.requireNonNullElse(request.cookie(SIGN_IN_COOKIE), "\0"))) {
      return signInForm(
          request, 403, next, email, "The sign-in form had expired. Please sign in again.");
    }
    Principal principal;
    try {
      principal =
          authenticator.signIn(
              request.account(), email, password, request.clientAddress(trustedProxies));
    } catch (ApiException e) {
      String message =
          switch (e.code().status()) {
            case 401 -> "That email and password do not match an agent or admin of this account.";
            case 403 -> "This user is suspended: an admin can reactivate it.";
            default -> e.description();
          };
      Reply reply = signInForm(request, e.code().status(), next, email, message);
      return e.retryAfter() == null
          ? reply
          : reply.withHeader("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
    }
    if (principal.user().role() == Role.END_USER) {
      return signInForm(
          request,
          403,
          next,
          email,
          "End users cannot sign in to the agent console: it is for agents and admins.");
    }
    ConsoleSessions.Started started = sessions.start(principal);
    request.addCookie(
        cookie(
            request,
            ConsoleSignIn.COOKIE,
            started.token(),
            "/",
            "Lax",
            ConsoleSessions.LIFETIME.toSeconds()));
    request.addCookie(cookie(request, SIGN_IN_COOKIE, "", ConsoleSignIn.SIGN_IN_PATH, "Strict", 0));
    return Reply.redirect(next);
  }

  private Reply signOut(ApiRequest request) {
    ConsoleSession session = request.session();
    sessions.end(session);
    // Its consoles stop counting now, on every node; their streams end at the next heartbeat.
    database.write(tx -> presence.endSession(tx, session.id()));
    request.addCookie(cookie(request, ConsoleSignIn.COOKIE, "", "/", "Lax", 0));
    return Reply.redirect(ConsoleSignIn.SIGN_IN_PATH);
  }

  /**
   * Screen pops for the signed-in agent as {@code event: screen_pop}, and {@code event:
   * call_changed} with the call's id whenever a call of the account changes, on any node.
   */
  private AutoCloseable events(ApiRequest request, EventSink stream) {
    long accountId = request.accountId();
    // Subscribed first: a change made while the console opens is not missed.
    EventBus.Subscription changes =
        events.subscribe(
            event -> {
              if (event.accountId() == accountId && event.type().equals(CallRoutes.CALL_CHANGED)) {
                stream.send(CallRoutes.CALL_CHANGED, event.payload());
              }
            });
    EventBus.Subscription pops;
    try {
      pops =
          screenPops.listen(
              accountId,
              request.principal().user().id(),
              request.session().id(),
              pop -> stream.send(ScreenPops.EVENT_TYPE, pop),
              stream::close);
    } catch (RuntimeException e) {
      changes.close();
      throw e;
    }
    return () -> {
      try {
        pops.close();
      } finally {
        changes.close();
      }
    };
  }

  /** Where to go after signing in: a path of the console, never another site. */
  static String safeNext(@Nullable String next) {
    if (next == null
        || !(next.equals("/agent") || next.startsWith("/agent/") || next.startsWith("/agent?"))
        || next.contains("\\")
        || next.chars().anyMatch(c -> c < 0x20)) {
      return HOME;
    }
    return next;
  }

  /** A cookie the page's scripts cannot read, sent only over TLS when the console is on TLS. */
  private static String cookie(
      ApiRequest request, String name, String value, String path, String sameSite, long maxAge) {
    StringBuilder cookie =
        new StringBuilder(name)
            .append('=')
            .append(value)
            .append("; Path=")
            .append(path)
            .append("; HttpOnly; SameSite=")
            .append(sameSite);
    if (maxAge >= 0) {
      cookie.append("; Max-Age=").append(maxAge);
    }
    if (request.baseUrl().startsWith("https:")) {
      cookie.append("; Secure");
    }
    return cookie.toString();
  }
}

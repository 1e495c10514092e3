package dev.dialtone.route;

import dev.dialtone.api.ErrorCode;
import dev.dialtone.auth.Access;
import dev.dialtone.auth.ConsoleSession;
import dev.dialtone.auth.ConsoleSessions;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who uses the console: the session its cookie names. A page asked for without one sends the
 * browser to the sign-in form, which brings it back; anything else answers 401. Every request that
 * is not a GET must carry the session's CSRF token, as the form field {@value #CSRF_FIELD} or the
 * header {@value #CSRF_HEADER}.
 */
public final class ConsoleSignIn implements Step {
  public static final String COOKIE = "dialtone_session";
  public static final String CSRF_FIELD = "_csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  public static final String SIGN_IN_PATH = "/agent/sign-in";

  private final ConsoleSessions sessions;

  ConsoleSignIn(ConsoleSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public boolean appliesTo(Route route) {
    return route.surface() == Route.Surface.CONSOLE && route.access() != Access.PUBLIC;
  }

  @Override
  public @Nullable Reply apply(ApiRequest request, Chain next) {
    String token = request.cookie(COOKIE);
    Optional<ConsoleSession> session =
        token == null || token.isEmpty()
            ? Optional.empty()
            : sessions.find(request.account(), token);
    if (session.isEmpty()) {
      if (request.route().method() == Route.Method.GET
          && request.route().kind() == Route.Kind.API) {
        return Reply.redirect(signInPath(request.pathAndQuery()));
      }
      throw ApiException.of(
          ErrorCode.COULD_NOT_AUTHENTICATE, "Your session has ended: sign in again");
    }
    request.session(session.get());
    if (request.route().method() != Route.Method.GET) {
      String sent = request.header(CSRF_HEADER);
      if (sent == null) {
        sent = request.formField(CSRF_FIELD);
      }
      if (!matches(sent, session.get().csrfToken())) {
        throw ApiException.of(
            ErrorCode.FORBIDDEN,
            "This form has expired or did not come from Dialtone: reload the page and try again");
      }
    }
    return next.proceed();
  }

  /** The sign-in form, which sends the browser back to {@code next} once signed in. */
  public static String signInPath(String next) {
    return SIGN_IN_PATH + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
  }

  /** Constant-time comparison: how much of a token matches must not show in the time taken. */
  public static boolean matches(@Nullable String sent, String expected) {
    return sent != null
        && MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}

package dev.dialtone.route;

import dev.dialtone.auth.Access;
import dev.dialtone.ratelimit.Bucket;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One route of the API, as data: everything Dialtone does with a request to it follows from this
 * entry. Features list their routes ({@code CallRoutes.routes()}); {@link RouteTable} holds them
 * all, {@link Pipeline} mounts them, and the README's endpoint table, the route-coverage test and
 * (next) OpenAPI and metrics labels read the same list.
 *
 * @param name stable and unique, such as {@code calls.create}: logs, metrics and tests use it
 * @param bucket the rate-limit budget the route spends; null for routes that are not limited
 * @param idempotent whether a retry with the same {@code Idempotency-Key} answers the first reply
 *     again instead of running twice (docs/api.md)
 * @param summary one sentence for the endpoint table
 * @param surface who the route answers: API clients, or the agent console's browsers
 */
public record Route(
    Method method,
    String path,
    String name,
    Access access,
    @Nullable Bucket bucket,
    boolean idempotent,
    RouteHandler handler,
    String summary,
    Surface surface) {
  private static final Pattern NAME = Pattern.compile("[a-z_]+(\\.[a-z_]+)+|[a-z_]+");

  /** The HTTP methods routes use; every GET is answered on HEAD too. */
  public enum Method {
    GET,
    POST,
    PUT,
    PATCH,
    DELETE
  }

  /**
   * Who a route answers. API routes sign in with the {@code Authorization} header and answer
   * Zendesk's JSON; console routes sign in with the console's session cookie, check the session's
   * CSRF token on every request that is not a GET, spend no API budget and answer HTML pages, their
   * errors included.
   */
  public enum Surface {
    API,
    CONSOLE
  }

  /** What a route answers with: a JSON reply, or a stream of server-sent events. */
  public enum Kind {
    API,
    STREAM
  }

  public Route {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("route name " + name + " is not lower.dotted");
    }
    if (idempotent && method != Method.POST) {
      throw new IllegalArgumentException(name + ": only a POST takes an Idempotency-Key");
    }
  }

  /** A route of the support budget, not idempotent, with no summary yet. */
  private static Route of(
      Method method, String name, String path, Access access, RouteHandler handler) {
    return new Route(method, path, name, access, Bucket.SUPPORT, false, handler, "", Surface.API);
  }

  public static Route get(String name, String path, Access access, ApiHandler handler) {
    return of(Method.GET, name, path, access, handler);
  }

  public static Route post(String name, String path, Access access, ApiHandler handler) {
    return of(Method.POST, name, path, access, handler);
  }

  public static Route put(String name, String path, Access access, ApiHandler handler) {
    return of(Method.PUT, name, path, access, handler);
  }

  public static Route patch(String name, String path, Access access, ApiHandler handler) {
    return of(Method.PATCH, name, path, access, handler);
  }

  public static Route delete(String name, String path, Access access, ApiHandler handler) {
    return of(Method.DELETE, name, path, access, handler);
  }

  /** A GET that answers with server-sent events; it signs in like any other route. */
  public static Route stream(String name, String path, Access access, StreamHandler handler) {
    return of(Method.GET, name, path, access, handler);
  }

  /**
   * A route outside the API's steps: no account, no sign-in, no rate limit, such as a health check
   * that must answer while the database does not.
   */
  public static Route open(String name, String path, ApiHandler handler) {
    return new Route(Method.GET, path, name, Access.PUBLIC, null, false, handler, "", Surface.API);
  }

  /**
   * A page of the agent console: a GET that answers HTML. {@code Access.PUBLIC} pages (the sign-in
   * form) need no session but still belong to an account.
   */
  public static Route page(String name, String path, Access access, ApiHandler handler) {
    return of(Method.GET, name, path, access, handler).console();
  }

  /** A form of the agent console: a POST that must carry the session's CSRF token. */
  public static Route form(String name, String path, Access access, ApiHandler handler) {
    return of(Method.POST, name, path, access, handler).console();
  }

  /** Spends the Talk budget instead of the support one (docs/api.md). */
  public Route talk() {
    return new Route(
        method, path, name, access, Bucket.TALK, idempotent, handler, summary, surface);
  }

  /** Spends no budget: Dialtone's own routes under {@code /_dialtone}. */
  public Route unlimited() {
    return new Route(method, path, name, access, null, idempotent, handler, summary, surface);
  }

  /** Honours {@code Idempotency-Key}. */
  public Route withIdempotencyKey() {
    return new Route(method, path, name, access, bucket, true, handler, summary, surface);
  }

  public Route summary(String text) {
    return new Route(method, path, name, access, bucket, idempotent, handler, text, surface);
  }

  /** Answers the agent console instead of API clients (see {@link Surface}); spends no budget. */
  public Route console() {
    return new Route(
        method, path, name, access, null, idempotent, handler, summary, Surface.CONSOLE);
  }

  public Kind kind() {
    return handler instanceof StreamHandler ? Kind.STREAM : Kind.API;
  }

  /** Whether the route also answers with a {@code .json} suffix, as Zendesk's API routes do. */
  public boolean hasJsonTwin() {
    return path.startsWith("/api/");
  }
}

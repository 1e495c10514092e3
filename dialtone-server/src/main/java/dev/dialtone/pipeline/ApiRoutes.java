package dev.dialtone.pipeline;

import dev.dialtone.account.Account;
import dev.dialtone.account.AccountResolver;
import dev.dialtone.api.ErrorCode;
import dev.dialtone.auth.Access;
import dev.dialtone.auth.Authenticator;
import dev.dialtone.auth.Principal;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.Reply;
import dev.dialtone.http.Responses;
import dev.dialtone.http.TrustedProxies;
import dev.dialtone.idempotency.Idempotency;
import dev.dialtone.ratelimit.Bucket;
import dev.dialtone.ratelimit.Quota;
import dev.dialtone.ratelimit.RateLimits;
import dev.dialtone.route.ApiHandler;
import dev.dialtone.route.ApiRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Registers API routes. Each route answers with and without the {@code .json} suffix, and runs the
 * same steps in the same order: find the account by host, authenticate, check the role, count the
 * request against the account's rate limit, run the handler (at most once per {@code
 * Idempotency-Key} on the routes that honour one), write the reply.
 */
public final class ApiRoutes {
  /** A body may carry thousands of unknown keys; the header names the first few. */
  private static final int MAX_IGNORED_KEYS_SHOWN = 20;

  private final RoutesConfig routes;
  private final AccountResolver accounts;
  private final Authenticator authenticator;
  private final Idempotency idempotency;
  private final RateLimits rateLimits;
  private final TrustedProxies trustedProxies;

  public ApiRoutes(
      RoutesConfig routes,
      AccountResolver accounts,
      Authenticator authenticator,
      Idempotency idempotency,
      RateLimits rateLimits,
      TrustedProxies trustedProxies) {
    this.routes = routes;
    this.accounts = accounts;
    this.authenticator = authenticator;
    this.idempotency = idempotency;
    this.rateLimits = rateLimits;
    this.trustedProxies = trustedProxies;
  }

  /** A GET route, answered on HEAD too: the same status and headers, no body. */
  public void get(String path, Access access, ApiHandler handler) {
    add(HandlerType.GET, path, access, handler);
  }

  /**
   * A GET route outside the API's steps (no account, no sign-in, no rate limit), such as a health
   * check; answered on HEAD too, like every GET.
   */
  public void plainGet(String path, Handler handler) {
    routes.addHttpHandler(HandlerType.GET, path, handler);
    routes.addHttpHandler(HandlerType.HEAD, path, handler);
  }

  public void post(String path, Access access, ApiHandler handler) {
    add(HandlerType.POST, path, access, handler);
  }

  /**
   * A POST that honours {@code Idempotency-Key} (docs/api.md): retried with the same key, it
   * answers the first response again instead of running twice.
   */
  public void idempotentPost(String path, Access access, ApiHandler handler) {
    add(HandlerType.POST, path, access, handler, true);
  }

  public void put(String path, Access access, ApiHandler handler) {
    add(HandlerType.PUT, path, access, handler);
  }

  public void patch(String path, Access access, ApiHandler handler) {
    add(HandlerType.PATCH, path, access, handler);
  }

  private void add(HandlerType method, String path, Access access, ApiHandler handler) {
    add(method, path, access, handler, false);
  }

  private void add(
      HandlerType method, String path, Access access, ApiHandler handler, boolean idempotent) {
    Bucket bucket = Bucket.forRoute(path);
    Handler wrapped = context -> run(context, access, bucket, handler, idempotent);
    // HEAD runs the GET handler whole (Jetty sends no body for it), so that it answers exactly
    // as GET would: the same status, the same headers, counted against the same rate limit.
    List<HandlerType> methods =
        method.equals(HandlerType.GET)
            ? List.of(HandlerType.GET, HandlerType.HEAD)
            : List.of(method);
    for (HandlerType each : methods) {
      routes.addHttpHandler(each, path, wrapped);
      if (path.startsWith("/api/")) {
        routes.addHttpHandler(each, path + ".json", wrapped);
      }
    }
  }

  /**
   * Who sent the request: the TCP peer, or the client a trusted proxy names in {@code
   * X-Forwarded-For}. The sign-in throttle counts by it; an access log should show it.
   */
  String clientAddress(Context context) {
    if (trustedProxies.trustsNone()) {
      return context.req().getRemoteAddr(); // the default, on every signed-in request: no parsing
    }
    Enumeration<String> forwarded = context.req().getHeaders("X-Forwarded-For");
    List<String> headers = forwarded == null ? List.of() : Collections.list(forwarded);
    return trustedProxies.source(context.req().getRemoteAddr(), headers);
  }

  /** {@code bucket} is null for routes outside {@code /api/v2}, which are not rate limited. */
  private void run(
      Context context,
      Access access,
      @Nullable Bucket bucket,
      ApiHandler handler,
      boolean idempotent) {
    Account account = accounts.resolve(context.header("Host"));
    if (bucket != null) {
      // Shown on a 401 or 403 too; such requests are not counted, so that nobody can spend an
      // account's budget without its credentials.
      showQuota(context, rateLimits.peek(account, bucket));
    }
    Principal principal =
        access == Access.PUBLIC
            ? null
            : authenticator.authenticate(
                account, context.header("Authorization"), access, clientAddress(context));
    if (bucket != null) {
      // Counted before anything else runs: a limited request does nothing, not even an
      // idempotency lookup.
      Quota quota = rateLimits.acquire(account, bucket);
      showQuota(context, quota);
      if (quota != null && !quota.allowed()) {
        throw ApiException.retryLater(
            ErrorCode.TOO_MANY_REQUESTS,
            bucket.exceededDescription(),
            Duration.ofSeconds(quota.resetSeconds()));
      }
    }
    ApiRequest request = new ApiRequest(context, account, principal);
    String key = idempotent ? context.header(Idempotency.HEADER) : null;
    Responses.write(
        context,
        key == null
            ? answer(request, handler)
            : idempotency.run(request, key, () -> answer(request, handler)));
  }

  private static Reply answer(ApiRequest request, ApiHandler handler) {
    Reply reply = handler.handle(request);
    if (!request.ignoredKeys().isEmpty()) {
      reply =
          withIgnoredKeys(
              reply,
              request.ignoredKeys().stream()
                  .limit(MAX_IGNORED_KEYS_SHOWN)
                  .map(ApiRoutes::headerSafe)
                  .collect(java.util.stream.Collectors.joining(",")));
    }
    return reply;
  }

  /** Zendesk's rate-limit headers, in both spellings it sends; none for a bucket that is off. */
  private static void showQuota(Context context, @Nullable Quota quota) {
    if (quota == null) {
      return;
    }
    context.header("X-Rate-Limit", Integer.toString(quota.limit()));
    context.header("X-Rate-Limit-Remaining", Long.toString(quota.remaining()));
    context.header("ratelimit-limit", Integer.toString(quota.limit()));
    context.header("ratelimit-remaining", Long.toString(quota.remaining()));
    context.header("ratelimit-reset", Long.toString(quota.resetSeconds()));
  }

  /**
   * A key as it can travel in a header: keys are client text, so anything but plain ASCII letters,
   * digits and {@code _.-} is percent-encoded (UTF-8), and very long keys are cut.
   */
  static String headerSafe(String key) {
    StringBuilder safe = new StringBuilder();
    for (byte b : key.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '.'
          || c == '-'
          || c == '~') {
        safe.append(c);
      } else {
        safe.append('%').append(String.format("%02X", b & 0xff));
      }
      if (safe.length() > 100) {
        return safe.append("...").toString();
      }
    }
    return safe.toString();
  }

  private static Reply withIgnoredKeys(Reply reply, String keys) {
    String quoted = "\"" + keys.replace(",", "\",\"") + "\"";
    return reply
        .withHeader("X-Dialtone-Ignored-Fields", keys)
        .withHeader(
            "X-Zendesk-API-Warn",
            "Removed restricted keys [" + quoted + "] from parameters according to whitelist");
  }
}

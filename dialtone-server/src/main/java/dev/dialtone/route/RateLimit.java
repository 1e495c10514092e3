package dev.dialtone.route;

import dev.dialtone.api.ErrorCode;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.Reply;
import dev.dialtone.ratelimit.Bucket;
import dev.dialtone.ratelimit.Quota;
import dev.dialtone.ratelimit.RateLimits;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The account's rate limit, in two steps around sign-in: the quota is shown on every answer, a 401
 * or 403 too, but only a signed-in request is counted, so that nobody can spend an account's budget
 * without its credentials.
 */
final class RateLimit {
  private RateLimit() {}

  /** Before sign-in: shows the quota without spending it. */
  static Step show(RateLimits rateLimits) {
    return new Limited() {
      @Override
      public @Nullable Reply apply(ApiRequest request, Chain next) {
        showQuota(request, rateLimits.peek(request.account(), bucket(request)));
        return next.proceed();
      }
    };
  }

  /**
   * After sign-in and the role check: counts the request before anything else runs, so that a
   * limited request does nothing, not even an idempotency lookup.
   */
  static Step count(RateLimits rateLimits) {
    return new Limited() {
      @Override
      public @Nullable Reply apply(ApiRequest request, Chain next) {
        Quota quota = rateLimits.acquire(request.account(), bucket(request));
        showQuota(request, quota);
        if (quota != null && !quota.allowed()) {
          throw ApiException.retryLater(
              ErrorCode.TOO_MANY_REQUESTS,
              bucket(request).exceededDescription(),
              Duration.ofSeconds(quota.resetSeconds()));
        }
        return next.proceed();
      }
    };
  }

  /** The route's budget: these steps run only for routes that have one. */
  private static Bucket bucket(ApiRequest request) {
    return Objects.requireNonNull(request.route().bucket());
  }

  private abstract static class Limited implements Step {
    @Override
    public boolean appliesTo(Route route) {
      return route.bucket() != null;
    }
  }

  /** Zendesk's rate-limit headers, in both spellings it sends; none for a bucket that is off. */
  private static void showQuota(ApiRequest request, @Nullable Quota quota) {
    if (quota == null) {
      return;
    }
    request.responseHeader("X-Rate-Limit", Integer.toString(quota.limit()));
    request.responseHeader("X-Rate-Limit-Remaining", Long.toString(quota.remaining()));
    request.responseHeader("ratelimit-limit", Integer.toString(quota.limit()));
    request.responseHeader("ratelimit-remaining", Long.toString(quota.remaining()));
    request.responseHeader("ratelimit-reset", Long.toString(quota.resetSeconds()));
  }
}

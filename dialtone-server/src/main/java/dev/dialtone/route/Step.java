package dev.dialtone.route;

import dev.dialtone.http.Reply;
import org.jspecify.annotations.Nullable;

/**
 * One thing every request of a route goes through, such as finding the account or counting against
 * the rate limit. {@link Pipeline} runs the steps in one fixed order; a step does its part and
 * calls {@code next.proceed()} for the rest (the later steps, then the handler), or stops the
 * request by throwing an {@code ApiException} or returning a reply of its own.
 */
@FunctionalInterface
public interface Step {
  /** The reply, or null when a stream has answered by itself. */
  @Nullable Reply apply(ApiRequest request, Chain next);

  /** Whether the step runs for this route at all: asked once per route, when it is mounted. */
  default boolean appliesTo(Route route) {
    return true;
  }

  /** The rest of the request: the steps after this one, then the route's handler. */
  interface Chain {
    /** Runs the rest and returns its reply; null when a stream has answered by itself. */
    @Nullable Reply proceed();
  }
}

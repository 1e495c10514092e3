package dev.dialtone.route;

import dev.dialtone.http.Reply;
import dev.dialtone.idempotency.Idempotency;
import org.jspecify.annotations.Nullable;

/**
 * On routes that honour {@code Idempotency-Key}: a keyed request runs at most once, and its retries
 * answer the stored reply (docs/api.md).
 */
final class IdempotentReplay implements Step {
  private final Idempotency idempotency;

  IdempotentReplay(Idempotency idempotency) {
    this.idempotency = idempotency;
  }

  @Override
  public boolean appliesTo(Route route) {
    return route.idempotent();
  }

  @Override
  public @Nullable Reply apply(ApiRequest request, Chain next) {
    String key = request.header(Idempotency.HEADER);
    if (key == null) {
      return next.proceed();
    }
    return idempotency.run(
        request.accountId(),
        request.method(),
        request.path(),
        request.rawBody(),
        key,
        next::proceed);
  }
}

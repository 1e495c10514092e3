package dev.dialtone.route;

import dev.dialtone.http.Reply;
import dev.dialtone.idempotency.Idempotency;
import java.util.LinkedHashMap;
import java.util.Map;
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
    Reply reply =
        idempotency.run(
            request.accountId(),
            request.method(),
            request.path(),
            request.rawBody(),
            key,
            next::proceed);
    // Zendesk's call answers carry no Location and Dialtone's no longer do, but an answer stored
    // by an older Dialtone (keys live two hours) may still hold one: a replay drops it.
    if (request.route().name().startsWith("calls.") && reply.headers().containsKey("Location")) {
      Map<String, String> headers = new LinkedHashMap<>(reply.headers());
      headers.remove("Location");
      return new Reply(reply.status(), reply.body(), headers);
    }
    return reply;
  }
}

package dev.dialtone.testing;

import dev.dialtone.http.Reply;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.route.Step;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which routes the suite's HTTP requests have exercised in this test JVM: requests that passed
 * every step (account, sign-in, role, rate limit) and reached the route's handler, whatever it
 * answered. A step every {@link TestServer} runs first, read by {@code RouteCoverageTest}.
 */
public final class RouteHits implements Step {
  static final RouteHits STEP = new RouteHits();

  private static final Set<String> EXERCISED = ConcurrentHashMap.newKeySet();

  private RouteHits() {}

  /** Names of the routes whose handler has run at least once. */
  public static Set<String> exercised() {
    return Set.copyOf(EXERCISED);
  }

  @Override
  public Reply apply(ApiRequest request, Chain next) {
    try {
      return next.proceed();
    } finally {
      if (request.reachedHandler()) {
        EXERCISED.add(request.route().name());
      }
    }
  }
}

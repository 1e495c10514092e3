package dev.dialtone.testing;

import dev.dialtone.http.Reply;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.route.Step;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which routes the suite's HTTP requests have answered successfully, in this test JVM: a step every
 * {@link TestServer} runs first, read by {@code RouteCoverageTest}.
 */
public final class RouteHits implements Step {
  static final RouteHits STEP = new RouteHits();

  private static final Set<String> ANSWERED = ConcurrentHashMap.newKeySet();

  private RouteHits() {}

  /** Names of the routes that have answered a 2xx, or opened a stream, at least once. */
  public static Set<String> answered() {
    return Set.copyOf(ANSWERED);
  }

  @Override
  public Reply apply(ApiRequest request, Chain next) {
    Reply reply = next.proceed();
    if (reply == null || reply.status() < 300) {
      ANSWERED.add(request.route().name());
    }
    return reply;
  }
}

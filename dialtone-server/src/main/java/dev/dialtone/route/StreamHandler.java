package dev.dialtone.route;

import io.javalin.http.sse.SseClient;

/**
 * A streaming route's work, once the request has passed its steps (account, sign-in, role, rate
 * limit): send events to the client until either side closes. Keep the stream open with {@link
 * SseClient#keepAlive()}; no thread is held while it waits.
 */
@FunctionalInterface
public non-sealed interface StreamHandler extends RouteHandler {
  void open(ApiRequest request, SseClient client);
}

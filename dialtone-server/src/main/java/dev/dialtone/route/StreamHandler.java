package dev.dialtone.route;

/**
 * A streaming route's work, once the request has passed its steps (account, sign-in, role, rate
 * limit): start sending events to the client, and return what to release when the stream ends (a
 * subscription). The pipeline keeps the stream open without holding a thread, sends the comment
 * {@code : open} once this returns, and ends the stream when the client leaves or the server stops.
 */
@FunctionalInterface
public non-sealed interface StreamHandler extends RouteHandler {
  AutoCloseable open(ApiRequest request, EventSink stream);
}

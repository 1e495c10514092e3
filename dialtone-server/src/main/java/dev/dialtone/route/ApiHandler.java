package dev.dialtone.route;

import dev.dialtone.http.ApiException;
import dev.dialtone.http.Reply;

/** A route's work: from a request to a reply, or an {@link ApiException}. */
@FunctionalInterface
public non-sealed interface ApiHandler extends RouteHandler {
  Reply handle(ApiRequest request);
}

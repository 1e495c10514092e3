package dev.dialtone.http;

/** A route's work: from a request to a reply, or an {@link ApiException}. */
@FunctionalInterface
public interface ApiHandler {
  Reply handle(ApiRequest request);
}

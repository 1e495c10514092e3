package dev.dialtone.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Removes {@code X-HTTP-Method-Override} from every request before it reaches the router, so that
 * only the request line's method counts. Javalin routes by the header when it is there ({@code
 * Context.method()} reads it first) and has no setting to stop it: a GET carrying {@code
 * X-HTTP-Method-Override: POST} would run as a write, past anything that trusts the method, such as
 * a proxy that retries GETs or lets them through.
 */
public final class NoMethodOverride implements HttpConfiguration.Customizer {
  static final String HEADER = "X-HTTP-Method-Override";

  @Override
  public Request customize(Request request, HttpFields.Mutable responseHeaders) {
    if (!request.getHeaders().contains(HEADER)) {
      return request;
    }
    HttpFields headers = HttpFields.build(request.getHeaders()).remove(HEADER).asImmutable();
    return new Request.Wrapper(request) {
      @Override
      public HttpFields getHeaders() {
        return headers;
      }
    };
  }
}

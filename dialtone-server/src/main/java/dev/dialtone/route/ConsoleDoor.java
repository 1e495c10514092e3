package dev.dialtone.route;

import dev.dialtone.http.ApiException;
import dev.dialtone.http.Reply;
import org.jspecify.annotations.Nullable;

/**
 * The first step of every console route: the headers that keep a browser page safe, on every
 * answer, and errors as an HTML page instead of the API's JSON.
 */
final class ConsoleDoor implements Step {
  /**
   * Scripts, styles and fonts only from Dialtone itself, no inline script or style, no framing;
   * recordings play from wherever the integrator stores them.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; media-src 'self' https: http:; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private final Pipeline.ErrorPage errorPage;

  ConsoleDoor(Pipeline.ErrorPage errorPage) {
    this.errorPage = errorPage;
  }

  @Override
  public boolean appliesTo(Route route) {
    return route.surface() == Route.Surface.CONSOLE;
  }

  @Override
  public @Nullable Reply apply(ApiRequest request, Chain next) {
    request.responseHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    request.responseHeader("X-Content-Type-Options", "nosniff");
    request.responseHeader("X-Frame-Options", "DENY");
    request.responseHeader("Referrer-Policy", "same-origin");
    try {
      return next.proceed();
    } catch (ApiException e) {
      return errorPage.render(request, e);
    }
  }
}

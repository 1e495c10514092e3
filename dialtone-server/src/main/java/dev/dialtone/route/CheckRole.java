package dev.dialtone.route;

import dev.dialtone.auth.Access;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.Reply;
import org.jspecify.annotations.Nullable;

/** Whether the principal's role may use the route: 403 {@code Forbidden} when not. */
final class CheckRole implements Step {
  @Override
  public boolean appliesTo(Route route) {
    // Every signed-in user may use a USER route: nothing to check.
    return route.access() != Access.PUBLIC && route.access() != Access.USER;
  }

  @Override
  public @Nullable Reply apply(ApiRequest request, Chain next) {
    if (!request.route().access().allows(request.principal().user().role())) {
      throw ApiException.forbidden();
    }
    return next.proceed();
  }
}

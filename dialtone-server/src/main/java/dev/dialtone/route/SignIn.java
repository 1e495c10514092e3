package dev.dialtone.route;

import dev.dialtone.auth.Access;
import dev.dialtone.auth.Authenticator;
import dev.dialtone.http.Reply;
import dev.dialtone.http.TrustedProxies;
import org.jspecify.annotations.Nullable;

/** Who asks: the principal the {@code Authorization} header proves, or 401. */
final class SignIn implements Step {
  private final Authenticator authenticator;
  private final TrustedProxies trustedProxies;

  SignIn(Authenticator authenticator, TrustedProxies trustedProxies) {
    this.authenticator = authenticator;
    this.trustedProxies = trustedProxies;
  }

  @Override
  public boolean appliesTo(Route route) {
    return route.access() != Access.PUBLIC && route.surface() == Route.Surface.API;
  }

  @Override
  public @Nullable Reply apply(ApiRequest request, Chain next) {
    request.principal(
        authenticator.authenticate(
            request.account(),
            request.header("Authorization"),
            request.clientAddress(trustedProxies)));
    return next.proceed();
  }
}

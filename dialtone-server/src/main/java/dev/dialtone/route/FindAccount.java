package dev.dialtone.route;

import dev.dialtone.account.AccountResolver;
import dev.dialtone.auth.Access;
import dev.dialtone.http.Reply;
import org.jspecify.annotations.Nullable;

/** The account the {@code Host} names; 404 {@code InvalidEndpoint} when it names none. */
final class FindAccount implements Step {
  private final AccountResolver accounts;

  FindAccount(AccountResolver accounts) {
    this.accounts = accounts;
  }

  @Override
  public boolean appliesTo(Route route) {
    // A console page open to all (the sign-in form) still belongs to the host's account.
    return route.access() != Access.PUBLIC || route.surface() == Route.Surface.CONSOLE;
  }

  @Override
  public @Nullable Reply apply(ApiRequest request, Chain next) {
    request.account(accounts.resolve(request.header("Host")));
    return next.proceed();
  }
}

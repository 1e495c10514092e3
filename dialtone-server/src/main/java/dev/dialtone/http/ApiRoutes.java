package dev.dialtone.http;

import dev.dialtone.account.Account;
import dev.dialtone.account.AccountResolver;
import dev.dialtone.auth.Access;
import dev.dialtone.auth.Authenticator;
import dev.dialtone.auth.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Registers API routes. Each route answers with and without the {@code .json} suffix, and runs the
 * same steps in the same order: find the account by host, authenticate, check the role, run the
 * handler, write the reply.
 */
public final class ApiRoutes {
  private final RoutesConfig routes;
  private final AccountResolver accounts;
  private final Authenticator authenticator;

  public ApiRoutes(RoutesConfig routes, AccountResolver accounts, Authenticator authenticator) {
    this.routes = routes;
    this.accounts = accounts;
    this.authenticator = authenticator;
  }

  public void get(String path, Access access, ApiHandler handler) {
    add(HandlerType.GET, path, access, handler);
  }

  public void post(String path, Access access, ApiHandler handler) {
    add(HandlerType.POST, path, access, handler);
  }

  public void put(String path, Access access, ApiHandler handler) {
    add(HandlerType.PUT, path, access, handler);
  }

  public void patch(String path, Access access, ApiHandler handler) {
    add(HandlerType.PATCH, path, access, handler);
  }

  private void add(HandlerType method, String path, Access access, ApiHandler handler) {
    Handler wrapped = context -> run(context, access, handler);
    routes.addHttpHandler(method, path, wrapped);
    if (path.startsWith("/api/")) {
      routes.addHttpHandler(method, path + ".json", wrapped);
    }
  }

  private void run(Context context, Access access, ApiHandler handler) {
    Account account = accounts.resolve(context.header("Host"));
    Principal principal =
        access == Access.PUBLIC
            ? null
            : authenticator.authenticate(account, context.header("Authorization"), access);
    ApiRequest request = new ApiRequest(context, account, principal);
    Reply reply = handler.handle(request);
    if (!request.ignoredKeys().isEmpty()) {
      List<String> keys = request.ignoredKeys().stream().map(ApiRoutes::headerSafe).toList();
      reply = withIgnoredKeys(reply, String.join(",", keys));
    }
    Responses.write(context, reply);
  }

  /**
   * A JSON key as it can travel in a header list: UTF-8 bytes outside the unreserved URI characters
   * are percent-encoded, so a key holding a comma, a line break or non-ASCII text stays one
   * unambiguous item instead of being mangled by the HTTP layer.
   */
  static String headerSafe(String key) {
    StringBuilder safe = new StringBuilder(key.length());
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        safe.append(c);
      } else {
        safe.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return safe.toString();
  }

  private static Reply withIgnoredKeys(Reply reply, String keys) {
    String quoted = "\"" + keys.replace(",", "\",\"") + "\"";
    return reply
        .withHeader("X-Dialtone-Ignored-Fields", keys)
        .withHeader(
            "X-Zendesk-API-Warn",
            "Removed restricted keys [" + quoted + "] from parameters according to whitelist");
  }
}

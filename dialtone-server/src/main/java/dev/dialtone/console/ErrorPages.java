package dev.dialtone.console;

import dev.dialtone.http.ApiException;
import dev.dialtone.http.ErrorMapper;
import dev.dialtone.http.Reply;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.route.ConsoleSignIn;
import dev.dialtone.route.Pipeline;
import java.util.Map;

/**
 * The console's answer to every error: the status and headers the API would send, as a page a
 * person reads, with the same sentence the API's JSON carries.
 */
public final class ErrorPages implements Pipeline.ErrorPage {
  private final Templates templates;
  private final Assets assets;

  public ErrorPages(Templates templates, Assets assets) {
    this.templates = templates;
    this.assets = assets;
  }

  @Override
  public Reply render(ApiRequest request, ApiException error) {
    int status = error.code().status();
    String title =
        switch (status) {
          case 401 -> "Sign in again";
          case 403 -> "Not allowed";
          case 404 -> "Not found";
          case 413 -> "Too large";
          case 429 -> "Too many attempts";
          case 503 -> "Unavailable";
          default -> status < 500 ? "That did not work" : "Something went wrong";
        };
    String message = error.description().isEmpty() ? title : error.description();
    if (status == 404 && message.equals("Not found")) {
      message = "There is nothing here: it does not exist, or not in this account.";
    }
    Shell shell =
        request.hasSession()
            ? Shell.of(request, assets, title, Shell.Section.NONE)
            : Shell.anonymous(assets, title);
    ErrorPageModel page =
        status == 401
            ? new ErrorPageModel(
                shell, title, message, ConsoleSignIn.signInPath("/agent"), "Sign in")
            : new ErrorPageModel(shell, title, message, "/agent", "Back to the console");
    Reply reply = templates.page(status, "error.jte", page);
    // Retry-After and the like, exactly as the API would send them.
    for (Map.Entry<String, String> header : ErrorMapper.reply(error).headers().entrySet()) {
      reply = reply.withHeader(header.getKey(), header.getValue());
    }
    return reply;
  }
}

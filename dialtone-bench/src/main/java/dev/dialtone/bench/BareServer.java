package dev.dialtone.bench;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The HTTP ceiling: Javalin, as Dialtone runs it, answering each route with Dialtone's own bytes
 * and doing nothing else (no sign-in, no database, no JSON). Run as {@code BareServer port
 * samples.json}.
 */
final class BareServer {
  private static final String JSON = "application/json; charset=utf-8";

  private BareServer() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Samples samples = Samples.read(Path.of(args[1]));
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.routes.get(
                  "/api/v2/calls/{id}", ctx -> answer(ctx, samples.of(Scenario.GET_CALL)));
              config.routes.get(
                  "/api/v2/tickets/{id}/comments",
                  ctx -> answer(ctx, samples.of(Scenario.LIST_COMMENTS)));
              // The body is read, as Dialtone reads it, to tell the two kinds of create apart.
              config.routes.post(
                  "/api/v2/calls",
                  ctx ->
                      answer(
                          ctx,
                          samples.of(
                              ctx.body().contains("\"comment\":")
                                  ? Scenario.CREATE_WITH_COMMENT
                                  : Scenario.CREATE_CALL)));
              config.routes.patch(
                  "/api/v2/calls/{id}",
                  ctx -> {
                    ctx.body();
                    answer(ctx, samples.of(Scenario.PATCH_CALL));
                  });
              config.routes.post(
                  "/api/v2/calls/{id}/comments",
                  ctx -> {
                    ctx.body();
                    answer(ctx, samples.of(Scenario.ADD_COMMENT));
                  });
            });
    app.start("127.0.0.1", port);
    System.out.println("bare handler listening on " + port);
  }

  private static void answer(Context ctx, Samples.Sample sample) {
    ctx.status(sample.status())
        .contentType(JSON)
        .result(sample.body().getBytes(StandardCharsets.UTF_8));
  }
}

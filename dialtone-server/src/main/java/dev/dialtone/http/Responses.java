package dev.dialtone.http;

import io.javalin.http.Context;

/** Writes replies and errors: the one place a response body is produced. */
public final class Responses {
  public static final String JSON = "application/json; charset=utf-8";
  public static final String HTML = "text/html; charset=utf-8";

  private Responses() {}

  public static void write(Context context, Reply reply) {
    context.status(reply.status());
    reply.headers().forEach(context::header);
    if (reply.body() == null) {
      context.result(new byte[0]);
    } else if (reply.body() instanceof Reply.Bytes file) {
      context.result(file.bytes());
      context.res().setHeader("Content-Type", file.contentType());
    } else if (reply.body() instanceof Reply.Page page) {
      context.result(page.html());
      context.res().setHeader("Content-Type", HTML);
    } else {
      context.result(Json.write(reply.body()));
      context.res().setHeader("Content-Type", JSON);
    }
  }

  public static void error(Context context, ApiException e) {
    write(context, ErrorMapper.reply(e));
  }
}

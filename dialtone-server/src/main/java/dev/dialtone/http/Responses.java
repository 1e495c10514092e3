package dev.dialtone.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes replies and errors: the one place a response body is produced. */
public final class Responses {
  public static final String JSON = "application/json; charset=utf-8";
  public static final String HTML = "text/html; charset=utf-8";

  /** Zendesk's {@code Cache-Control} on an answer without an {@code ETag}, errors included. */
  public static final String NO_CACHE = "no-cache";

  /** For answers that show a secret once (a new token or password): no cache may keep them. */
  public static final String NO_STORE = "no-store";

  private Responses() {}

  public static void write(Context context, Reply reply) {
    context.status(reply.status());
    reply.headers().forEach(context::header);
    if (reply.body() == null) {
      context.result(new byte[0]);
    } else if (reply.body() instanceof Reply.Bytes file) {
      if (javalinWouldAnswer304(context, reply)) {
        context.res().setHeader("Content-Type", file.contentType());
        writePastJavalin(context, file.bytes());
        return;
      }
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

  /**
   * Javalin answers 304 by itself, whatever the method, when {@code If-None-Match} equals the
   * {@code ETag} a reply carries. A write (a POST that created a record, say) is never Not
   * Modified, and a read's 304 has been decided before this: only a GET or HEAD answers 304.
   */
  private static boolean javalinWouldAnswer304(Context context, Reply reply) {
    String etag = reply.headers().get("ETag");
    HandlerType method = context.method();
    return etag != null
        && !method.equals(HandlerType.GET)
        && !method.equals(HandlerType.HEAD)
        && etag.equals(context.req().getHeader("If-None-Match"));
  }

  /** Writes the body to the servlet's stream itself, where Javalin's 304 check does not look. */
  private static void writePastJavalin(Context context, byte[] bytes) {
    context.res().setContentLength(bytes.length);
    try {
      context.res().getOutputStream().write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("the client went away while the answer was written", e);
    }
  }

  public static void error(Context context, ApiException e) {
    write(context, ErrorMapper.reply(e).withHeader("Cache-Control", NO_CACHE));
  }
}

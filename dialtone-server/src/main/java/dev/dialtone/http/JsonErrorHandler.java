package dev.dialtone.http;

import dev.dialtone.api.ErrorCode;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error page for requests that fail before any route runs (a malformed URI or request line,
 * headers too large): Zendesk-shaped JSON like every other error, never Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    String message = (String) request.getAttribute(ERROR_MESSAGE);
    if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException e) {
      status = e.getCode();
      if (message == null) {
        message = e.getReason();
      }
    }
    if (status < 400) {
      status = HttpStatus.INTERNAL_SERVER_ERROR_500;
    }
    // Jetty reads a request line without a version ("GET /x", or "GET  HTTP/1.1" with an empty
    // target) as HTTP/0.9 and refuses that version with a 505; it is a malformed request line, the
    // client's fault: 400. A version that is named and unknown (HTTP/9.9) stays a 505.
    if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505
        && message != null
        && message.contains("HTTP/0.9")) {
      status = HttpStatus.BAD_REQUEST_400;
      message = "Malformed request line: the HTTP version is missing";
    }
    ErrorCode code = codeFor(status);
    String description =
        message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
    // Jetty's own messages never hold a stack or a class name worth showing a client.
    ApiException error =
        status == HttpStatus.INTERNAL_SERVER_ERROR_500
            ? ApiException.of(code, "Something went wrong on our side")
            : ApiException.of(code, description);
    response.setStatus(status);
    if (!response.getHeaders().contains("X-Request-Id")) {
      String id = UUID.randomUUID().toString();
      response.getHeaders().put("X-Request-Id", id);
      response.getHeaders().put("X-Zendesk-Request-Id", id);
    }
    for (Map.Entry<String, String> header : ErrorMapper.headers(error).entrySet()) {
      response.getHeaders().put(header.getKey(), header.getValue());
    }
    if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
      callback.succeeded();
      return true;
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Responses.JSON);
    response.write(true, ByteBuffer.wrap(Json.write(ErrorMapper.body(error))), callback);
    return true;
  }

  /** The catalogue entry for a status Jetty chose; unlisted ones fall back by class. */
  public static ErrorCode codeFor(int status) {
    return switch (status) {
      case 404 -> ErrorCode.INVALID_ENDPOINT;
      case 413 -> ErrorCode.REQUEST_TOO_LARGE;
      case 414 -> ErrorCode.URI_TOO_LONG;
      case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
      case 431 -> ErrorCode.REQUEST_HEADER_FIELDS_TOO_LARGE;
      case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
      case 505 -> ErrorCode.HTTP_VERSION_NOT_SUPPORTED;
      default -> status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_ERROR;
    };
  }
}

package dev.dialtone.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.account.Account;
import dev.dialtone.api.ErrorCode;
import dev.dialtone.auth.ConsoleSession;
import dev.dialtone.auth.Principal;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.Json;
import dev.dialtone.http.Reply;
import dev.dialtone.http.TrustedProxies;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One request to a route, as its steps and its handler see it: who asks, in which account, and its
 * parsed parts. It also carries the request through the route's steps ({@link #proceed}), so a
 * request costs one object, whatever the number of steps.
 */
public final class ApiRequest implements Step.Chain {
  /** The largest request body accepted (docs/api.md). */
  public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

  /** How much of an oversized body is read and discarded so the client can hear the 413. */
  private static final long MAX_DRAINED_BYTES = 16L * 1024 * 1024;

  private final Pipeline pipeline;
  private final Context context;
  private final Route route;
  private final Step[] steps;
  private int nextStep;
  private boolean reachedHandler;
  private @Nullable Account account;
  private @Nullable Principal principal;
  private @Nullable ConsoleSession session;
  private @Nullable Map<String, String> form; // read on first use
  private final Set<String> ignoredKeys = new LinkedHashSet<>();
  private byte @Nullable [] body; // read on first use

  ApiRequest(Pipeline pipeline, Context context, Route route, Step[] steps) {
    this.pipeline = pipeline;
    this.context = context;
    this.route = route;
    this.steps = steps;
  }

  /** Runs the next step, or the route's handler once every step has run. */
  @Override
  public @Nullable Reply proceed() {
    if (nextStep < steps.length) {
      return steps[nextStep++].apply(this, this);
    }
    reachedHandler = true;
    if (route.handler() instanceof ApiHandler api) {
      return api.handle(this);
    }
    openStream((StreamHandler) route.handler());
    return null;
  }

  private void openStream(StreamHandler handler) {
    String accept = context.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw ApiException.of(
          ErrorCode.BAD_REQUEST,
          "This route streams server-sent events: send Accept: text/event-stream");
    }
    pipeline.openStream(this, context, handler);
  }

  /**
   * Whether every step let the request through to the route's handler, whatever it answered: a
   * journal or metrics tell the requests a step refused from those the route handled.
   */
  public boolean reachedHandler() {
    return reachedHandler;
  }

  public Route route() {
    return route;
  }

  /** The account the request's host names; routes outside the API's steps have none. */
  public Account account() {
    if (account == null) {
      throw new IllegalStateException(route.name() + " runs without an account");
    }
    return account;
  }

  void account(Account account) {
    this.account = account;
  }

  /** The authenticated caller; routes open to the public have none. */
  public Principal principal() {
    if (principal == null) {
      throw new IllegalStateException(route.name() + " is not authenticated");
    }
    return principal;
  }

  void principal(Principal principal) {
    this.principal = principal;
  }

  /** The agent console's session; only console routes that need a signed-in user have one. */
  public ConsoleSession session() {
    if (session == null) {
      throw new IllegalStateException(route.name() + " has no console session");
    }
    return session;
  }

  /** Whether a console session signed this request in. */
  public boolean hasSession() {
    return session != null;
  }

  void session(ConsoleSession session) {
    this.session = session;
    this.principal = session.principal();
  }

  /** A cookie the browser sent; null when it sent none of that name. */
  public @Nullable String cookie(String name) {
    return context.cookie(name);
  }

  /** Adds a {@code Set-Cookie} header; several may be added to one response. */
  public void addCookie(String setCookie) {
    context.res().addHeader("Set-Cookie", setCookie);
  }

  /**
   * Who sent the request: the TCP peer, or the client a trusted proxy names in {@code
   * X-Forwarded-For}. The sign-in throttle counts by it; an access log should show it.
   */
  public String clientAddress(TrustedProxies trustedProxies) {
    if (trustedProxies.trustsNone()) {
      return remoteAddress(); // the default, on every signed-in request: no parsing
    }
    return trustedProxies.source(remoteAddress(), headers("X-Forwarded-For"));
  }

  /**
   * A field of an HTML form's body ({@code application/x-www-form-urlencoded}), the first value
   * sent under that name; null when absent. 415 for another content type, 413 past {@link
   * #MAX_BODY_BYTES}.
   */
  public @Nullable String formField(String name) {
    if (form == null) {
      form = readForm();
    }
    return form.get(name);
  }

  private Map<String, String> readForm() {
    String contentType = context.contentType();
    String mediaType =
        contentType == null
            ? ""
            : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    if (!mediaType.equals("application/x-www-form-urlencoded")) {
      throw ApiException.of(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "This form takes application/x-www-form-urlencoded, as a browser sends it");
    }
    Map<String, String> fields = new java.util.HashMap<>();
    String text = new String(rawBody(), java.nio.charset.StandardCharsets.UTF_8);
    for (String pair : text.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      try {
        String key = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        fields.putIfAbsent(key, value);
      } catch (IllegalArgumentException e) {
        throw ApiException.of(ErrorCode.BAD_REQUEST, "The form's body is not URL-encoded");
      }
    }
    return fields;
  }

  private static String decode(String text) {
    return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  public long accountId() {
    return account().id();
  }

  /** Adds a header to the response, whatever the reply: for steps such as the rate limit. */
  public void responseHeader(String name, String value) {
    context.header(name, value);
  }

  /** The TCP peer's address, before any proxy header is considered. */
  String remoteAddress() {
    return context.req().getRemoteAddr();
  }

  /** Every value of a request header, in the order sent. */
  List<String> headers(String name) {
    java.util.Enumeration<String> values = context.req().getHeaders(name);
    return values == null ? List.of() : java.util.Collections.list(values);
  }

  /**
   * A numeric id from the path. Anything that is not a positive 64-bit integer names no record, so
   * it answers 404 {@code RecordNotFound} like an id that does not exist.
   */
  public long pathId(String name) {
    String raw = context.pathParam(name);
    if (raw.endsWith(".json")) {
      raw = raw.substring(0, raw.length() - ".json".length());
    }
    // ASCII digits only: Character.isDigit would let other scripts' digits through.
    if (raw.isEmpty() || raw.length() > 19 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw ApiException.notFound();
    }
    long id;
    try {
      id = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw ApiException.notFound(); // 19 digits above Long.MAX_VALUE
    }
    if (id <= 0) {
      throw ApiException.notFound();
    }
    return id;
  }

  /** A path parameter as sent, for parameters that are not ids. */
  public String pathParam(String name) {
    return context.pathParam(name);
  }

  public String query(String name) {
    return context.queryParam(name);
  }

  /** Every query parameter, in the order sent; for building page links. */
  public Map<String, List<String>> queryParams() {
    return context.queryParamMap();
  }

  /** The path and query string as sent, to come back to after signing in. */
  public String pathAndQuery() {
    String query = context.queryString();
    return query == null || query.isEmpty() ? context.path() : context.path() + "?" + query;
  }

  /** The request path as sent, {@code .json} suffix included. */
  public String path() {
    return context.path();
  }

  public String method() {
    return context.method().name();
  }

  public String header(String name) {
    return context.header(name);
  }

  /**
   * The scheme, host and port the client used, for {@code url} and {@code Location} values: behind
   * a proxy that terminates TLS, {@code X-Forwarded-Proto} tells the scheme.
   */
  public String baseUrl() {
    String host = context.header("Host");
    String forwarded = context.header("X-Forwarded-Proto");
    String scheme =
        "https".equalsIgnoreCase(forwarded) || "http".equalsIgnoreCase(forwarded)
            ? forwarded.toLowerCase(java.util.Locale.ROOT)
            : context.scheme();
    return scheme + "://" + (host == null ? "localhost" : host);
  }

  /**
   * The body as one JSON object: 415 for a non-JSON content type, 413 past {@link #MAX_BODY_BYTES},
   * 400 when it is not a JSON object.
   */
  public ObjectNode jsonBody() {
    String contentType = context.contentType();
    if (contentType != null && !isJson(contentType)) {
      throw ApiException.of(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type " + contentType.strip() + " is not supported; send application/json");
    }
    return Json.parseObject(rawBody());
  }

  /** The body's bytes as sent, read once: 413 past {@link #MAX_BODY_BYTES}. */
  public byte[] rawBody() {
    if (body == null) {
      body = readBody();
    }
    return body;
  }

  /**
   * The object under {@code key} of a body that must be Zendesk's envelope ({@code {"user":{…}}}):
   * other top-level keys are reported ignored; a missing or non-object envelope is 400 {@code
   * InvalidJSON}.
   */
  public ObjectNode envelope(String key) {
    ObjectNode body = jsonBody();
    List<String> others = new ArrayList<>();
    body.fieldNames().forEachRemaining(name -> others.add(name));
    others.remove(key);
    ObjectNode envelope = envelope(body, key);
    ignored(others);
    return envelope;
  }

  /**
   * The object under {@code key} of a parsed body; 400 {@code InvalidJSON} if absent or not one.
   */
  public static ObjectNode envelope(ObjectNode body, String key) {
    JsonNode node = body.get(key);
    if (node == null) {
      throw ApiException.invalidJson("The request body must have a \"" + key + "\" object");
    }
    if (!node.isObject()) {
      throw ApiException.invalidJson(
          "\"" + key + "\" must be a JSON object, not " + Json.kind(node));
    }
    return (ObjectNode) node;
  }

  /** Records top-level keys Dialtone ignored, for the {@code X-Dialtone-Ignored-Fields} header. */
  public void ignored(Collection<String> keys) {
    ignoredKeys.addAll(keys);
  }

  Set<String> ignoredKeys() {
    return ignoredKeys;
  }

  private byte[] readBody() {
    // The long form: Context.contentLength() is an int, and reads a length past 2 GiB as -1
    // ("unknown"), which would wait for a body that is never coming instead of answering 413.
    long declared = context.req().getContentLengthLong();
    try (InputStream in = context.req().getInputStream()) {
      if (declared > MAX_BODY_BYTES) {
        drain(in, declared);
        throw tooLarge();
      }
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        drain(in, declared);
        throw tooLarge();
      }
      return body;
    } catch (IOException e) {
      throw ApiException.invalidJson("The request body could not be read: it ended early");
    }
  }

  /**
   * Reads and discards the rest of an oversized body, up to {@link #MAX_DRAINED_BYTES}: most
   * clients send the whole body before they read a response, and a connection closed under them
   * hides the 413 behind a broken pipe. Beyond that it is not worth reading; Jetty closes it.
   */
  private static void drain(InputStream in, long declared) throws IOException {
    if (declared > MAX_DRAINED_BYTES) {
      return;
    }
    byte[] buffer = new byte[64 * 1024];
    long read = 0;
    int n;
    while (read <= MAX_DRAINED_BYTES && (n = in.read(buffer)) > 0) {
      read += n;
    }
  }

  private static ApiException tooLarge() {
    return ApiException.of(
        ErrorCode.REQUEST_TOO_LARGE,
        "The request body is larger than the limit of " + MAX_BODY_BYTES + " bytes");
  }

  private static boolean isJson(String contentType) {
    String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }
}

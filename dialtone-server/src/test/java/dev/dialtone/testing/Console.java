package dev.dialtone.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser of the agent console, over real HTTP, for tests below the browser tests: it keeps
 * cookies as a browser does, follows no redirect by itself, and sends forms as a browser sends
 * them. {@link #signIn} fills in the sign-in form; {@link #csrf} is the token the last page
 * carried.
 */
public final class Console {
  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
  private static final Pattern CSRF_META =
      Pattern.compile("<meta name=\"dialtone-csrf\" content=\"([^\"]+)\"");

  private final int port;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client;
  private String csrf = "";

  public Console(int port) {
    this.port = port;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(cookies)
            .build();
  }

  /** Another browser tab of the same browser (the same cookies), on another node's port. */
  public Console onPort(int otherPort) {
    Console other = new Console(otherPort);
    for (var cookie : cookies.getCookieStore().getCookies()) {
      other.cookies.getCookieStore().add(URI.create("http://127.0.0.1:" + otherPort), cookie);
    }
    other.csrf = csrf;
    return other;
  }

  /** Signs in through the form; the answer to the form's POST (303 on success). */
  public Response signIn(String email, String password) {
    Response form = get("/agent/sign-in");
    Map<String, String> fields = hiddenFields(form.body());
    fields.put("email", email);
    fields.put("password", password);
    return postForm("/agent/sign-in", fields);
  }

  /** Signs in as the test server's admin, and fails the test unless that works. */
  public Console signedInAsAdmin() {
    Response answer = signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    if (answer.status() != 303) {
      throw new AssertionError("sign-in answered " + answer.status() + ": " + answer.body());
    }
    get("/agent/tickets"); // a page, for its CSRF token
    return this;
  }

  public Response get(String path) {
    Response response = send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "text/html"));
    Matcher meta = CSRF_META.matcher(response.body());
    if (meta.find()) {
      csrf = meta.group(1);
    }
    return response;
  }

  /** Posts a form with the session's CSRF token, as every form of the console does. */
  public Response post(String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.putIfAbsent("_csrf", csrf);
    return postForm(path, all);
  }

  /** Posts exactly these fields: no CSRF token is added. */
  public Response postForm(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The CSRF token of the last page that carried one. */
  public String csrf() {
    return csrf;
  }

  /** The value of the session cookie, or null when there is none. */
  public String sessionCookie() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("dialtone_session"))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  /** The hidden fields of a page's (first) form, to send back. */
  public static Map<String, String> hiddenFields(String html) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher matcher = HIDDEN.matcher(html);
    while (matcher.find()) {
      fields.putIfAbsent(matcher.group(1), unescape(matcher.group(2)));
    }
    return fields;
  }

  private static String unescape(String attribute) {
    return attribute
        .replace("&#47;", "/")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

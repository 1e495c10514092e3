package dev.dialtone.route;

import dev.dialtone.account.AccountResolver;
import dev.dialtone.api.ErrorCode;
import dev.dialtone.auth.Access;
import dev.dialtone.auth.Authenticator;
import dev.dialtone.auth.ConsoleSessions;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.Reply;
import dev.dialtone.http.Responses;
import dev.dialtone.http.TrustedProxies;
import dev.dialtone.idempotency.Idempotency;
import dev.dialtone.ratelimit.RateLimits;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps every request takes, in one order, and the mounting of the route table onto Javalin.
 * Each route gets the steps that apply to it once, when it is mounted, so a request looks nothing
 * up and allocates one {@link ApiRequest}, whatever the number of steps.
 */
public final class Pipeline {
  /** Streams one node holds open at most: each is a connection and a subscription. */
  static final int MAX_STREAMS = 256;

  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final List<Step> steps;
  private final Set<EventSink> streams = ConcurrentHashMap.newKeySet();

  public Pipeline(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  /** Renders an error of a console route as the console's page for it. */
  @FunctionalInterface
  public interface ErrorPage {
    Reply render(ApiRequest request, ApiException error);
  }

  /**
   * Dialtone's steps: for console routes, the page's safety headers and HTML errors; find the
   * account by host, show the quota, sign in (by header for the API, by session cookie and CSRF
   * token for the console), check the role, count the request against the rate limit, run at most
   * once per {@code Idempotency-Key}, name the ignored keys; then the handler. {@code outer} steps
   * run first, around all of them (a journal, an access log, fault injection).
   */
  public static Pipeline standard(
      List<Step> outer,
      AccountResolver accounts,
      Authenticator authenticator,
      TrustedProxies trustedProxies,
      RateLimits rateLimits,
      Idempotency idempotency,
      ConsoleSessions sessions,
      ErrorPage consoleErrorPage) {
    List<Step> steps = new ArrayList<>(outer);
    steps.add(new ConsoleDoor(consoleErrorPage));
    steps.add(new FindAccount(accounts));
    steps.add(RateLimit.show(rateLimits));
    steps.add(new SignIn(authenticator, trustedProxies));
    steps.add(new ConsoleSignIn(sessions));
    steps.add(new CheckRole());
    steps.add(RateLimit.count(rateLimits));
    steps.add(new IdempotentReplay(idempotency));
    steps.add(new IgnoredKeys());
    return new Pipeline(steps);
  }

  /**
   * Mounts every route of the table: HEAD beside every GET, and the {@code .json} twin of every API
   * route; then 404 {@code InvalidEndpoint} for everything else, as the console's page under {@code
   * /agent/} (a person followed a link there) and as the API's JSON elsewhere.
   */
  public void mount(RoutesConfig routes, RouteTable table) {
    Route unknownPage =
        Route.page(
            "console.unknown",
            "/agent/*",
            Access.PUBLIC,
            request -> {
              throw ApiException.invalidEndpoint();
            });
    for (Route route : concat(table.routes(), unknownPage)) {
      Step[] applicable = steps.stream().filter(step -> step.appliesTo(route)).toArray(Step[]::new);
      Handler handler = context -> run(context, route, applicable);
      // HEAD runs the GET handler whole (Jetty sends no body for it), so that it answers exactly
      // as GET would: the same status, the same headers, counted against the same rate limit.
      HandlerType method = HandlerType.findOrCreate(route.method().name());
      List<HandlerType> methods =
          route.method() == Route.Method.GET
              ? List.of(HandlerType.GET, HandlerType.HEAD)
              : List.of(method);
      for (HandlerType each : methods) {
        routes.addHttpHandler(each, route.path(), handler);
        if (route.hasJsonTwin()) {
          routes.addHttpHandler(each, route.path() + ".json", handler);
        }
      }
    }
    for (HandlerType method : HandlerType.values()) {
      if (method.isHttpMethod()) {
        routes.addHttpHandler(
            method,
            "*",
            context -> {
              throw ApiException.invalidEndpoint();
            });
      }
    }
  }

  private static List<Route> concat(List<Route> routes, Route last) {
    List<Route> all = new ArrayList<>(routes);
    all.add(last);
    return all;
  }

  /**
   * Ends every open stream, so that a stopping server need not wait for clients that never hang up;
   * their {@code EventSource} reconnects to another node.
   */
  public void closeStreams() {
    streams.forEach(EventSink::close);
  }

  /**
   * Sends a comment to every open stream. A stream whose client left ends on the write that fails
   * (the second after it left: TCP answers the first with a reset), which is how the server learns
   * of it; and a proxy sees traffic on a stream that is otherwise quiet.
   */
  public void pingStreams() {
    for (EventSink stream : streams) {
      stream.comment("ping");
    }
  }

  /** Opens a stream for a request that has passed its steps: 503 past {@link #MAX_STREAMS}. */
  void openStream(ApiRequest request, Context context, StreamHandler handler) {
    if (streams.size() >= MAX_STREAMS) {
      throw ApiException.retryLater(
          ErrorCode.SERVICE_UNAVAILABLE,
          "This node has " + MAX_STREAMS + " streams open; try again later",
          Duration.ofSeconds(5));
    }
    new SseHandler(
            client -> {
              EventSink stream = new EventSink(client);
              AutoCloseable resource = handler.open(request, stream);
              client.onClose(
                  () -> {
                    streams.remove(stream);
                    release(resource);
                  });
              // Kept alive before it is listed: closeStreams must find a stream it can end.
              client.keepAlive();
              streams.add(stream);
              stream.comment("open");
            })
        .handle(context);
  }

  private static void release(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      LOG.warn("a stream's resource failed to close", e);
    }
  }

  private void run(Context context, Route route, Step[] steps) {
    Reply reply = new ApiRequest(this, context, route, steps).proceed();
    if (reply != null) { // null: a stream has answered by itself
      Responses.write(context, reply);
    }
  }
}

package dev.dialtone;

import dev.dialtone.account.AccountResolver;
import dev.dialtone.account.AccountStore;
import dev.dialtone.account.UserStore;
import dev.dialtone.admin.AccountAdminRoutes;
import dev.dialtone.admin.AccountSetup;
import dev.dialtone.api.ErrorCode;
import dev.dialtone.api.FieldErrorCode;
import dev.dialtone.auth.Authenticator;
import dev.dialtone.auth.ConsoleSessions;
import dev.dialtone.auth.SignInThrottle;
import dev.dialtone.auth.TokenStore;
import dev.dialtone.brand.BrandRoutes;
import dev.dialtone.brand.BrandStore;
import dev.dialtone.call.CallReferences;
import dev.dialtone.call.CallRoutes;
import dev.dialtone.call.CallStore;
import dev.dialtone.call.VoiceComments;
import dev.dialtone.comment.CommentRoutes;
import dev.dialtone.config.Config;
import dev.dialtone.config.ConfigException;
import dev.dialtone.console.AdminPages;
import dev.dialtone.console.Assets;
import dev.dialtone.console.CallPages;
import dev.dialtone.console.CallerPages;
import dev.dialtone.console.ConsoleRoutes;
import dev.dialtone.console.ErrorPages;
import dev.dialtone.console.Templates;
import dev.dialtone.console.TicketPage;
import dev.dialtone.console.TicketPages;
import dev.dialtone.event.Event;
import dev.dialtone.event.EventBus;
import dev.dialtone.event.InProcessEventBus;
import dev.dialtone.event.PostgresEventBus;
import dev.dialtone.health.HealthRoutes;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.Json;
import dev.dialtone.http.JsonErrorHandler;
import dev.dialtone.http.NoMethodOverride;
import dev.dialtone.http.Responses;
import dev.dialtone.idempotency.Idempotency;
import dev.dialtone.idempotency.IdempotencyKeys;
import dev.dialtone.organization.OrganizationRoutes;
import dev.dialtone.organization.OrganizationStore;
import dev.dialtone.ratelimit.RateLimits;
import dev.dialtone.route.Pipeline;
import dev.dialtone.route.Route;
import dev.dialtone.route.RouteTable;
import dev.dialtone.route.Step;
import dev.dialtone.screenpop.DisplayRoutes;
import dev.dialtone.screenpop.Presence;
import dev.dialtone.screenpop.ScreenPopStore;
import dev.dialtone.screenpop.ScreenPops;
import dev.dialtone.search.SearchRoutes;
import dev.dialtone.store.DataDirLock;
import dev.dialtone.store.Database;
import dev.dialtone.store.PostgresDatabase;
import dev.dialtone.store.SqliteDatabase;
import dev.dialtone.store.StoreException;
import dev.dialtone.store.UniqueViolation;
import dev.dialtone.ticket.CommentStore;
import dev.dialtone.ticket.TicketRoutes;
import dev.dialtone.ticket.TicketStore;
import dev.dialtone.tls.HttpsConnector;
import dev.dialtone.tls.TlsKeys;
import dev.dialtone.token.ApiTokens;
import dev.dialtone.token.TokenRoutes;
import dev.dialtone.user.UserAccounts;
import dev.dialtone.user.UserRoutes;
import dev.dialtone.voiceticket.VoiceTicketRoutes;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part of a Dialtone server by hand, in one place. {@link
 * #create} returns an unstarted server; {@link #start} opens the database and binds the port.
 */
public final class DialtoneServer implements AutoCloseable {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration SIGN_IN_WINDOW = Duration.ofMinutes(1);
  private static final Duration RETRY_AFTER_UNAVAILABLE = Duration.ofSeconds(2);

  /** The bus's notice that an account's sign-in records changed; no browser listens for it. */
  private static final String IDENTITY_CHANGED = "identity_changed";

  private static final Logger LOG = LoggerFactory.getLogger(DialtoneServer.class);

  private final Config config;
  private final Clock clock;
  // Null until start().
  private @Nullable Database database;
  private @Nullable EventBus events;
  private @Nullable RateLimits rateLimits;
  private @Nullable Presence presence;
  private @Nullable Javalin app;
  private AccountSetup.@Nullable Created firstStart;
  private @Nullable DataDirLock dataDirLock;
  private final List<Step> outerSteps = new ArrayList<>();
  private @Nullable RouteTable routeTable;
  private @Nullable Pipeline pipeline;
  private final java.util.concurrent.atomic.AtomicReference<String> reportedFailure =
      new java.util.concurrent.atomic.AtomicReference<>();

  private DialtoneServer(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  public static DialtoneServer create(Config config) {
    return create(config, Clock.systemUTC());
  }

  /** As {@link #create(Config)}, telling time by {@code clock}: tests move it on. */
  public static DialtoneServer create(Config config, Clock clock) {
    return new DialtoneServer(config, clock);
  }

  /**
   * Adds a step that every request runs first, before the account is found (a journal, an access
   * log, fault injection); in the order added. Only before {@link #start}.
   */
  public DialtoneServer addStep(Step step) {
    if (app != null) {
      throw new IllegalStateException("steps are added before the server starts");
    }
    outerSteps.add(step);
    return this;
  }

  /** Every route the server answers, once started. */
  public RouteTable routes() {
    if (routeTable == null) {
      throw new IllegalStateException("the routes are known once the server starts");
    }
    return routeTable;
  }

  @SafeVarargs
  private static List<Route> concat(List<Route>... lists) {
    List<Route> all = new ArrayList<>();
    for (List<Route> list : lists) {
      all.addAll(list);
    }
    return all;
  }

  public DialtoneServer start() {
    try {
      return startOrFail();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private DialtoneServer startOrFail() {
    if (config.databaseUrl() == null) {
      // One process per data dir: one SQLite writer, one set of rate-limit counts.
      dataDirLock = DataDirLock.acquire(config.dataDir());
    }
    // Locals for the lambdas below, which cannot see that the fields are set by then.
    Database database =
        config.databaseUrl() == null
            ? SqliteDatabase.open(config.dataDir(), config.databaseTimeout())
            : PostgresDatabase.open(
                config.databaseUrl(),
                new PostgresDatabase.PoolSettings(
                    config.databasePoolSize(), config.databaseTimeout()));
    AccountStore accounts = new AccountStore();
    BrandStore brands = new BrandStore();
    UserStore users = new UserStore();
    TokenStore tokens = new TokenStore();
    OrganizationStore organizations = new OrganizationStore();
    TicketStore tickets = new TicketStore();
    CommentStore comments = new CommentStore();
    CallStore calls = new CallStore();
    this.database = database;
    EventBus events =
        config.databaseUrl() == null
            ? new InProcessEventBus()
            : new PostgresEventBus(config.databaseUrl());
    this.events = events;
    Presence presence = new Presence(database, clock);
    this.presence = presence;
    ScreenPops screenPops = new ScreenPops(new ScreenPopStore(), events, presence);
    AccountSetup setup = new AccountSetup(accounts, brands, users, tokens);
    RateLimits rateLimits =
        new RateLimits(database, clock, config.rateLimitSupport(), config.rateLimitTalk());
    this.rateLimits = rateLimits;
    rateLimits.start(config.rateLimitSync());

    AccountResolver resolver =
        new AccountResolver(database, accounts, config.baseDomain(), config.subdomain());
    Authenticator authenticator =
        new Authenticator(
            database,
            users,
            tokens,
            clock,
            new SignInThrottle(clock, config.signInFailures(), SIGN_IN_WINDOW));
    // Accounts and signed-in credentials are kept in memory on each node: a change drops them here
    // before its request answers, and on the other nodes when the bus brings the notice.
    database
        .identityChanges()
        .listen(
            accountId -> {
              resolver.forget(accountId);
              authenticator.forget(accountId);
              events.publish(new Event(accountId, IDENTITY_CHANGED, ""));
            });
    events.subscribe(
        event -> {
          if (event.type().equals(IDENTITY_CHANGED)) {
            resolver.forget(event.accountId());
            authenticator.forget(event.accountId());
          }
        });
    Idempotency idempotency = new Idempotency(database, new IdempotencyKeys(), clock);
    VoiceComments voiceComments = new VoiceComments(tickets, comments, users, screenPops);
    CallRoutes callRoutes =
        new CallRoutes(
            database,
            calls,
            new CallReferences(users, brands, organizations, tickets),
            voiceComments,
            events,
            clock);
    DisplayRoutes displayRoutes = new DisplayRoutes(database, users, tickets, screenPops, clock);
    VoiceTicketRoutes voiceTicketRoutes =
        new VoiceTicketRoutes(database, tickets, comments, users, screenPops, clock);
    ConsoleSessions sessions = new ConsoleSessions(database, users, clock);
    UserAccounts userAccounts = new UserAccounts(database, users, organizations, clock);
    ApiTokens apiTokens = new ApiTokens(database, tokens, clock);
    Templates templates = new Templates();
    Assets assets = new Assets();
    ConsoleRoutes consoleRoutes =
        new ConsoleRoutes(
            database,
            authenticator,
            sessions,
            config.trustedProxies(),
            screenPops,
            presence,
            events,
            templates,
            assets);

    app =
        Javalin.create(
            javalin -> {
              configure(javalin);
              routeTable =
                  new RouteTable(
                      concat(
                          new HealthRoutes(database).routes(),
                          callRoutes.routes(),
                          displayRoutes.routes(),
                          voiceTicketRoutes.routes(),
                          new UserRoutes(database, users, userAccounts, clock).routes(),
                          new SearchRoutes(database, users).routes(),
                          new OrganizationRoutes(database, organizations, clock).routes(),
                          new BrandRoutes(database, brands, clock).routes(),
                          new TicketRoutes(
                                  database, tickets, comments, users, brands, organizations, clock)
                              .routes(),
                          new CommentRoutes(database, tickets, comments, calls).routes(),
                          new TokenRoutes(database, tokens, apiTokens, users, clock).routes(),
                          new AccountAdminRoutes(
                                  database, accounts, setup, config.subdomain(), clock)
                              .routes(),
                          consoleRoutes.routes(),
                          new TicketPages(database, tickets, users, templates, assets).routes(),
                          new CallPages(database, calls, users, organizations, templates, assets)
                              .routes(),
                          new CallerPages(
                                  database, users, tickets, calls, organizations, templates, assets)
                              .routes(),
                          new TicketPage(database, tickets, comments, calls, templates, assets)
                              .routes(),
                          new AdminPages(
                                  database,
                                  users,
                                  userAccounts,
                                  apiTokens,
                                  screenPops,
                                  templates,
                                  assets)
                              .routes()));
              pipeline =
                  Pipeline.standard(
                      outerSteps,
                      resolver,
                      authenticator,
                      config.trustedProxies(),
                      rateLimits,
                      idempotency,
                      sessions,
                      new ErrorPages(templates, assets));
              pipeline.mount(javalin.routes, routeTable);
            });
    Pipeline mounted = Objects.requireNonNull(pipeline, "set when the app was created");
    presence.start(mounted::pingStreams);
    bind();
    // Only once the port is ours: a start that fails to bind must not create the admin's
    // credentials, or they would never be shown.
    firstStart = bootstrap(accounts, setup);
    return this;
  }

  private void bind() {
    Javalin app = Objects.requireNonNull(this.app, "set by startOrFail()");
    try {
      if (config.host() == null) {
        app.start(config.port());
      } else {
        app.start(config.host(), config.port());
      }
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof java.net.BindException) {
          throw new ConfigException(
              (config.host() == null ? "port " : config.host() + " port ")
                  + config.port()
                  + " is in use or not available: set DIALTONE_PORT or --port"
                  + (config.host() == null ? "" : " (or DIALTONE_HOST or --host)"));
        }
        if (cause instanceof java.nio.channels.UnresolvedAddressException) {
          throw new ConfigException(
              "cannot listen on " + config.host() + ": set DIALTONE_HOST or --host");
        }
      }
      throw e;
    }
  }

  private void configure(JavalinConfig javalin) {
    javalin.startup.showJavalinBanner = false;
    javalin.startup.showOldJavalinVersionWarning = false;
    javalin.http.maxRequestSize = Long.MAX_VALUE; // ApiRequest enforces the body limit itself
    // ctx.json writes with the mapper every other body is written with: one configuration.
    javalin.jsonMapper(new JavalinJackson(Json.mapper(), false));
    // Only the request line's method counts: on every connector, HTTPS included.
    javalin.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new NoMethodOverride()));
    if (config.tls()) {
      KeyStore keys =
          config.tlsSelfSigned()
              ? TlsKeys.selfSigned(config.dataDir())
              // tls() without self-signed means a certificate, which comes with its key.
              : TlsKeys.fromPem(
                  Objects.requireNonNull(config.tlsCertificate()),
                  Objects.requireNonNull(config.tlsKey()));
      // With a connector of its own, Javalin opens no plain HTTP one: the port is HTTPS only.
      javalin.jetty.addConnector(
          (server, http) ->
              HttpsConnector.create(server, http, keys, config.host(), config.port()));
    }
    javalin.jetty.modifyServer(
        server -> {
          // On stop, refuse new connections and let requests in flight finish first.
          server.setStopTimeout(STOP_TIMEOUT.toMillis());
          server.setHandler(new GracefulHandler());
          // Requests Jetty rejects before routing (bad URI, headers too large) answer JSON too.
          server.setErrorHandler(new JsonErrorHandler());
        });
    javalin.routes.before(
        ctx -> {
          String id = UUID.randomUUID().toString();
          ctx.header("X-Request-Id", id);
          ctx.header("X-Zendesk-Request-Id", id);
        });
    javalin.routes.exception(ApiException.class, (e, ctx) -> Responses.error(ctx, e));
    // Javalin's own refusals (a method it has no name for, such as PROPFIND) answer in the
    // catalogue's shape too: a 404 is an unknown route, anything else is mapped by its status.
    javalin.routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            Responses.error(
                ctx,
                e.getStatus() == 404
                    ? ApiException.invalidEndpoint()
                    // Javalin's HttpResponseException always has a message ("" by default).
                    : ApiException.of(
                        JsonErrorHandler.codeFor(e.getStatus()),
                        Objects.requireNonNullElse(e.getMessage(), ""))));
    javalin.routes.exception(
        UniqueViolation.class,
        (e, ctx) ->
            Responses.error(
                ctx,
                ApiException.invalid(
                    "base",
                    "Record",
                    FieldErrorCode.InvalidValue,
                    "repeats a value that is already in use (" + e.constraint() + ")")));
    javalin.routes.exception(
        StoreException.class,
        (e, ctx) -> {
          String permanent = e.permanentReason();
          if (permanent == null) {
            LOG.error("storage failure on {} {}", ctx.method(), ctx.path(), e);
            Responses.error(
                ctx,
                ApiException.retryLater(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "The database is busy or unavailable; try again shortly",
                    RETRY_AFTER_UNAVAILABLE));
            return;
          }
          // A state an operator must fix: one line when it starts, not a trace per request.
          if (!permanent.equals(reportedFailure.getAndSet(permanent))) {
            LOG.error(
                "the database cannot be written: {}; requests that write answer 503", permanent);
          }
          LOG.debug("storage failure on {} {}", ctx.method(), ctx.path(), e);
          Responses.error(
              ctx,
              ApiException.of(
                  ErrorCode.SERVICE_UNAVAILABLE,
                  "The database cannot be written ("
                      + permanent
                      + "); an operator must fix it before retrying helps"));
        });
    javalin.routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
          Responses.error(
              ctx, ApiException.of(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side"));
        });
  }

  /**
   * Creates the default account on an empty database; later starts keep what exists. When several
   * nodes start at once on one empty database, one creates it and the others find it made.
   */
  // The work answers null when the account exists already, which is this method's null too.
  @SuppressWarnings("NullAway")
  private AccountSetup.@Nullable Created bootstrap(AccountStore accounts, AccountSetup setup) {
    Database database = Objects.requireNonNull(this.database, "set by startOrFail()");
    try {
      return database.write(
          tx -> {
            if (accounts.findBySubdomain(tx, config.subdomain()).isPresent()) {
              return null;
            }
            return setup.create(
                tx,
                config.subdomain(),
                config.adminEmail(),
                config.adminPassword(),
                config.adminToken(),
                clock.instant());
          });
    } catch (StoreException | UniqueViolation e) {
      if (database.read(tx -> accounts.findBySubdomain(tx, config.subdomain())).isPresent()) {
        return null; // another node created it first
      }
      throw e;
    }
  }

  /** What the first start created, with its secrets; null when the account already existed. */
  public AccountSetup.@Nullable Created firstStart() {
    return firstStart;
  }

  /** The cluster-wide event bus this node publishes to and listens on. */
  public @Nullable EventBus events() { // null before start()
    return events;
  }

  /** This node's rate limits; {@link RateLimits#sync} shares its counts now. */
  public @Nullable RateLimits rateLimits() { // null before start()
    return rateLimits;
  }

  /** Which agents have a stream open; {@link Presence#heartbeat} runs its timer's work now. */
  public @Nullable Presence presence() { // null before start()
    return presence;
  }

  public int port() {
    return Objects.requireNonNull(app, "not started").port();
  }

  /** The address clients reach this server at, {@code https://} when TLS is on. */
  public String url() {
    String host =
        config.host() == null || config.host().equals("0.0.0.0") ? "localhost" : config.host();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return (config.tls() ? "https://" : "http://") + host + ":" + port();
  }

  public Config config() {
    return config;
  }

  /** Stops taking requests, lets those in flight finish, then closes the database. */
  @Override
  public void close() {
    if (pipeline != null) {
      pipeline.closeStreams();
    }
    if (app != null) {
      app.stop();
    }
    if (rateLimits != null) {
      rateLimits.close();
    }
    // After the streams ended, before the database closes: the node leaves no presence behind.
    if (presence != null) {
      presence.close();
    }
    if (events != null) {
      events.close();
    }
    if (database != null) {
      database.close();
    }
    if (dataDirLock != null) {
      dataDirLock.close();
    }
  }
}

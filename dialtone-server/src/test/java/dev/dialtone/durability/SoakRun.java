package dev.dialtone.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestPostgres;
import dev.dialtone.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long run of mixed load at a steady rate against a real server process: memory and latency must
 * stay flat. Not part of the default build; run it with {@code ./mvnw -B verify -Dsoak}.
 *
 * <p>Settings (system properties): {@code soak.seconds} (default 600), {@code soak.rate} requests
 * per second (default 50), {@code soak.window} seconds per report (default 30, or a sixth of a
 * shorter run), {@code soak.database} ({@code sqlite} or {@code postgresql}).
 */
@Tag("soak")
class SoakRun {
  private static final int SECONDS = Integer.getInteger("soak.seconds", 600);
  private static final int RATE = Integer.getInteger("soak.rate", 50);
  private static final int WINDOW =
      Integer.getInteger("soak.window", Math.max(1, Math.min(30, SECONDS / 6)));
  private static final String DATABASE = System.getProperty("soak.database", "sqlite");

  /** A fixed heap, as in production: a leak then shows as heap in use, not as a growing heap. */
  private static final List<String> JVM = List.of("-Xmx256m");

  private static final int USERS = 50;
  private static final long MIB = 1024 * 1024;

  @TempDir Path dir;

  /** Latencies and outcomes of the requests that finished in one window. */
  static final class Window {
    private final List<Long> micros = new ArrayList<>();
    private int clientErrors;
    private int serverErrors;
    private int failed;

    synchronized void record(long latencyMicros, int status) {
      micros.add(latencyMicros);
      if (status >= 500) {
        serverErrors++;
      } else if (status >= 400) {
        clientErrors++;
      }
    }

    synchronized void failed() {
      failed++;
    }

    synchronized Figures close(int index, long rssBytes, long heapBytes) {
      long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
      return new Figures(
          index,
          sorted.length,
          clientErrors,
          serverErrors,
          failed,
          percentile(sorted, 50),
          percentile(sorted, 95),
          percentile(sorted, 99),
          percentile(sorted, 100),
          rssBytes,
          heapBytes);
    }

    private static long percentile(long[] sorted, int p) {
      if (sorted.length == 0) {
        return 0;
      }
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(0, rank - 1)];
    }
  }

  /** What one window measured: latencies in microseconds, memory of the server process. */
  record Figures(
      int index,
      int requests,
      int clientErrors,
      int serverErrors,
      int failed,
      long p50,
      long p95,
      long p99,
      long max,
      long rssBytes,
      long heapBytes) {
    String line() {
      return String.format(
          "%6ds %9d %7d %7d %7d %8.1f %8.1f %8.1f %8.1f %9d %9s",
          (index + 1) * (long) WINDOW,
          requests,
          clientErrors,
          serverErrors,
          failed,
          p50 / 1000.0,
          p95 / 1000.0,
          p99 / 1000.0,
          max / 1000.0,
          rssBytes / MIB,
          heapBytes < 0 ? "?" : String.valueOf(heapBytes / MIB));
    }
  }

  private static final String HEADER =
      String.format(
          "%7s %9s %7s %7s %7s %8s %8s %8s %8s %9s %9s",
          "time",
          "requests",
          "4xx",
          "5xx",
          "failed",
          "p50 ms",
          "p95 ms",
          "p99 ms",
          "max ms",
          "RSS MiB",
          "heap MiB");

  /** The ids the load works on, shared by the request threads. */
  static final class Known {
    private final List<Long> calls = new ArrayList<>();
    private final List<Long> tickets = new ArrayList<>();
    private final List<String> phones = new ArrayList<>();

    synchronized void addCall(JsonNode call) {
      calls.add(call.get("id").asLong());
      if (!call.get("ticket_id").isNull()) {
        tickets.add(call.get("ticket_id").asLong());
      }
    }

    synchronized void addPhone(String phone) {
      phones.add(phone);
    }

    synchronized long call(Random random) {
      return calls.get(random.nextInt(calls.size()));
    }

    synchronized long ticket(Random random) {
      return tickets.get(random.nextInt(tickets.size()));
    }

    synchronized String phone(Random random) {
      return phones.get(random.nextInt(phones.size()));
    }
  }

  @Test
  void steadyMixedLoad_keepsLatencyAndMemoryFlat() throws Exception {
    assertThat(DATABASE).as("soak.database").isIn("sqlite", "postgresql");
    int windows = SECONDS / WINDOW;
    assertThat(windows)
        .as("a warm-up window and at least two to compare (soak.seconds / soak.window)")
        .isGreaterThanOrEqualTo(3);
    String databaseUrl = DATABASE.equals("postgresql") ? TestPostgres.newDatabase() : null;
    DialtoneProcess server =
        DialtoneProcess.start(dir.resolve("data"), databaseUrl, dir.resolve("dialtone.log"), JVM);
    System.out.printf(
        "SoakRun: %d s at %d requests/s on %s, %d s windows (the first is warm-up), server pid %d%n",
        SECONDS, RATE, DATABASE, WINDOW, server.pid());
    Api api = new Api(server.port()).withToken(TestServer.ADMIN_EMAIL, TestServer.ADMIN_TOKEN);
    Known known = new Known();
    seed(api, known);

    AtomicReference<Window> current = new AtomicReference<>(new Window());
    AtomicInteger sequence = new AtomicInteger();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    ExecutorService senders = Executors.newFixedThreadPool(32);
    List<Figures> figures = new ArrayList<>();
    System.out.println(HEADER);
    try {
      long periodNanos = TimeUnit.SECONDS.toNanos(1) / RATE;
      ticker.scheduleAtFixedRate(
          () -> {
            long due = System.nanoTime();
            senders.execute(() -> send(api, known, sequence.incrementAndGet(), due, current));
          },
          0,
          periodNanos,
          TimeUnit.NANOSECONDS);
      long start = System.nanoTime();
      for (int w = 0; w < windows; w++) {
        long end = start + TimeUnit.SECONDS.toNanos((long) (w + 1) * WINDOW);
        TimeUnit.NANOSECONDS.sleep(Math.max(0, end - System.nanoTime()));
        if (w == windows - 1) {
          // The last window ends with every request it started answered.
          ticker.shutdownNow();
          senders.shutdown();
          assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        Window finished = current.getAndSet(new Window());
        Figures window = finished.close(w, rss(server.pid()), heapUsedAfterGc(server.pid()));
        figures.add(window);
        System.out.println(window.line());
      }
    } finally {
      ticker.shutdownNow();
      senders.shutdownNow();
      server.stop();
    }

    Figures warm = figures.get(1);
    Figures last = figures.get(figures.size() - 1);
    int requests = figures.stream().mapToInt(Figures::requests).sum();
    int serverErrors = figures.stream().mapToInt(Figures::serverErrors).sum();
    int failed = figures.stream().mapToInt(Figures::failed).sum();
    int clientErrors = figures.stream().mapToInt(Figures::clientErrors).sum();
    System.out.println();
    System.out.println("SoakRun summary");
    System.out.println(HEADER);
    figures.forEach(f -> System.out.println(f.line()));
    System.out.printf(
        "requests=%d (%.1f/s) 4xx=%d 5xx=%d failed=%d%n"
            + "p99 first window after warm-up %.1f ms, last %.1f ms (%.2fx, limit 3x)%n"
            + "RSS after warm-up %d MiB, at the end %d MiB (limit %d MiB)%n",
        requests,
        requests / (double) (windows * WINDOW),
        clientErrors,
        serverErrors,
        failed,
        warm.p99() / 1000.0,
        last.p99() / 1000.0,
        last.p99() / (double) Math.max(1, warm.p99()),
        figures.get(0).rssBytes() / MIB,
        last.rssBytes() / MIB,
        rssLimit(figures.get(0).rssBytes()) / MIB);

    assertThat(serverErrors).as("5xx answers").isZero();
    assertThat(failed).as("requests without an answer").isZero();
    assertThat(clientErrors).as("4xx answers (the load sends only valid requests)").isZero();
    assertThat(last.p99()).as("p99 of the last window, µs").isLessThanOrEqualTo(3 * warm.p99());
    assertThat(last.rssBytes())
        .as("RSS at the end, bytes")
        .isLessThan(rssLimit(figures.get(0).rssBytes()));
  }

  private static long rssLimit(long firstRss) {
    return (long) (firstRss * 1.5) + 64 * MIB;
  }

  /** Users to search for, and calls (some with tickets) for the first requests to work on. */
  private static void seed(Api api, Known known) {
    for (int i = 0; i < USERS; i++) {
      String phone = "+1513555" + String.format("%04d", i);
      Response user =
          api.post(
              "/api/v2/users",
              "{\"user\":{\"name\":\"Caller "
                  + i
                  + "\",\"phone\":\""
                  + phone
                  + "\",\"role\":\"end-user\"}}");
      assertThat(user.status()).as("seed user").isEqualTo(201);
      known.addPhone(phone);
    }
    Random random = new Random(1);
    for (int i = 0; i < 10; i++) {
      Response call = api.post("/api/v2/calls", createBody(random, i, true));
      assertThat(call.status()).as("seed call").isEqualTo(201);
      known.addCall(call.json().get("call"));
    }
  }

  /**
   * One request of the mix: creates (a third with a voice comment), PATCHes, reads, comments,
   * comment lists and user searches. Latency counts from when the request was due, so a server that
   * falls behind shows it even though the senders queue.
   */
  private static void send(
      Api api, Known known, int n, long dueNanos, AtomicReference<Window> current) {
    Random random = ThreadLocalRandom.current();
    int pick = random.nextInt(100);
    try {
      Response response;
      if (pick < 25) {
        response = api.post("/api/v2/calls", createBody(random, n, random.nextInt(3) == 0));
        if (response.status() == 201) {
          known.addCall(response.json().get("call"));
        }
      } else if (pick < 45) {
        response =
            api.patch(
                "/api/v2/calls/" + known.call(random),
                "{\"call\":{\"duration\":"
                    + random.nextInt(3600)
                    + ",\"completion_status\":\"completed\",\"call_ended_at\":\"2024-05-01T10:"
                    + String.format("%02d", random.nextInt(60))
                    + ":00Z\"}}");
      } else if (pick < 70) {
        response = api.get("/api/v2/calls/" + known.call(random));
      } else if (pick < 80) {
        response =
            api.post(
                "/api/v2/calls/" + known.call(random) + "/comments",
                "{\"title\":\"Follow-up "
                    + n
                    + "\",\"call_fields\":[\"from_line\",\"duration\",\"completion_status\"]}");
      } else if (pick < 90) {
        response = api.get("/api/v2/tickets/" + known.ticket(random) + "/comments");
      } else {
        String phone = known.phone(random);
        response = api.get("/api/v2/users/search?query=" + phone.substring(phone.length() - 7));
      }
      long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - dueNanos);
      current.get().record(micros, response.status());
    } catch (UncheckedIOException e) {
      current.get().failed();
    }
  }

  private static String createBody(Random random, int n, boolean withComment) {
    String call =
        "{\"call\":{\"app_id\":1,\"call_started_at\":\"2024-05-01T10:00:00Z\",\"direction\":\""
            + (random.nextBoolean() ? "inbound" : "outbound")
            + "\",\"from_line\":\"+1513555"
            + String.format("%04d", random.nextInt(USERS))
            + "\",\"to_line\":\"+16617480123\",\"external_id\":\"soak-"
            + n
            + "\",\"queue_name\":\"Support\"}";
    if (!withComment) {
      return call + "}";
    }
    return call
        + ",\"comment\":{\"title\":\"Call "
        + n
        + "\",\"call_fields\":[\"from_line\",\"to_line\",\"direction\"]}}";
  }

  /** Resident memory of the process, from {@code /proc/<pid>/status}. */
  private static long rss(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for pid " + pid);
  }

  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  /**
   * Heap in use in the server just after a full collection it was asked for ({@code jcmd GC.run},
   * i.e. System.gc()), from {@code jcmd GC.heap_info}; -1 when jcmd is not available.
   */
  private static long heapUsedAfterGc(long pid) {
    try {
      jcmd(pid, "GC.run");
      long used = 0;
      boolean found = false;
      for (String line : jcmd(pid, "GC.heap_info").split("\n")) {
        String trimmed = line.strip();
        if (trimmed.startsWith("Metaspace") || trimmed.startsWith("class space")) {
          continue;
        }
        Matcher matcher = USED.matcher(trimmed);
        if (matcher.find()) {
          used += Long.parseLong(matcher.group(1)) * 1024;
          found = true;
        }
      }
      return found ? used : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private static String jcmd(long pid, String command) throws IOException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) {
      throw new IOException("no jcmd in " + jcmd.getParent());
    }
    Process process =
        new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command)
            .redirectErrorStream(true)
            .start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("jcmd " + command + " failed: " + output);
      }
      return output;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}

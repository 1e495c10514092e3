package dev.dialtone.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A process the harness started: pinned to its cores with {@code taskset}, its output kept in a log
 * file and in memory for the lines the harness waits for. Every one is stopped when the harness
 * ends, however it ends short of SIGKILL (a shutdown hook).
 */
final class Proc implements AutoCloseable {
  private static final Set<Proc> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(Proc::close)));
  }

  final String name;
  final long startedNanos;
  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private Proc(String name, Process process, long startedNanos, Path log) {
    this.name = name;
    this.process = process;
    this.startedNanos = startedNanos;
    reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  PrintWriter file =
                      new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  lines.add(line);
                  file.println(line);
                }
              } catch (IOException e) {
                // The process ended; what it printed is in the log.
              }
            },
            "output-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code command} on {@code cores} ("0", or "" for no pinning), stdout and stderr merged
   * into {@code log}.
   */
  static Proc start(
      String name, String cores, List<String> command, Map<String, String> env, Path log) {
    List<String> full = new ArrayList<>();
    if (!cores.isEmpty()) {
      full.addAll(List.of("taskset", "-c", cores));
    }
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    builder.environment().putAll(env);
    long started = System.nanoTime();
    try {
      // taskset execs the command, so the pid is the target's own (for its RSS).
      Proc proc = new Proc(name, builder.start(), started, log);
      RUNNING.add(proc);
      return proc;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + full, e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The first line of output that matches, waiting up to {@code seconds}. */
  String awaitLine(Predicate<String> match, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      for (String line : lines) {
        if (match.test(line)) {
          return line;
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited: " + tail());
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException(name + " printed no such line in " + seconds + " s: " + tail());
  }

  private String tail() {
    int from = Math.max(0, lines.size() - 10);
    return String.join("\n", lines.subList(from, lines.size()));
  }

  /** Resident set size in MiB, from /proc. */
  double rssMib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException e) {
      // No /proc (not Linux): no figure.
    }
    return Double.NaN;
  }

  /** SIGTERM, then SIGKILL after 20 s; returns once what it printed last is in the log. */
  @Override
  public void close() {
    RUNNING.remove(this);
    try {
      // SIGTERM by kill(1): the JVM's Process.destroy() did not let the target's shutdown hooks
      // print what they log on the way out.
      new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid()))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      reader.join(TimeUnit.SECONDS.toMillis(5));
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

package dev.dialtone.durability;

import dev.dialtone.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dialtone as a separate OS process ({@code dev.dialtone.Main} on the test JVM's class path), so a
 * test can kill it as the kernel would: no shutdown hook, no flush, no goodbye. Its output goes to
 * a log file that survives it.
 */
final class DialtoneProcess {
  private static final Pattern LISTENING =
      Pattern.compile("listening on https?://localhost:(\\d+)/");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final int port;

  private DialtoneProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts Dialtone on a free port with the test admin, keeping its data in {@code dataDir} (and in
   * PostgreSQL when {@code databaseUrl} is set), and returns once it answers ready.
   */
  static DialtoneProcess start(
      Path dataDir, String databaseUrl, Path log, List<String> jvmOptions) {
    List<String> command = new ArrayList<>(command(jvmOptions));
    command.addAll(
        List.of(
            "--port",
            "0",
            "--data-dir",
            dataDir.toString(),
            "--admin-token",
            TestServer.ADMIN_TOKEN,
            "--admin-password",
            TestServer.ADMIN_PASSWORD,
            // The checks afterwards read every call and ticket back at once; the rate limits
            // have tests of their own.
            "--rate-limit-support",
            Integer.toString(TestServer.TEST_RATE_LIMIT),
            "--rate-limit-talk",
            Integer.toString(TestServer.TEST_RATE_LIMIT)));
    if (databaseUrl != null) {
      command.addAll(List.of("--database-url", databaseUrl));
    }
    DialtoneProcess started = launch(command, log);
    started.awaitReady();
    return started;
  }

  /**
   * Starts Main with exactly these arguments and returns once it prints the address it listens at
   * (over HTTPS, too, where {@link #baseUrl} does not answer).
   */
  static DialtoneProcess startListening(List<String> arguments, Path log) {
    List<String> command = new ArrayList<>(command(List.of()));
    command.addAll(arguments);
    return launch(command, log);
  }

  private static DialtoneProcess launch(List<String> command, Path log) {
    try {
      long logStart = Files.exists(log) ? Files.size(log) : 0;
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      // Keep the environment's DIALTONE_* settings (and typos in them) out of the child.
      builder.environment().keySet().removeIf(name -> name.startsWith("DIALTONE_"));
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      Process process = builder.start();
      int port = awaitPort(process, log, logStart);
      return new DialtoneProcess(process, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The command line that runs {@code dev.dialtone.Main}, arguments to follow. */
  static List<String> command(List<String> jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.dialtone.Main"));
    return command;
  }

  /** What a run of Main to its end printed, and how it exited. */
  record Finished(int exitValue, String stdout, String stderr) {}

  /**
   * Runs Main with exactly these arguments (no DIALTONE_* variables) until it exits, at most 60
   * seconds.
   */
  static Finished run(List<String> arguments) {
    List<String> command = new ArrayList<>(command(List.of()));
    command.addAll(arguments);
    try {
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().keySet().removeIf(name -> name.startsWith("DIALTONE_"));
      Path stdout = Files.createTempFile("dialtone-stdout", ".txt");
      Path stderr = Files.createTempFile("dialtone-stderr", ".txt");
      builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("Main did not exit within 60 s: " + arguments);
      }
      Finished finished =
          new Finished(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
      Files.delete(stdout);
      Files.delete(stderr);
      return finished;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The port Main prints once it listens, read from what this start appended to the log. */
  private static int awaitPort(Process process, Path log, long logStart) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      byte[] all = Files.readAllBytes(log);
      String output =
          new String(all, (int) logStart, all.length - (int) logStart, StandardCharsets.UTF_8);
      Matcher matcher = LISTENING.matcher(output);
      if (matcher.find()) {
        return Integer.parseInt(matcher.group(1));
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Dialtone exited with " + process.exitValue() + " before listening:\n" + output);
      }
      pause(20);
    }
    process.destroyForcibly();
    throw new IllegalStateException("Dialtone did not listen within " + START_TIMEOUT);
  }

  private void awaitReady() {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/_dialtone/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not answering yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      pause(20);
    }
    process.destroyForcibly();
    throw new IllegalStateException("Dialtone did not become ready within " + START_TIMEOUT);
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * Kills the process with SIGKILL and waits until the operating system has reaped it; returns
   * whether it is gone.
   */
  boolean kill() {
    ProcessHandle handle = process.toHandle();
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return !handle.isAlive()
        && ProcessHandle.of(process.pid()).filter(ProcessHandle::isAlive).isEmpty();
  }

  /** The exit status the process died with (137 for SIGKILL: 128 + 9). */
  int exitValue() {
    return process.exitValue();
  }

  /** Stops the process with SIGTERM, as an operator would, and waits for it to exit. */
  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

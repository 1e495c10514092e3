package dev.dialtone.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Loads one target over a fixed number of keep-alive connections, one thread each.
 *
 * <p>Closed loop (no rate): each connection sends its next request as soon as the last is answered,
 * which finds the peak throughput. Open loop (a rate): each connection sends on a fixed schedule
 * and a request's latency counts from when it was due, not from when it was sent, so a server that
 * stalls is charged for the requests that queued behind the stall (what wrk2 does; a closed loop
 * hides it).
 */
final class LoadGenerator {
  // A minute is far beyond any answer the harness waits for; 3 digits keep p99.9 honest.
  private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final String host;
  private final int port;
  private final int connections;

  LoadGenerator(String host, int port, int connections) {
    this.host = host;
    this.port = port;
    this.connections = connections;
  }

  /** What one run measured. Latencies are in milliseconds. */
  record Measurement(
      double throughput, long requests, long errors, double p50, double p99, double p999) {
    static Measurement median(List<Measurement> runs) {
      return new Measurement(
          medianOf(runs, Measurement::throughput),
          (long) medianOf(runs, m -> m.requests()),
          (long) medianOf(runs, m -> m.errors()),
          medianOf(runs, Measurement::p50),
          medianOf(runs, Measurement::p99),
          medianOf(runs, Measurement::p999));
    }

    static Measurement of(Histogram nanos, long errors, double seconds) {
      return new Measurement(
          nanos.getTotalCount() / seconds,
          nanos.getTotalCount(),
          errors,
          millis(nanos, 50),
          millis(nanos, 99),
          millis(nanos, 99.9));
    }

    private static double millis(Histogram nanos, double percentile) {
      return nanos.getTotalCount() == 0 ? Double.NaN : nanos.getValueAtPercentile(percentile) / 1e6;
    }

    private static double medianOf(List<Measurement> runs, ToDoubleFunction<Measurement> metric) {
      double[] values = runs.stream().mapToDouble(metric).sorted().toArray();
      int middle = values.length / 2;
      return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
  }

  /** A source of requests per connection: {@code index} seeds the connection's randomness. */
  interface Sources {
    Scenario.Source forConnection(int index);
  }

  static Histogram histogram() {
    return new Histogram(HIGHEST_NANOS, 3);
  }

  /**
   * Closed-loop windows of {@code window} until two in a row agree within 5% (the JIT has compiled
   * the hot paths, caches and pools are full), or {@code max} has passed.
   *
   * @return the throughput of the last window
   */
  double warmUp(Sources sources, Duration window, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    double last = -1;
    while (true) {
      double now = run(sources, window, null).throughput();
      if ((last > 0 && Math.abs(now - last) <= 0.05 * last) || System.nanoTime() >= deadline) {
        return now;
      }
      last = now;
    }
  }

  /** Runs for {@code duration}; {@code rate} in requests per second, or null for a closed loop. */
  Measurement run(Sources sources, Duration duration, @Nullable Double rate)
      throws InterruptedException {
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    AtomicLong errors = new AtomicLong();
    List<Worker> workers = new ArrayList<>();
    long interval = rate == null ? 0 : Math.max(1, (long) (1e9 * connections / rate));
    for (int i = 0; i < connections; i++) {
      // Connections start spread over one interval so that an open loop sends evenly.
      long firstDue = start + (interval * i) / connections;
      Worker worker = new Worker(i, sources.forConnection(i), firstDue, interval, end, errors);
      workers.add(worker);
      worker.start();
    }
    Histogram all = histogram();
    for (Worker worker : workers) {
      worker.join();
      all.add(worker.latencies);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return Measurement.of(all, errors.get(), seconds);
  }

  private final class Worker extends Thread {
    private final Scenario.Source source;
    private final long interval;
    private final long end;
    private final AtomicLong errors;
    private long due;
    final Histogram latencies = histogram();

    Worker(
        int index,
        Scenario.Source source,
        long firstDue,
        long interval,
        long end,
        AtomicLong errors) {
      super("load-" + index);
      setDaemon(true);
      this.source = source;
      this.due = firstDue;
      this.interval = interval;
      this.end = end;
      this.errors = errors;
    }

    @Override
    public void run() {
      @Nullable HttpConnection connection = null;
      try {
        while (true) {
          long now = System.nanoTime();
          if (interval > 0) {
            if (due >= end) {
              break;
            }
            if (due > now) {
              LockSupport.parkNanos(due - now);
            }
          } else if (now >= end) {
            break;
          }
          byte[] request = source.next();
          long sent = interval > 0 ? due : System.nanoTime();
          try {
            if (connection == null || !connection.isOpen()) {
              connection = new HttpConnection(host, port);
            }
            HttpConnection.Response response = connection.send(request);
            if (response.status() >= 400) {
              errors.incrementAndGet();
            }
          } catch (IOException e) {
            errors.incrementAndGet();
            if (connection != null) {
              connection.close();
            }
            connection = null;
          }
          latencies.recordValue(Math.min(HIGHEST_NANOS, System.nanoTime() - sent));
          due += interval;
        }
      } finally {
        if (connection != null) {
          connection.close();
        }
      }
    }
  }
}

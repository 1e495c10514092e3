package dev.dialtone.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Loads one target over a fixed number of keep-alive connections, one thread each.
 *
 * <p>Closed loop (no rate): each connection sends its next request as soon as the last is
 * answered, which finds the peak throughput. Open loop (a rate): each connection sends on a fixed
 * schedule and a request's latency counts from when it was due, not from when it was sent, so a
 * server that stalls is charged for the requests that queued behind the stall (what wrk2 does; a
 * closed loop hides it).
 */
final class LoadGenerator {
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

    private static double medianOf(
        List<Measurement> runs, java.util.function.ToDoubleFunction<Measurement> metric) {
      double[] values = runs.stream().mapToDouble(metric).sorted().toArray();
      int middle = values.length / 2;
      return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
  }

  /** A source of requests per connection: {@code index} seeds the connection's randomness. */
  interface Sources {
    Scenario.Source forConnection(int index);
  }

  /** Runs for {@code duration}; {@code rate} in requests per second, or null for a closed loop. */
  Measurement run(Sources sources, Duration duration, @Nullable Double rate)
      throws InterruptedException {
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    AtomicLong errors = new AtomicLong();
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      long interval = rate == null ? 0 : (long) (1e9 * connections / rate);
      // Connections start spread over one interval so that an open loop sends evenly.
      long firstDue = start + (interval * i) / connections;
      Worker worker = new Worker(sources.forConnection(i), firstDue, interval, end, errors);
      workers.add(worker);
      worker.start();
    }
    for (Worker worker : workers) {
      worker.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int count = workers.stream().mapToInt(w -> w.count).sum();
    long[] all = new long[count];
    int at = 0;
    for (Worker worker : workers) {
      System.arraycopy(worker.latencies, 0, all, at, worker.count);
      at += worker.count;
    }
    Arrays.sort(all);
    return new Measurement(
        count / seconds,
        count,
        errors.get(),
        percentile(all, 50),
        percentile(all, 99),
        percentile(all, 99.9));
  }

  private static double percentile(long[] sortedNanos, double percent) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percent / 100 * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
  }

  private final class Worker extends Thread {
    private final Scenario.Source source;
    private final long interval;
    private final long end;
    private final AtomicLong errors;
    private long due;
    long[] latencies = new long[1 << 14];
    int count;

    Worker(Scenario.Source source, long firstDue, long interval, long end, AtomicLong errors) {
      super("load-" + firstDue);
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
          record(System.nanoTime() - sent);
          due += interval;
        }
      } finally {
        if (connection != null) {
          connection.close();
        }
      }
    }

    private void record(long nanos) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = nanos;
    }
  }
}

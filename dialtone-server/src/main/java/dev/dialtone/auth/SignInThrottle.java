package dev.dialtone.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Slows down password and token guessing: a key (an IP address and the account and user it aims at)
 * that presents wrong credentials {@code maxFailures} times within one window is refused until the
 * window ends. The count is kept per node, so behind a load balancer of N nodes a key gets at most
 * N times the allowance.
 *
 * <p>An attempt is counted before its credentials are checked ({@link #reserve}) and given back
 * when they prove right ({@link #release}), so that parallel guesses cannot all slip through
 * between the check and the count.
 */
public final class SignInThrottle {
  /** Past this many tracked sources, expired ones are swept on the next failure. */
  private static final int SWEEP_ABOVE = 10_000;

  private final Clock clock;
  private final int maxFailures;
  private final Duration window;
  private final Map<String, Window> failures = new ConcurrentHashMap<>();
  private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

  private record Window(Instant start, int count) {}

  /** {@code maxFailures} 0 turns throttling off. */
  public SignInThrottle(Clock clock, int maxFailures, Duration window) {
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.window = window;
  }

  /** How long the source must wait before it may try again, if it is throttled now. */
  public Optional<Duration> blockedFor(String source) {
    if (maxFailures == 0) {
      return Optional.empty();
    }
    Window current = failures.get(source);
    Instant now = clock.instant();
    if (current == null || current.count() < maxFailures || isOver(current, now)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, current.start().plus(window)));
  }

  /**
   * Counts one attempt of the key, atomically with the check: empty when the attempt may go ahead,
   * or how long the key must wait when it has used up its allowance.
   */
  public Optional<Duration> reserve(String key) {
    if (maxFailures == 0) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    boolean[] refused = {false};
    Window after =
        failures.compute(
            key,
            (k, current) -> {
              if (current == null || isOver(current, now)) {
                return new Window(now, 1);
              }
              if (current.count() >= maxFailures) {
                refused[0] = true;
                return current;
              }
              return new Window(current.start(), current.count() + 1);
            });
    sweep(now);
    return refused[0]
        ? Optional.of(Duration.between(now, after.start().plus(window)))
        : Optional.empty();
  }

  /**
   * Gives back an attempt {@link #reserve} counted: its credentials were right, or never checked.
   */
  public void release(String key) {
    if (maxFailures == 0) {
      return;
    }
    failures.computeIfPresent(
        key,
        (k, current) ->
            current.count() <= 1 ? null : new Window(current.start(), current.count() - 1));
  }

  /** Counts one failed sign-in of the source. */
  public void failed(String source) {
    if (maxFailures == 0) {
      return;
    }
    Instant now = clock.instant();
    failures.compute(
        source,
        (key, current) ->
            current == null || isOver(current, now)
                ? new Window(now, 1)
                : new Window(current.start(), current.count() + 1));
    sweep(now);
  }

  /**
   * Drops ended windows once there are many, at most once a second: a scan of the whole map on
   * every attempt would let a flood of distinct keys cost each request that much more.
   */
  private void sweep(Instant now) {
    Instant due = nextSweep.get();
    if (failures.size() > SWEEP_ABOVE
        && !now.isBefore(due)
        && nextSweep.compareAndSet(due, now.plusSeconds(1))) {
      failures.values().removeIf(w -> isOver(w, now));
    }
  }

  private boolean isOver(Window current, Instant now) {
    return !now.isBefore(current.start().plus(window));
  }
}

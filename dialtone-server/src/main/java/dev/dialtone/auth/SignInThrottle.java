package dev.dialtone.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password and token guessing: a source (an IP address) that presents wrong credentials
 * {@code maxFailures} times within one window is refused until the window ends. The count is kept
 * per node, so behind a load balancer of N nodes a source gets at most N times the allowance.
 */
public final class SignInThrottle {
  /** Past this many tracked sources, expired ones are swept on the next failure. */
  private static final int SWEEP_ABOVE = 10_000;

  private final Clock clock;
  private final int maxFailures;
  private final Duration window;
  private final Map<String, Window> failures = new ConcurrentHashMap<>();

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
    if (failures.size() > SWEEP_ABOVE) {
      failures.values().removeIf(w -> isOver(w, now));
    }
  }

  private boolean isOver(Window current, Instant now) {
    return !now.isBefore(current.start().plus(window));
  }
}

package dev.dialtone.ratelimit;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The two budgets an account spends (docs/api.md), each counted in fixed windows aligned to the
 * epoch, so every node agrees on where a window starts.
 */
public enum Bucket {
  SUPPORT("support", Duration.ofMinutes(1), "Number of allowed API requests per minute exceeded"),
  TALK("talk", Duration.ofMinutes(5), "Number of allowed Talk API requests per 5 minutes exceeded");

  private final String key;
  private final Duration window;
  private final String exceeded;

  Bucket(String key, Duration window, String exceeded) {
    this.key = key;
    this.window = window;
    this.exceeded = exceeded;
  }

  /**
   * The bucket a route's requests spend: Talk for {@code /api/v2/calls…} and {@code
   * /api/v2/channels/voice/…}, support for every other {@code /api/v2} route; null for routes
   * outside {@code /api/v2}, which are not limited.
   */
  public static @Nullable Bucket forRoute(String path) {
    if (!path.startsWith("/api/v2/")) {
      return null;
    }
    boolean talk =
        path.equals("/api/v2/calls")
            || path.startsWith("/api/v2/calls/")
            || path.startsWith("/api/v2/calls.")
            || path.startsWith("/api/v2/channels/voice/");
    return talk ? TALK : SUPPORT;
  }

  /** How the bucket is named in the shared counter table. */
  String key() {
    return key;
  }

  public Duration window() {
    return window;
  }

  /** The description of the 429 when the bucket is spent. */
  public String exceededDescription() {
    return exceeded;
  }

  /** Where the window holding this instant starts, in epoch milliseconds. */
  long windowStart(Instant now) {
    long millis = window.toMillis();
    return Math.floorDiv(now.toEpochMilli(), millis) * millis;
  }

  long windowEnd(long windowStart) {
    return windowStart + window.toMillis();
  }
}

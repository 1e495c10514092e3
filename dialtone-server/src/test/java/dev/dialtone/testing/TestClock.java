package dev.dialtone.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock, which a test can move forward by hand: time passes, and jumps when told. */
public final class TestClock extends Clock {
  private volatile Duration offset = Duration.ZERO;

  /** Moves this clock, and every server that tells time by it, forward. */
  public synchronized void advance(Duration duration) {
    offset = offset.plus(duration);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}

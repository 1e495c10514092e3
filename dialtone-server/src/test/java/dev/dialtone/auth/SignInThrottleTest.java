package dev.dialtone.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final ManualClock clock = new ManualClock();
  final SignInThrottle throttle = new SignInThrottle(clock, 3, Duration.ofMinutes(1));

  @Test
  void aSourceIsBlockedAfterTooManyFailures_untilTheWindowEnds() {
    throttle.failed("10.0.0.1");
    throttle.failed("10.0.0.1");
    assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();

    throttle.failed("10.0.0.1");
    clock.now = clock.now.plusSeconds(20);
    assertThat(throttle.blockedFor("10.0.0.1")).contains(Duration.ofSeconds(40));

    clock.now = clock.now.plusSeconds(40);
    assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();
  }

  @Test
  void otherSources_areNotBlocked() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("10.0.0.1");
    }
    assertThat(throttle.blockedFor("10.0.0.2")).isEmpty();
  }

  @Test
  void zeroFailuresAllowed_meansNoThrottle() {
    SignInThrottle off = new SignInThrottle(clock, 0, Duration.ofMinutes(1));
    for (int i = 0; i < 100; i++) {
      off.failed("10.0.0.1");
    }
    assertThat(off.blockedFor("10.0.0.1")).isEmpty();
  }
}

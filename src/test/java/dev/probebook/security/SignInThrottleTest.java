package dev.probebook.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void anAddressIsHeldBackAfterTwentyFailuresInAMinuteAndOthersAreNot() {
        SignInThrottle t = new SignInThrottle(clock);
        for (int i = 1; i <= SignInThrottle.LIMIT; i++) {
            assertThat(t.blocked("10.0.0.9")).as("before failure " + i).isFalse();
            assertThat(t.failed("10.0.0.9")).as("failure " + i + " is audited").isTrue();
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(t.blocked("10.0.0.9")).isTrue();
        assertThat(t.failed("10.0.0.9"))
                .as("over the limit: counted, not audited")
                .isFalse();
        assertThat(t.blocked("10.0.0.10")).isFalse();
        clock.advance(Duration.ofSeconds(61));
        assertThat(t.blocked("10.0.0.9")).isFalse();
    }
}

package dev.probebook.notebook.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = new Clock() {
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
    };

    @Test
    void anAddressIsHeldBackAfterTwentyFailuresInAMinuteAndOthersAreNot() {
        SignInThrottle t = new SignInThrottle(clock);
        for (int i = 1; i <= SignInThrottle.LIMIT; i++) {
            assertThat(t.blocked("10.0.0.9")).as("before failure " + i).isFalse();
            assertThat(t.failed("10.0.0.9")).as("failure " + i + " is audited").isTrue();
            now = now.plusMillis(100);
        }
        assertThat(t.blocked("10.0.0.9")).isTrue();
        assertThat(t.failed("10.0.0.9")).as("over the limit: counted, not audited").isFalse();
        assertThat(t.blocked("10.0.0.10")).isFalse();
        now = now.plusSeconds(61);
        assertThat(t.blocked("10.0.0.9")).isFalse();
    }
}

package dev.probebook.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final SignInThrottle t = new SignInThrottle(clock);

    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            t.failed(account, address);
            clock.advance(Duration.ofMillis(10));
        }
    }

    @Test
    void aFloodAgainstOneNameHoldsBackThatNameOnlyEvenFromTheSameAddress() {
        for (int i = 1; i <= SignInThrottle.PAIR_LIMIT; i++) {
            assertThat(t.blocked("ada", "127.0.0.1")).as("before failure " + i).isFalse();
            SignInThrottle.Failure f = t.failed("ada", "127.0.0.1");
            assertThat(f)
                    .as("failure " + i)
                    .isEqualTo(
                            i < SignInThrottle.PAIR_LIMIT
                                    ? SignInThrottle.Failure.AUDIT
                                    : SignInThrottle.Failure.FLOOD);
        }
        assertThat(t.blocked("ada", "127.0.0.1")).isTrue();
        assertThat(t.failed("ada", "127.0.0.1"))
                .as("over the limit: counted, not audited")
                .isEqualTo(SignInThrottle.Failure.QUIET);
        assertThat(t.blocked("otto", "127.0.0.1"))
                .as("another user behind the same address")
                .isFalse();
        assertThat(t.blocked("ada", "10.0.0.7"))
                .as("the same user from elsewhere")
                .isFalse();
        clock.advance(Duration.ofSeconds(61));
        assertThat(t.blocked("ada", "127.0.0.1")).isFalse();
    }

    @Test
    void sprayingFromOneAddressHoldsItBackButNotForAccountsThatSignedInFromIt() {
        t.succeeded("otto", "10.0.0.9");
        for (int i = 0; i < SignInThrottle.ADDRESS_LIMIT; i++) {
            t.failed("user" + i, "10.0.0.9");
        }
        assertThat(t.blocked("newcomer", "10.0.0.9")).isTrue();
        assertThat(t.blocked("otto", "10.0.0.9")).as("known here").isFalse();
        assertThat(t.blocked("newcomer", "10.0.0.10")).isFalse();
    }

    @Test
    void aDistributedGuessHoldsBackTheAccountButNotFromAddressesItUses() {
        t.succeeded("ada", "192.168.1.20");
        for (int i = 0; i < SignInThrottle.ACCOUNT_LIMIT; i++) {
            t.failed("ada", "10.1.0." + i);
        }
        assertThat(t.blocked("ada", "10.9.9.9")).isTrue();
        assertThat(t.blocked("ada", "192.168.1.20")).as("ada's own machine").isFalse();
        assertThat(t.blocked("otto", "10.9.9.9")).isFalse();
    }

    @Test
    void memoryStaysBoundedWithoutForgettingAnActiveFlood() {
        fail("ada", "127.0.0.1", SignInThrottle.PAIR_LIMIT);
        for (int i = 0; i < SignInThrottle.MAX_ENTRIES + 500; i++) {
            t.failed("u" + i, "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
            if (i % 1000 == 0) {
                assertThat(t.blocked("ada", "127.0.0.1"))
                        .as("still held back after %d others", i)
                        .isTrue();
            }
        }
        assertThat(t.blocked("ada", "127.0.0.1")).isTrue();
    }
}

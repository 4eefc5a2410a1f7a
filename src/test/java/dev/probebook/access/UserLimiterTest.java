package dev.probebook.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.settings.Settings;
import dev.probebook.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserLimiterTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void concurrentRunsArePerUserAndFreedWhenThePermitCloses() throws Exception {
        UserLimiter limiter = new UserLimiter(new Settings.Limits(2, 100, 10), clock);
        UserLimiter.Permit a = limiter.acquire("ann", List.of());
        limiter.acquire("ann", List.of());
        assertThatThrownBy(() -> limiter.acquire("ann", List.of()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("already has 2 probes running")
                .hasMessageContaining("per-user-concurrent=2");
        limiter.acquire("bob", List.of()).close();
        a.close();
        a.close(); // idempotent: the slot is given back once
        assertThat(limiter.running("ann")).isEqualTo(1);
        limiter.acquire("ann", List.of());
    }

    @Test
    void theRateIsASlidingMinute() throws Exception {
        UserLimiter limiter = new UserLimiter(new Settings.Limits(10, 3, 10), clock);
        for (int i = 0; i < 3; i++) {
            limiter.acquire("ann", List.of()).close();
            clock.advance(Duration.ofSeconds(10));
        }
        assertThatThrownBy(() -> limiter.acquire("ann", List.of()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("3 runs in the last minute")
                .hasMessageContaining("try again in 30 s");
        limiter.acquire("bob", List.of()).close();
        clock.advance(Duration.ofSeconds(31));
        limiter.acquire("ann", List.of()).close();
    }

    @Test
    void oneCapturePerInterface() throws Exception {
        UserLimiter limiter = new UserLimiter(new Settings.Limits(10, 100, 10), clock);
        UserLimiter.Permit lo = limiter.acquire("ann", List.of("a capture on lo"));
        limiter.acquire("bob", List.of("a capture on eth0")).close();
        assertThatThrownBy(() -> limiter.acquire("bob", List.of("a capture on lo")))
                .hasMessageContaining("capture on lo is already running");
        assertThat(limiter.running("bob")).isZero(); // a refused capture takes no slot
        lo.close();
        limiter.acquire("bob", List.of("a capture on lo")).close();
    }
}

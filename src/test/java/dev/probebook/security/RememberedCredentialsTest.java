package dev.probebook.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.testing.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class RememberedCredentialsTest {

    private final AtomicInteger checks = new AtomicInteger();

    /** Checks passwords the slow way (here: counts), accepting only ada / right. */
    private final AuthenticationProvider slow = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            checks.incrementAndGet();
            if (a.getName().equals("ada") && "right".equals(a.getCredentials())) {
                return UsernamePasswordAuthenticationToken.authenticated("ada", null, List.of());
            }
            throw new BadCredentialsException("bad credentials");
        }

        @Override
        public boolean supports(Class<?> c) {
            return true;
        }
    };

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));

    private static Authentication basic(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void aSuccessIsRememberedForAFewMinutesAndThenCheckedAgain() {
        RememberedCredentials r = new RememberedCredentials(slow, clock);
        assertThat(r.authenticate(basic("ada", "right")).isAuthenticated()).isTrue();
        assertThat(r.authenticate(basic("ada", "right")).isAuthenticated()).isTrue();
        assertThat(checks).hasValue(1);
        clock.advance(RememberedCredentials.TTL);
        r.authenticate(basic("ada", "right"));
        assertThat(checks).hasValue(2);
    }

    @Test
    void failuresAndOtherPasswordsAreAlwaysCheckedTheSlowWay() {
        RememberedCredentials r = new RememberedCredentials(slow, clock);
        r.authenticate(basic("ada", "right"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> r.authenticate(basic("ada", "wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> r.authenticate(basic("bob", "right"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(5);
    }
}

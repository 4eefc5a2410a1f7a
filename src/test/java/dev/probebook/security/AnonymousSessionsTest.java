package dev.probebook.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpSessionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

class AnonymousSessionsTest {

    private final AnonymousSessions sessions = new AnonymousSessions();

    private MockHttpSession create() {
        MockHttpSession s = new MockHttpSession();
        sessions.sessionCreated(new HttpSessionEvent(s));
        return s;
    }

    @Test
    void aSessionNobodySignedIntoIsShortLivedAndTheOldestGoWhenThereAreTooMany() {
        List<MockHttpSession> all = new ArrayList<>();
        for (int i = 0; i < AnonymousSessions.MAX + 50; i++) {
            all.add(create());
        }
        assertThat(all.get(0).getMaxInactiveInterval()).isEqualTo((int) AnonymousSessions.IDLE.toSeconds());
        assertThat(sessions.count()).isEqualTo(AnonymousSessions.MAX);
        assertThat(all.subList(0, 50)).allMatch(MockHttpSession::isInvalid);
        assertThat(all.subList(50, all.size())).noneMatch(MockHttpSession::isInvalid);
    }

    @Test
    void signingInGivesTheSessionItsFullLifeAndTakesItOutOfTheCount() {
        MockHttpSession s = create();
        sessions.signedIn(s, Duration.ofMinutes(30));
        assertThat(s.getMaxInactiveInterval()).isEqualTo(1800);
        assertThat(sessions.count()).isZero();
        for (int i = 0; i < AnonymousSessions.MAX + 1; i++) {
            create();
        }
        assertThat(s.isInvalid())
                .as("a signed-in session is never ended for room")
                .isFalse();
    }
}

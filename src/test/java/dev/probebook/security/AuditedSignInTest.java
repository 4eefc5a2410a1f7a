package dev.probebook.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.audit.AuditAction;
import dev.probebook.audit.AuditFile;
import dev.probebook.audit.AuditQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.session.SessionAuthenticationException;

class AuditedSignInTest {

    @TempDir
    Path dir;

    private final UsernamePasswordAuthenticationToken ada = UsernamePasswordAuthenticationToken.authenticated(
            "ada", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));

    @Test
    void aSignInIsRecordedBeforeItHappens() throws Exception {
        AuditFile log = new AuditFile(dir.resolve("audit.jsonl"));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.0.0.7");
        new AuditedSignIn(log, Clock.systemUTC()).onAuthentication(ada, request, new MockHttpServletResponse());
        assertThat(log.query(AuditQuery.all().action(AuditAction.SIGN_IN)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.user()).isEqualTo("ada");
                    assertThat(e.target()).isEqualTo("10.0.0.7");
                });
    }

    @Test
    void noRecordNoSignIn() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditFile log = new AuditFile(file);
        Files.createDirectory(file); // every append fails
        assertThatThrownBy(() -> new AuditedSignIn(log, Clock.systemUTC())
                        .onAuthentication(ada, new MockHttpServletRequest(), new MockHttpServletResponse()))
                .isInstanceOf(SessionAuthenticationException.class)
                .hasMessageContaining("audit log");
    }
}

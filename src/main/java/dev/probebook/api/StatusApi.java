package dev.probebook.api;

import dev.probebook.access.Action;
import dev.probebook.access.ProbeGate;
import dev.probebook.engine.ProbeRunner;
import dev.probebook.security.AnonymousSessions;
import dev.probebook.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/status}: what the server holds now, for the audit role (admins): probes running, and sessions
 * of visitors who have not signed in (bounded by {@link AnonymousSessions#MAX}).
 */
@RestController
class StatusApi {

    private final ProbeGate gate;
    private final ProbeRunner engine;
    private final AnonymousSessions anonymous;

    StatusApi(ProbeGate gate, ProbeRunner engine, AnonymousSessions anonymous) {
        this.gate = gate;
        this.engine = engine;
        this.anonymous = anonymous;
    }

    @GetMapping(path = "/api/status", produces = "application/json")
    ResponseEntity<Map<String, Object>> status() {
        if (!gate.rules().allows(CurrentUser.orNobody(), Action.AUDIT)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(Map.of(
                            "error",
                            "needs role " + gate.rules().needed(Action.AUDIT).label()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runningProbes", engine.activeRuns());
        body.put("anonymousSessions", anonymous.count());
        body.put("anonymousSessionLimit", AnonymousSessions.MAX);
        return ResponseEntity.ok(body);
    }
}

package dev.probebook.api;

import dev.probebook.access.Action;
import dev.probebook.access.ProbeGate;
import dev.probebook.audit.AuditAction;
import dev.probebook.audit.AuditEvent;
import dev.probebook.audit.AuditException;
import dev.probebook.audit.AuditJson;
import dev.probebook.audit.AuditLog;
import dev.probebook.audit.AuditQuery;
import dev.probebook.security.CurrentUser;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit?user=&action=&q=&limit=}: the audit log, newest first, for the audit role only. */
@RestController
class AuditApi {

    private final AuditLog log;
    private final ProbeGate gate;

    AuditApi(AuditLog log, ProbeGate gate) {
        this.log = log;
        this.gate = gate;
    }

    @GetMapping(path = "/api/audit", produces = "application/json")
    ResponseEntity<?> audit(
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "100") int limit) {
        if (!gate.rules().allows(CurrentUser.orNobody(), Action.AUDIT)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(Map.of(
                            "error",
                            "needs role " + gate.rules().needed(Action.AUDIT).label() + " (probebook.roles.audit)"));
        }
        AuditQuery query = AuditQuery.all().limit(Math.max(1, Math.min(limit, AuditQuery.MAX_LIMIT)));
        if (user != null && !user.isBlank()) {
            query = query.user(user);
        }
        if (action != null && !action.isBlank()) {
            AuditAction a = AuditAction.fromLabel(action);
            if (a == null) {
                return ResponseEntity.badRequest()
                        .body(Map.of(
                                "error",
                                "unknown action '" + action + "' (one of "
                                        + String.join(
                                                ", ",
                                                Arrays.stream(AuditAction.values())
                                                        .map(AuditAction::label)
                                                        .toList())
                                        + ")"));
            }
            query = query.action(a);
        }
        if (q != null && !q.isBlank()) {
            query = query.text(q);
        }
        try {
            List<AuditEvent> events = log.query(query);
            // the same JSON as a line of the log file, so the API and the file read alike
            String body = "{\"events\":["
                    + String.join(",", events.stream().map(AuditJson::line).toList()) + "]}";
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
        } catch (AuditException e) {
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Map.of("error", e.getMessage()));
        }
    }
}

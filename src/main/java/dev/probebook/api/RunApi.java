package dev.probebook.api;

import dev.probebook.access.Actor;
import dev.probebook.access.ProbeGate;
import dev.probebook.json.StepsJson;
import dev.probebook.plan.CommandBinder;
import dev.probebook.security.CurrentUser;
import dev.probebook.settings.Settings;
import dev.probebook.step.RunPlace;
import dev.probebook.step.RunRefusal;
import dev.probebook.step.StepCommand;
import dev.probebook.step.StepCommands;
import dev.probebook.step.StepListener;
import dev.probebook.step.StepOutcome;
import dev.probebook.step.StepRequest;
import dev.probebook.step.StepRun;
import dev.probebook.step.StepRunner;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/run} with {@code {"command": "nc -zv 10.0.0.5 443"}}: runs one command line as the
 * caller (HTTP Basic, configured users) through the same step runner and {@link ProbeGate} as the pages, so roles, target
 * policy, limits and the audit trail apply alike, and answers with the CLI's {@code exec --json} shape
 * plus {@code "run"}, the run's id in the history.
 * 200 when the run ended (whatever its verdict), 400 for a line that cannot run as given, 403 when the
 * caller's role may not run it, 429 (with Retry-After when known) over a per-user limit, 503 while the
 * audit log cannot be written, 401 without credentials.
 */
@RestController
class RunApi {

    /** The request body: one command line. */
    record RunRequest(String command) {}

    private final ProbeGate gate;
    private final StepRunner steps;
    private final CommandBinder binder;
    private final Settings settings;

    RunApi(ProbeGate gate, StepRunner steps, CommandBinder binder, Settings settings) {
        this.gate = gate;
        this.steps = steps;
        this.binder = binder;
        this.settings = settings;
    }

    @PostMapping(path = "/api/run", produces = "application/json")
    ResponseEntity<Map<String, Object>> run(@RequestBody RunRequest request, HttpServletRequest http)
            throws InterruptedException {
        Actor actor = CurrentUser.orNobody();
        if (request == null || request.command() == null || request.command().isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "give a command line: {\"command\": \"nc -zv HOST PORT\"}");
        }
        if (request.command().length() > 4096) {
            return error(HttpStatus.BAD_REQUEST, "the command line is longer than 4096 characters");
        }
        StepCommand command = StepCommands.typed(binder, request.command());
        if (!command.ready()) {
            return error(HttpStatus.BAD_REQUEST, StepRunner.notRun(command).summary());
        }
        StepRequest step =
                new StepRequest(actor.name(), RunPlace.api(http.getRemoteAddr()), List.of(command), Map.of());
        StepRun run = steps.start(step, gate.admission(actor), StepListener.NONE);
        StepOutcome outcome;
        try {
            // the engine owns the deadline and always finishes the run; this bound only guards the thread
            outcome = run.outcome().get(settings.probeTimeout().toMillis() + 10_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            run.cancel();
            return error(HttpStatus.INTERNAL_SERVER_ERROR, "the run did not finish: " + e);
        }
        RunRefusal refusal = outcome.refusal();
        if (refusal != null) {
            return switch (refusal.kind()) {
                case ROLE -> error(HttpStatus.FORBIDDEN, refusal.reason());
                case UNAVAILABLE -> error(HttpStatus.SERVICE_UNAVAILABLE, refusal.reason());
                case LIMIT -> {
                    ResponseEntity.BodyBuilder b = ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS);
                    if (refusal.retryAfterSeconds() > 0) {
                        b.header("Retry-After", String.valueOf(refusal.retryAfterSeconds()));
                    }
                    yield b.body(Map.of("error", refusal.reason()));
                }
            };
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run", run.info().id()); // the id in the run history: GET /api/runs/{id}, POST /api/reports
        body.putAll(StepsJson.steps(List.of(outcome)));
        return ResponseEntity.ok(body);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}

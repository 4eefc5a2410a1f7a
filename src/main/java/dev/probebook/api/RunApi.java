package dev.probebook.api;

import dev.probebook.access.Actor;
import dev.probebook.access.ProbeGate;
import dev.probebook.access.RunPlace;
import dev.probebook.cli.Json;
import dev.probebook.command.ShellLine;
import dev.probebook.command.UsageException;
import dev.probebook.engine.RunListener;
import dev.probebook.engine.RunResult;
import dev.probebook.plan.CommandBinder;
import dev.probebook.plan.StepResult;
import dev.probebook.plan.StepRunner;
import dev.probebook.security.CurrentUser;
import dev.probebook.settings.Settings;
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
 * caller (HTTP Basic, configured users) through the same {@link ProbeGate} as the pages, so roles, target
 * policy, limits and the audit trail apply alike, and answers with the CLI's {@code exec --json} shape.
 * 200 when the run ended (whatever its verdict), 400 for a line that cannot run as given, 403 when the
 * caller's role may not run it, 429 (with Retry-After when known) over a per-user limit, 503 while the
 * audit log cannot be written, 401 without credentials.
 */
@RestController
class RunApi {

    /** The request body: one command line. */
    record RunRequest(String command) {}

    private final ProbeGate gate;
    private final CommandBinder binder;
    private final Settings settings;

    RunApi(ProbeGate gate, CommandBinder binder, Settings settings) {
        this.gate = gate;
        this.binder = binder;
        this.settings = settings;
    }

    @PostMapping(path = "/api/run", produces = "application/json")
    ResponseEntity<Map<String, Object>> run(
            @RequestBody RunRequest request, jakarta.servlet.http.HttpServletRequest http) throws InterruptedException {
        Actor actor = CurrentUser.orNobody();
        if (request == null || request.command() == null || request.command().isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "give a command line: {\"command\": \"nc -zv HOST PORT\"}");
        }
        if (request.command().length() > 4096) {
            return error(HttpStatus.BAD_REQUEST, "the command line is longer than 4096 characters");
        }
        CommandBinder.Bound bound;
        try {
            bound = binder.prepareTyped(request.command(), ShellLine.parse(request.command()));
        } catch (UsageException e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (!(bound instanceof CommandBinder.Ready ready)) {
            RunResult notRun = StepRunner.notRunResult(bound, "none");
            return error(HttpStatus.BAD_REQUEST, notRun.summary());
        }
        ProbeGate.Admission admission =
                gate.admit(actor, RunPlace.api(http.getRemoteAddr()), ready.invocation(), RunListener.NONE);
        if (admission instanceof ProbeGate.Refused refused) {
            return switch (refused.why().kind()) {
                case ROLE -> error(HttpStatus.FORBIDDEN, refused.reason());
                case AUDIT -> error(HttpStatus.SERVICE_UNAVAILABLE, refused.reason());
                case LIMIT -> {
                    ResponseEntity.BodyBuilder b = ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS);
                    if (refused.why().retryAfterSeconds() > 0) {
                        b.header("Retry-After", String.valueOf(refused.why().retryAfterSeconds()));
                    }
                    yield b.body(Map.of("error", refused.reason()));
                }
            };
        }
        var handle = admission.handle();
        RunResult result;
        try {
            // the engine owns the deadline and always finishes the handle; this bound only guards the thread
            result = handle.future().get(settings.probeTimeout().toMillis() + 10_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            handle.cancel();
            return error(HttpStatus.INTERNAL_SERVER_ERROR, "the run did not finish: " + e);
        }
        StepResult step = new StepResult(
                0,
                null,
                result.command(),
                result.probe(),
                result.verdict(),
                result.summary(),
                result.output(),
                result.elapsedMs(),
                List.of(result));
        return ResponseEntity.ok(Json.steps(List.of(step)));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}

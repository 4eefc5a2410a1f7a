package dev.probebook.api;

import dev.probebook.access.AccessDeniedException;
import dev.probebook.access.Actor;
import dev.probebook.access.Role;
import dev.probebook.history.Report;
import dev.probebook.history.RunQuery;
import dev.probebook.history.RunRecord;
import dev.probebook.history.RunStore;
import dev.probebook.history.StoreException;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.report.ReportHtml;
import dev.probebook.report.ReportJson;
import dev.probebook.report.ReportMarkdown;
import dev.probebook.report.Reports;
import dev.probebook.report.Visibility;
import dev.probebook.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The run history and reports over HTTP, for every signed-in user (a viewer reads past results); a run's output and
 * details only where the caller's role could have run it:
 *
 * <ul>
 *   <li>{@code GET /api/runs?runbook=&user=&verdict=&target=&since=&limit=}: runs, newest first, without output;
 *   <li>{@code GET /api/runs/{id}}: one run, whole;
 *   <li>{@code GET /api/reports/{id}}: a report as JSON;
 *   <li>{@code POST /api/reports} with {@code {"session": ID}} (a Run all) or {@code {"runs": [ID, ...]}}, and an
 *       optional {@code "title"}: makes a report (an operator's right), 201 with the report and its location;
 *   <li>{@code DELETE /api/reports/{id}}: deletes one (an admin's right, {@code probebook.roles.manage});
 *   <li>{@code GET /reports/{id}.md}, {@code .html}, {@code .json}: a report's exports, as downloads (the pages'
 *       sign-in; scripts with HTTP Basic use {@code /api/reports/{id}.md} and {@code .html}).
 * </ul>
 *
 * 503 while the history cannot be read or written, 404 for a run or report that does not exist, 403 for a role
 * that may not.
 */
@RestController
class HistoryApi {

    /** The body of {@code POST /api/reports}: a Run-all session or chosen runs, and an optional title. */
    record ReportRequest(String session, List<String> runs, String title) {}

    private final RunStore store;
    private final Reports reports;
    private final ProbeRegistry registry;

    HistoryApi(RunStore store, Reports reports, ProbeRegistry registry) {
        this.store = store;
        this.reports = reports;
        this.registry = registry;
    }

    @GetMapping(path = "/api/runs", produces = "application/json")
    ResponseEntity<?> runs(
            @RequestParam(required = false) String runbook,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) String since,
            @RequestParam(defaultValue = "100") int limit) {
        Optional<Actor> reader = reader();
        if (reader.isEmpty()) {
            return error(HttpStatus.FORBIDDEN, "sign in to read the run history");
        }
        RunQuery q = RunQuery.latest(limit)
                .runbook(blank(runbook))
                .user(blank(user))
                .verdict(blank(verdict))
                .target(blank(target));
        if (blank(since) != null) {
            try {
                q = q.since(Instant.parse(since));
            } catch (DateTimeParseException e) {
                return error(HttpStatus.BAD_REQUEST, "since: an ISO-8601 instant, e.g. 2026-12-01T00:00:00Z");
            }
        }
        try {
            Visibility visibility = reports.visibility(reader.get());
            List<Object> runs = new ArrayList<>();
            for (RunRecord r : store.runs(q)) {
                runs.add(ReportJson.run(r, visibility));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("runs", runs);
            return ResponseEntity.ok(body);
        } catch (StoreException e) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    @GetMapping(path = "/api/runs/{id}", produces = "application/json")
    ResponseEntity<?> run(@PathVariable String id) {
        Optional<Actor> reader = reader();
        if (reader.isEmpty()) {
            return error(HttpStatus.FORBIDDEN, "sign in to read the run history");
        }
        try {
            return store.run(id)
                    .<ResponseEntity<?>>map(r -> ResponseEntity.ok(ReportJson.run(r, reports.visibility(reader.get()))))
                    .orElseGet(() -> error(HttpStatus.NOT_FOUND, "no run " + id));
        } catch (StoreException e) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    @GetMapping(path = "/api/reports/{id}", produces = "application/json")
    ResponseEntity<?> report(@PathVariable String id) {
        return export(id, "json");
    }

    @PostMapping(path = "/api/reports", produces = "application/json")
    ResponseEntity<?> makeReport(@RequestBody(required = false) ReportRequest request) {
        Actor actor = CurrentUser.orNobody();
        boolean bySession = request != null && blank(request.session()) != null;
        boolean byRuns =
                request != null && request.runs() != null && !request.runs().isEmpty();
        if (bySession == byRuns) {
            return error(
                    HttpStatus.BAD_REQUEST,
                    "give either a Run-all session or the runs: {\"session\": \"ID\"} or {\"runs\": [\"ID\", ...]}");
        }
        if (byRuns && request.runs().size() > RunQuery.MAX_LIMIT) {
            return error(HttpStatus.BAD_REQUEST, "a report holds at most " + RunQuery.MAX_LIMIT + " runs");
        }
        String title = request.title() == null ? null : request.title().strip();
        if (title != null && title.length() > 200) {
            return error(HttpStatus.BAD_REQUEST, "the title is longer than 200 characters");
        }
        try {
            Report report = bySession
                    ? reports.ofSession(actor, request.session().strip(), title)
                    : reports.ofRuns(actor, request.runs(), title);
            return ResponseEntity.created(URI.create("/reports/" + report.id()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(ReportJson.write(ReportJson.of(report, reports.visibility(actor))));
        } catch (AccessDeniedException e) {
            return error(HttpStatus.FORBIDDEN, e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (StoreException e) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    @DeleteMapping(path = "/api/reports/{id}", produces = "application/json")
    ResponseEntity<?> deleteReport(@PathVariable String id) {
        try {
            return reports.delete(CurrentUser.orNobody(), id)
                    ? ResponseEntity.noContent().build()
                    : error(HttpStatus.NOT_FOUND, "no report " + id);
        } catch (AccessDeniedException e) {
            return error(HttpStatus.FORBIDDEN, e.getMessage());
        } catch (StoreException e) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    @GetMapping(
            path = {
                "/reports/{id}.md",
                "/reports/{id}.html",
                "/reports/{id}.json",
                "/api/reports/{id}.md",
                "/api/reports/{id}.html"
            })
    ResponseEntity<?> download(@PathVariable String id, HttpServletRequest request) {
        String path = request.getRequestURI();
        String kind = path.substring(path.lastIndexOf('.') + 1);
        ResponseEntity<?> r = export(id, kind);
        if (r.getStatusCode().is2xxSuccessful()) {
            return ResponseEntity.ok()
                    .headers(r.getHeaders())
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"report-" + id + "." + kind + "\"")
                    .body(r.getBody());
        }
        return r;
    }

    private ResponseEntity<?> export(String id, String kind) {
        Optional<Actor> reader = reader();
        if (reader.isEmpty()) {
            return error(HttpStatus.FORBIDDEN, "sign in to read reports");
        }
        Report report;
        try {
            Optional<Report> found = reports.find(id);
            if (found.isEmpty()) {
                return error(HttpStatus.NOT_FOUND, "no report " + id);
            }
            report = found.get();
        } catch (StoreException e) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
        Visibility visibility = reports.visibility(reader.get());
        return switch (kind) {
            case "md" ->
                ResponseEntity.ok()
                        .contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                        .body(ReportMarkdown.of(report, registry, visibility));
            case "html" ->
                ResponseEntity.ok()
                        .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                        .header("Content-Security-Policy", ReportHtml.POLICY)
                        .body(ReportHtml.of(report, registry, visibility));
            default ->
                ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(ReportJson.write(ReportJson.of(report, visibility)));
        };
    }

    /** The signed-in caller; anyone signed in reads the history (viewers included). */
    private static Optional<Actor> reader() {
        return CurrentUser.get().filter(a -> a.has(Role.VIEWER));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}

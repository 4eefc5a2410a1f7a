package dev.probebook.history;

import dev.probebook.engine.ProbeRunner;
import dev.probebook.step.RunPlace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run history in a SQL database through plain JDBC: the embedded H2 file by default, PostgreSQL for a team. The
 * schema is Flyway's ({@code db/migration}), the same on both; the SQL here is what both understand.
 *
 * <p>Lists ({@link #runs}, {@link #recentByStep}) are brief: they leave out the output and the details JSON
 * ({@code null}), which can be a megabyte a run; {@link #run} loads one whole.
 *
 * <p>Thread-safe: each call takes a connection from the pool and returns it.
 */
public final class JdbcRunStore implements RunStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {};

    private static final String BRIEF_COLUMNS = "id, session_id, started_at, finished_at, user_key, user_name, via,"
            + " runbook, runbook_version, step_line, step_heading, command_written, command_run, probe, variables,"
            + " verdict, summary, output_truncated, details_type, facts, targets, elapsed_ms, permissions, refused";

    /** The whole-run select: the brief columns and the output beside them. */
    private static final String WHOLE =
            "SELECT " + BRIEF_COLUMNS + ", o.output, o.details FROM runs r LEFT JOIN run_outputs o ON o.run_id = r.id";

    /** Runs against real targets: not in the practice lab (see {@link RunPlace#PRACTICE_LAB}). */
    private static final String REAL = "(via IS NULL OR via <> '" + RunPlace.PRACTICE_LAB + "')";

    private final DataSource data;
    private final String description;

    public JdbcRunStore(DataSource data, String description) {
        this.data = data;
        this.description = description;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void record(RunRecord r) throws StoreException {
        String sql = "INSERT INTO runs (id, session_id, started_at, finished_at, user_key, user_name, via, runbook,"
                + " runbook_version, step_line, step_heading, command_written, command_run, probe, variables, verdict,"
                + " summary, output_truncated, details_type, facts, targets, elapsed_ms, permissions, refused)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false); // the run and its output together, or neither
            try (PreparedStatement s = c.prepareStatement(sql);
                    PreparedStatement o =
                            c.prepareStatement("INSERT INTO run_outputs (run_id, output, details) VALUES (?, ?, ?)")) {
                int i = 1;
                s.setString(i++, r.id());
                s.setString(i++, r.session());
                s.setObject(i++, time(r.startedAt()));
                s.setObject(i++, time(r.finishedAt()));
                s.setString(i++, r.user());
                s.setString(i++, r.userName());
                s.setString(i++, r.via());
                s.setString(i++, r.runbook());
                s.setString(i++, r.version());
                s.setObject(i++, r.stepLine());
                s.setString(i++, cut(r.stepHeading(), 1024));
                s.setString(i++, r.commandWritten());
                s.setString(i++, r.commandRun());
                s.setString(i++, r.probe());
                s.setString(i++, JSON.writeValueAsString(r.variables()));
                s.setString(i++, r.verdict());
                s.setString(i++, r.summary());
                s.setBoolean(i++, r.truncated());
                s.setString(i++, r.detailsType());
                s.setString(i++, JSON.writeValueAsString(r.facts()));
                s.setString(i++, r.targets());
                s.setLong(i++, r.elapsedMs());
                s.setString(i++, String.join(",", r.permissions()));
                s.setBoolean(i, r.refused());
                s.executeUpdate();
                o.setString(1, r.id());
                o.setString(2, r.output() == null ? "" : r.output());
                o.setString(3, r.details());
                o.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failed("record the run", e);
        }
    }

    @Override
    public Optional<RunRecord> run(String id) throws StoreException {
        try (Connection c = data.getConnection();
                PreparedStatement s = c.prepareStatement(WHOLE + " WHERE r.id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, true)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("read run " + id, e);
        }
    }

    @Override
    public List<RunRecord> runs(RunQuery q) throws StoreException {
        StringBuilder sql = new StringBuilder("SELECT " + BRIEF_COLUMNS + " FROM runs WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        where(sql, args, "runbook = ?", q.runbook());
        if (q.step() != null) {
            sql.append(" AND step_line = ? AND step_heading IS NOT DISTINCT FROM ?");
            args.add(q.step().line());
            args.add(q.step().heading());
        }
        if (q.user() != null) {
            sql.append(" AND (user_key = ? OR user_name = ?)");
            args.add(q.user());
            args.add(q.user());
        }
        where(sql, args, "verdict = ?", q.verdict());
        where(sql, args, "session_id = ?", q.session());
        if (q.target() != null) {
            sql.append(" AND targets LIKE ?");
            args.add("%" + q.target().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (q.since() != null) {
            sql.append(" AND started_at >= ?");
            args.add(time(q.since()));
        }
        sql.append(" ORDER BY started_at DESC, id DESC LIMIT ").append(q.limit());
        try (Connection c = data.getConnection();
                PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            return readAll(s, false);
        } catch (SQLException e) {
            throw failed("list runs", e);
        }
    }

    private static void where(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            args.add(value);
        }
    }

    @Override
    public Map<Integer, List<RunRecord>> recentByStep(String runbook, Collection<StepKey> steps, int perStep)
            throws StoreException {
        // one small query per step on runs_by_step: a window over all of a runbook's runs reads them all
        String sql = "SELECT " + BRIEF_COLUMNS + " FROM runs WHERE runbook = ? AND step_line = ?"
                + " AND step_heading IS NOT DISTINCT FROM ? ORDER BY started_at DESC, id DESC LIMIT "
                + Math.max(1, perStep);
        Map<Integer, List<RunRecord>> out = new TreeMap<>();
        try (Connection c = data.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (StepKey step : steps) {
                s.setString(1, runbook);
                s.setInt(2, step.line());
                s.setString(3, step.heading());
                List<RunRecord> runs = readAll(s, false);
                if (!runs.isEmpty()) {
                    out.put(step.line(), runs);
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed("read the history of " + runbook, e);
        }
    }

    @Override
    public Optional<RunRecord> lastGood(String runbook, StepKey step, String except) throws StoreException {
        String sql = WHOLE + " WHERE r.runbook = ? AND r.step_line = ? AND r.step_heading IS NOT DISTINCT FROM ?"
                + " AND r.verdict IN ('ok', 'warn') AND r.id <> ? AND " + REAL
                + " ORDER BY r.started_at DESC, r.id DESC LIMIT 1";
        try (Connection c = data.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, runbook);
            s.setInt(2, step.line());
            s.setString(3, step.heading());
            s.setString(4, except == null ? "" : except);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, true)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("find the last good run", e);
        }
    }

    @Override
    public Map<String, Freshness> freshness(Collection<String> runbooks, Instant now) throws StoreException {
        Set<String> wanted = new HashSet<>(runbooks);
        Map<String, Instant> lastRun = new LinkedHashMap<>();
        Map<String, Object[]> verified = new LinkedHashMap<>(); // runbook -> {at, by, session}
        Map<String, List<Integer>> failing = new LinkedHashMap<>();
        try (Connection c = data.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                            "SELECT runbook, MAX(finished_at) FROM runs WHERE runbook IS NOT NULL AND " + REAL
                                    + " GROUP BY runbook");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lastRun.put(rs.getString(1), instant(rs, 2));
                }
            }
            // sessions in which every step that ran ended ok or warn, and at least one ran; a step stopped
            // halfway (skipped, "stopped") ran without an answer, so its session verifies nothing
            String sessions = "SELECT runbook, session_id, MAX(finished_at) AS at, MIN(user_name) AS who FROM runs"
                    + " WHERE runbook IS NOT NULL AND session_id IS NOT NULL AND " + REAL
                    + " GROUP BY runbook, session_id"
                    + " HAVING SUM(CASE WHEN verdict IN ('fail', 'error') OR (verdict = 'skipped' AND summary = ?)"
                    + " THEN 1 ELSE 0 END) = 0"
                    + " AND SUM(CASE WHEN verdict IN ('ok', 'warn') THEN 1 ELSE 0 END) > 0";
            try (PreparedStatement s = c.prepareStatement(sessions)) {
                s.setString(1, ProbeRunner.STOPPED);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String runbook = rs.getString(1);
                        Instant at = instant(rs, 3);
                        Object[] best = verified.get(runbook);
                        if (best == null || ((Instant) best[0]).isBefore(at)) {
                            verified.put(runbook, new Object[] {at, rs.getString(4), rs.getString(2)});
                        }
                    }
                }
            }
            // steps whose runs have all failed, for everyone, for at least FAILING_FOR
            String steps = "SELECT runbook, step_line,"
                    + " MAX(CASE WHEN verdict IN ('ok', 'warn') THEN finished_at END) AS last_good,"
                    + " MAX(CASE WHEN verdict IN ('fail', 'error') THEN finished_at END) AS last_bad"
                    + " FROM runs WHERE runbook IS NOT NULL AND step_line IS NOT NULL AND refused = FALSE AND " + REAL
                    + " GROUP BY runbook, step_line";
            Instant weekAgo = now.minus(FAILING_FOR);
            try (PreparedStatement s = c.prepareStatement(steps);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Instant good = instant(rs, 3);
                    Instant bad = instant(rs, 4);
                    if (bad != null && (good == null || good.isBefore(weekAgo)) && bad.isAfter(weekAgo)) {
                        failing.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(rs.getInt(2));
                    }
                }
            }
            // ... and failing since before the week began: the first failure after the last success is old enough
            String since = "SELECT MIN(finished_at) FROM runs WHERE runbook = ? AND step_line = ? AND refused = FALSE"
                    + " AND " + REAL + " AND verdict IN ('fail', 'error') AND finished_at > COALESCE((SELECT"
                    + " MAX(finished_at) FROM runs WHERE runbook = ? AND step_line = ? AND verdict IN ('ok', 'warn')"
                    + " AND " + REAL + "), ?)";
            for (var e : failing.entrySet()) {
                e.getValue().removeIf(line -> {
                    try (PreparedStatement s = c.prepareStatement(since)) {
                        s.setString(1, e.getKey());
                        s.setInt(2, line);
                        s.setString(3, e.getKey());
                        s.setInt(4, line);
                        s.setObject(5, time(Instant.EPOCH));
                        try (ResultSet rs = s.executeQuery()) {
                            Instant first = rs.next() ? instant(rs, 1) : null;
                            return first == null || first.isAfter(weekAgo);
                        }
                    } catch (SQLException ex) {
                        throw new IllegalStateException(ex);
                    }
                });
            }
            Map<String, String> targets = new LinkedHashMap<>();
            for (var e : verified.entrySet()) {
                if (!wanted.contains(e.getKey())) {
                    continue;
                }
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT targets FROM runs WHERE session_id = ? AND targets IS NOT NULL ORDER BY started_at")) {
                    s.setString(1, (String) e.getValue()[2]);
                    Set<String> seen = new LinkedHashSet<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            seen.addAll(Arrays.asList(rs.getString(1).split(", ")));
                        }
                    }
                    targets.put(e.getKey(), seen.isEmpty() ? null : String.join(", ", seen));
                }
            }
            Map<String, Freshness> out = new LinkedHashMap<>();
            for (String runbook : runbooks) {
                Object[] v = verified.get(runbook);
                out.put(
                        runbook,
                        new Freshness(
                                runbook,
                                lastRun.get(runbook),
                                v == null ? null : (Instant) v[0],
                                v == null ? null : (String) v[1],
                                targets.get(runbook),
                                failing.getOrDefault(runbook, List.of())));
            }
            return out;
        } catch (SQLException | IllegalStateException e) {
            throw failed("work out how fresh the runbooks are", e);
        }
    }

    @Override
    public int prune(Instant before, long keep) throws StoreException {
        try (Connection c = data.getConnection()) {
            int deleted;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM runs WHERE started_at < ?")) {
                s.setObject(1, time(before));
                deleted = s.executeUpdate();
            }
            if (keep <= 0) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM runs")) {
                    return deleted + s.executeUpdate();
                }
            }
            // the keep-th newest run's time: older ones go; runs as old as it stay (a tie keeps a few over the count
            // rather than dropping one of the newest)
            Instant cutoff = null;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT started_at FROM runs ORDER BY started_at DESC OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY")) {
                s.setLong(1, keep - 1);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        cutoff = instant(rs, 1);
                    }
                }
            }
            if (cutoff != null) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM runs WHERE started_at < ?")) {
                    s.setObject(1, time(cutoff));
                    deleted += s.executeUpdate();
                }
            }
            return deleted;
        } catch (SQLException e) {
            throw failed("prune old runs", e);
        }
    }

    @Override
    public void saveReport(Report r) throws StoreException {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("runbookText", r.runbookText());
        content.put("variables", r.variables());
        content.put("runs", r.runs());
        try (Connection c = data.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO reports (id, created_at, created_by, created_by_name, runbook, runbook_version,"
                                + " title, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, r.id());
            s.setObject(2, time(r.createdAt()));
            s.setString(3, r.createdBy());
            s.setString(4, r.createdByName());
            s.setString(5, r.runbook());
            s.setString(6, r.version());
            s.setString(7, cut(r.title(), 1024));
            s.setString(8, JSON.writeValueAsString(content));
            s.executeUpdate();
        } catch (SQLException e) {
            throw failed("save the report", e);
        }
    }

    @Override
    public Optional<Report> report(String id) throws StoreException {
        try (Connection c = data.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT id, created_at, created_by, created_by_name, runbook, runbook_version, title, content"
                                + " FROM reports WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ReportContent content = JSON.readValue(rs.getString(8), ReportContent.class);
                return Optional.of(new Report(
                        rs.getString(1),
                        instant(rs, 2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        content.runbookText(),
                        content.variables() == null ? Map.of() : content.variables(),
                        content.runs() == null ? List.of() : content.runs()));
            }
        } catch (SQLException e) {
            throw failed("read report " + id, e);
        }
    }

    /** What a report keeps besides its columns. */
    private record ReportContent(String runbookText, Map<String, String> variables, List<RunRecord> runs) {}

    @Override
    public List<Report.Summary> reports(String runbook, int limit) throws StoreException {
        String sql = "SELECT id, created_at, created_by_name, runbook, title FROM reports"
                + (runbook == null ? "" : " WHERE runbook = ?") + " ORDER BY created_at DESC LIMIT "
                + Math.max(1, Math.min(limit, 1000));
        try (Connection c = data.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            if (runbook != null) {
                s.setString(1, runbook);
            }
            List<Report.Summary> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Report.Summary(
                            rs.getString(1), instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed("list reports", e);
        }
    }

    @Override
    public boolean deleteReport(String id) throws StoreException {
        try (Connection c = data.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM reports WHERE id = ?")) {
            s.setString(1, id);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failed("delete report " + id, e);
        }
    }

    // --- progress ---------------------------------------------------------------------------------

    private static final String PROGRESS_COLUMNS = "user_key, user_name, kind, name, started_at, updated_at,"
            + " completed_at, attempts, hints_used, step_marks, position, last_answer";

    /**
     * An update, else an insert: portable between H2 and PostgreSQL (no MERGE / ON CONFLICT dialects). Two first saves
     * at once (two tabs) race to the insert; the loser finds the row there (unique violation, SQLState 23505) and
     * updates it.
     */
    @Override
    public void saveProgress(Progress p) throws StoreException {
        try {
            upsertProgress(p);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw failed("save the progress of " + p.userName() + " in " + p.name(), e);
            }
            try {
                upsertProgress(p);
            } catch (SQLException again) {
                throw failed("save the progress of " + p.userName() + " in " + p.name(), again);
            }
        }
    }

    private void upsertProgress(Progress p) throws SQLException {
        try (Connection c = data.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE progress SET user_name = ?, started_at = ?,"
                    + " updated_at = ?, completed_at = ?, attempts = ?, hints_used = ?, step_marks = ?, position = ?,"
                    + " last_answer = ? WHERE user_key = ? AND kind = ? AND name = ?")) {
                s.setString(1, cut(p.userName(), 512));
                s.setObject(2, time(p.startedAt()));
                s.setObject(3, time(p.updatedAt()));
                s.setObject(4, time(p.completedAt()));
                s.setInt(5, p.attempts());
                s.setInt(6, p.hintsUsed());
                s.setString(7, cut(p.marks(), 1024));
                s.setInt(8, p.position());
                s.setString(9, cut(p.lastAnswer(), 256));
                s.setString(10, p.userKey());
                s.setString(11, p.kind().id());
                s.setString(12, p.name());
                if (s.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO progress (" + PROGRESS_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, p.userKey());
                s.setString(2, cut(p.userName(), 512));
                s.setString(3, p.kind().id());
                s.setString(4, p.name());
                s.setObject(5, time(p.startedAt()));
                s.setObject(6, time(p.updatedAt()));
                s.setObject(7, time(p.completedAt()));
                s.setInt(8, p.attempts());
                s.setInt(9, p.hintsUsed());
                s.setString(10, cut(p.marks(), 1024));
                s.setInt(11, p.position());
                s.setString(12, cut(p.lastAnswer(), 256));
                s.executeUpdate();
            }
        }
    }

    @Override
    public Optional<Progress> progress(String userKey, Progress.Kind kind, String name) throws StoreException {
        try (Connection c = data.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT " + PROGRESS_COLUMNS + " FROM progress WHERE user_key = ? AND kind = ? AND name = ?")) {
            s.setString(1, userKey);
            s.setString(2, kind.id());
            s.setString(3, name);
            List<Progress> found = readProgress(s);
            return found.stream().findFirst();
        } catch (SQLException e) {
            throw failed("read progress", e);
        }
    }

    @Override
    public List<Progress> allProgress(int limit) throws StoreException {
        try (Connection c = data.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT " + PROGRESS_COLUMNS + " FROM progress ORDER BY updated_at DESC, user_key, name")) {
            s.setMaxRows(Math.max(1, limit));
            return readProgress(s);
        } catch (SQLException e) {
            throw failed("read progress", e);
        }
    }

    private static List<Progress> readProgress(PreparedStatement s) throws SQLException {
        List<Progress> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new Progress(
                        rs.getString("user_key"),
                        rs.getString("user_name"),
                        Progress.Kind.of(rs.getString("kind")),
                        rs.getString("name"),
                        instant(rs, "started_at"),
                        instant(rs, "updated_at"),
                        instant(rs, "completed_at"),
                        rs.getInt("attempts"),
                        rs.getInt("hints_used"),
                        rs.getString("step_marks"),
                        rs.getInt("position"),
                        rs.getString("last_answer")));
            }
        }
        return out;
    }

    // --- rows ---------------------------------------------------------------------------------------

    private List<RunRecord> readAll(PreparedStatement s, boolean whole) throws SQLException {
        List<RunRecord> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs, whole));
            }
        }
        return out;
    }

    private static RunRecord read(ResultSet rs, boolean whole) throws SQLException {
        Object line = rs.getObject("step_line");
        String permissions = rs.getString("permissions");
        return new RunRecord(
                rs.getString("id"),
                rs.getString("session_id"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getString("user_key"),
                rs.getString("user_name"),
                rs.getString("via"),
                rs.getString("runbook"),
                rs.getString("runbook_version"),
                line == null ? null : ((Number) line).intValue(),
                rs.getString("step_heading"),
                rs.getString("command_written"),
                rs.getString("command_run"),
                rs.getString("probe"),
                JSON.readValue(rs.getString("variables"), STRING_MAP),
                rs.getString("verdict"),
                rs.getString("summary"),
                whole ? rs.getString("output") : null,
                rs.getBoolean("output_truncated"),
                rs.getString("details_type"),
                whole ? rs.getString("details") : null,
                JSON.readValue(rs.getString("facts"), STRING_MAP),
                rs.getString("targets"),
                rs.getLong("elapsed_ms"),
                permissions == null || permissions.isEmpty() ? List.of() : List.of(permissions.split(",")),
                rs.getBoolean("refused"));
    }

    private static OffsetDateTime time(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Object o = rs.getObject(column);
        if (o == null) {
            return null;
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant();
        }
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private StoreException failed(String what, Exception e) {
        return new StoreException("cannot " + what + " in the run history (" + description + "): " + e.getMessage(), e);
    }
}

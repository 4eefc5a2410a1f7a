package dev.probebook.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log's line format (a contract: other tools read {@code audit.jsonl}): one JSON object per line, keys
 * in this order, null fields left out, {@code time} as ISO-8601 UTC, {@code action} as its label. JSON
 * escapes line breaks inside strings, and so does this for the characters that other readers take as line
 * breaks (U+0085 NEXT LINE, U+2028, U+2029), so a line is always one record whatever reads it.
 */
public final class AuditJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private AuditJson() {}

    public static String line(AuditEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", e.time().toString());
        m.put("user", e.user());
        m.put("action", e.action().label());
        putIfSet(m, "runbook", e.runbook());
        putIfSet(m, "step", e.step());
        putIfSet(m, "command", e.command());
        putIfSet(m, "target", e.target());
        putIfSet(m, "verdict", e.verdict());
        putIfSet(m, "durationMs", e.durationMs());
        putIfSet(m, "detail", e.detail());
        return escapeLineSeparators(MAPPER.writeValueAsString(m));
    }

    /** These only occur inside string values here, where their escapes mean the same. */
    static String escapeLineSeparators(String json) {
        return json.replace("\u0085", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /**
     * The event of a line, or null when the line is not a record (torn by a crash, edited, from a newer
     * version). Streams the tokens rather than building a tree: a query parses up to every line of the log.
     */
    static AuditEvent parse(String line) {
        try (JsonParser p = MAPPER.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String time = null,
                    user = null,
                    action = null,
                    runbook = null,
                    command = null,
                    target = null,
                    verdict = null,
                    detail = null;
            Integer step = null;
            Long durationMs = null;
            for (String key = p.nextName(); key != null; key = p.nextName()) {
                p.nextToken();
                switch (key) {
                    case "time" -> time = string(p);
                    case "user" -> user = string(p);
                    case "action" -> action = string(p);
                    case "runbook" -> runbook = string(p);
                    case "step" -> step = integer(p);
                    case "command" -> command = string(p);
                    case "target" -> target = string(p);
                    case "verdict" -> verdict = string(p);
                    case "durationMs" -> durationMs = longInteger(p);
                    case "detail" -> detail = string(p);
                    default -> p.skipChildren(); // a field added by a newer version
                }
            }
            AuditAction a = AuditAction.fromLabel(action);
            if (p.currentToken() != JsonToken.END_OBJECT
                    || p.nextToken() != null
                    || time == null
                    || user == null
                    || a == null) {
                return null;
            }
            return new AuditEvent(
                    Instant.parse(time), user, a, runbook, step, command, target, verdict, durationMs, detail);
        } catch (JacksonException | DateTimeParseException e) {
            return null;
        }
    }

    // A field of the wrong type reads as absent: the rest of the record is still worth having.

    private static String string(JsonParser p) {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getString();
        }
        p.skipChildren();
        return null;
    }

    private static Integer integer(JsonParser p) {
        Long n = longInteger(p);
        return n != null && n == n.intValue() ? n.intValue() : null;
    }

    private static Long longInteger(JsonParser p) {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        p.skipChildren();
        return null;
    }
}

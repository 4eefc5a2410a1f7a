package dev.probebook.notebook;

import dev.probebook.plan.Variable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the page's variable values to and from the URL query ({@code ?host=...&port=...}) so a link can be
 * shared. Only the runbook's own variables are read; values are trimmed and capped in length (they are
 * substituted inside single command words, never parsed as shell).
 */
public final class VariableQuery {

    static final int MAX_VALUE = 255;

    private VariableQuery() {}

    public static Map<String, String> fromQuery(Map<String, List<String>> query, List<Variable> variables) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Variable v : variables) {
            List<String> given = query.get(v.name());
            if (given != null
                    && !given.isEmpty()
                    && given.get(0) != null
                    && !given.get(0).isBlank()) {
                String value = given.get(0).strip();
                values.put(v.name(), value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value);
            }
        }
        return values;
    }

    /** The query for these values: the runbook's variables in order, blank ones left out. */
    public static Map<String, String> toQuery(Map<String, String> values, List<Variable> variables) {
        Map<String, String> query = new LinkedHashMap<>();
        for (Variable v : variables) {
            String value = values.get(v.name());
            if (value != null && !value.isBlank()) {
                query.put(v.name(), value.strip());
            }
        }
        return query;
    }

    /** {@code ?host=a&port=b} in the given order, URL-encoded; "" when there are no values. */
    public static String queryString(Map<String, String> query) {
        StringBuilder sb = new StringBuilder();
        query.forEach((k, v) -> sb.append(sb.isEmpty() ? "?" : "&")
                .append(encode(k))
                .append('=')
                .append(encode(v)));
        return sb.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package dev.probebook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.plan.Variable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableQueryTest {

    private final List<Variable> vars =
            List.of(new Variable("host", List.of("{{host}}")), new Variable("port", List.of("포트")));

    @Test
    void readsOnlyTheRunbooksVariablesTrimmed() {
        Map<String, String> values = VariableQuery.fromQuery(
                Map.of("host", List.of(" 127.0.0.1 "), "port", List.of(""), "evil", List.of("x")), vars);
        assertThat(values).containsExactly(Map.entry("host", "127.0.0.1"));
    }

    @Test
    void capsLongValues() {
        assertThat(VariableQuery.fromQuery(Map.of("host", List.of("a".repeat(1000))), vars)
                        .get("host"))
                .hasSize(VariableQuery.MAX_VALUE);
    }

    @Test
    void writesVariablesInRunbookOrderAndRoundTrips() {
        Map<String, String> query =
                VariableQuery.toQuery(Map.of("port", "8080", "host", "example.test", "other", "x"), vars);
        assertThat(query.keySet()).containsExactly("host", "port");
        assertThat(VariableQuery.fromQuery(
                        Map.of("host", List.of(query.get("host")), "port", List.of(query.get("port"))), vars))
                .isEqualTo(query);
    }

    @Test
    void queryStringKeepsOrderAndEncodes() {
        var q = new LinkedHashMap<String, String>();
        q.put("host", "a b&c");
        q.put("port", "80");
        assertThat(VariableQuery.queryString(q)).isEqualTo("?host=a%20b%26c&port=80");
        assertThat(VariableQuery.queryString(Map.of())).isEmpty();
    }
}

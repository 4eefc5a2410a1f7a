package dev.probebook.step;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.plan.CommandBinder;
import dev.probebook.plan.Planner;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.runbook.MarkdownParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepCommandsTest {

    private final ProbeRegistry registry = ProbeRegistry.standard();
    private final CommandBinder binder = new CommandBinder(registry);

    private RunbookPlan plan() throws Exception {
        return new Planner(registry)
                .plan(new MarkdownParser().parse("# Web\n\n```\ncurl -v https://{{host}}:{{port}}/\n```\n", "t"));
    }

    @Test
    void anEditedStepCommandKeepsThePagesVariables() throws Exception {
        StepCommand c = StepCommands.edited(
                binder, plan(), "curl -v http://{{host}}:{{port}}/health", Map.of("host", "127.0.0.1", "port", "8080"));
        assertThat(c.ready()).isTrue();
        assertThat(c.text()).isEqualTo("curl -v http://127.0.0.1:8080/health");
        assertThat(c.written()).isEqualTo("curl -v http://{{host}}:{{port}}/health");
    }

    @Test
    void anEditedCommandWithTheRunbooksOwnPlaceholderWordsBindsThemToo() throws Exception {
        StepCommand c =
                StepCommands.edited(binder, plan(), "telnet IP또는도메인 포트", Map.of("host", "127.0.0.1", "port", "22"));
        assertThat(c.ready()).isTrue();
        assertThat(c.text()).isEqualTo("telnet 127.0.0.1 22");
    }

    @Test
    void anEditedCommandWhoseVariableIsUnsetIsSkippedNamingIt() throws Exception {
        StepCommand c = StepCommands.edited(binder, plan(), "curl -I http://{{host}}/", Map.of());
        assertThat(c.bound()).isInstanceOf(CommandBinder.Missing.class);
        assertThat(((CommandBinder.Missing) c.bound()).variables()).containsExactly("host");
    }

    @Test
    void anEditedCommandWithoutPlaceholdersRunsAsTyped() throws Exception {
        StepCommand c = StepCommands.edited(binder, plan(), "curl -I http://127.0.0.1:9/", Map.of("host", "10.0.0.1"));
        assertThat(c.text()).isEqualTo("curl -I http://127.0.0.1:9/");
        assertThat(StepCommands.edited(binder, plan(), "frobnicate 1", Map.of()).ready())
                .isFalse();
    }
}

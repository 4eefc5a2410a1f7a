package dev.probebook.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.engine.ProbeRunner;
import dev.probebook.policy.TargetPolicy;
import dev.probebook.probe.Verdict;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.runbook.MarkdownParser;
import dev.probebook.settings.Settings;
import dev.probebook.step.Admission;
import dev.probebook.step.RunPlace;
import dev.probebook.step.StepCommands;
import dev.probebook.step.StepListener;
import dev.probebook.step.StepOutcome;
import dev.probebook.step.StepRequest;
import dev.probebook.step.StepRunner;
import dev.probebook.testing.LoopbackServers;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private final ProbeRegistry registry = ProbeRegistry.standard();

    private RunbookPlan plan(String md) throws Exception {
        return new Planner(registry).plan(new MarkdownParser().parse(md, "t"));
    }

    @Test
    void alternativesNotesAndComments() throws Exception {
        RunbookPlan p = plan("""
                ## S
                ```
                # check the port
                tcping ip
                (defaults to port 80)
                또는
                tcping ip port
                or
                telnet <host> 23
                ```
                """);
        PlannedBlock step = p.steps().get(0);
        assertThat(step.commands())
                .extracting(PlannedCommand::text, PlannedCommand::alternative)
                .containsExactly(
                        Tuple.tuple("tcping ip", 0),
                        Tuple.tuple("tcping ip port", 1),
                        Tuple.tuple("telnet <host> 23", 2));
        assertThat(step.alternatives()).isEqualTo(3);
        assertThat(p.variables()).extracting(Variable::name).containsExactly("ip", "port", "host");
    }

    @Test
    void aFormatFileTheRunbookWritesIsReadFromTheRunbookAndItsBodyIsNoCommand() throws Exception {
        RunbookPlan p = plan("""
                ```bash
                cat > curl-format.txt <<'EOF'
                    time_connect:  %{time_connect}s\\n
                      time_total:  %{time_total}s\\n
                ping -c 1 10.0.0.5
                EOF
                ```

                ```bash
                curl -w "@curl-format.txt" -o /dev/null -s http://10.0.0.5/
                curl --write-out @other.txt -s http://10.0.0.5/
                ```
                """);
        assertThat(p.steps().get(0).commands())
                .as("the here-document's body is the file's content, not commands")
                .extracting(PlannedCommand::text)
                .containsExactly("cat > curl-format.txt <<'EOF'");
        assertThat(p.steps().get(0).commands().get(0).unsupported())
                .isEqualTo("a here-document: Probebook writes no file, but a curl -w @curl-format.txt in this runbook"
                        + " reads its content from here");
        List<PlannedCommand> curl = p.steps().get(1).commands();
        assertThat(curl.get(0).text())
                .isEqualTo("curl -w '    time_connect:  %{time_connect}s\\n      time_total:  %{time_total}s\\n"
                        + "ping -c 1 10.0.0.5' -o /dev/null -s http://10.0.0.5/");
        assertThat(curl.get(0).usageError()).isNull();
        assertThat(curl.get(1).usageError())
                .as("a file the runbook does not write is never read from the disk")
                .contains("reading the format from a file is not supported");
    }

    @Test
    void promptsAndConsoleOutput() throws Exception {
        RunbookPlan p = plan("""
                ```console
                $ sudo telnet 10.0.0.5 22
                Trying 10.0.0.5...
                Connected to 10.0.0.5.
                [root@web01 ~]# nc -zv 10.0.0.5 443
                Connection to 10.0.0.5 443 port [tcp/https] succeeded!
                # tcping 10.0.0.5 8080
                ```
                """);
        List<PlannedCommand> commands = p.steps().get(0).commands();
        assertThat(commands)
                .extracting(PlannedCommand::text)
                .containsExactly("sudo telnet 10.0.0.5 22", "nc -zv 10.0.0.5 443", "tcping 10.0.0.5 8080");
        assertThat(commands.get(0).exampleOutput()).containsExactly("Trying 10.0.0.5...", "Connected to 10.0.0.5.");
        assertThat(commands.get(1).exampleOutput()).hasSize(1);
    }

    @Test
    void promptsOfOtherShellsAndMachinesAreStripped() throws Exception {
        RunbookPlan p = plan("""
                ```
                mac> nc -zv 10.0.0.5 443
                lin> tcping 10.0.0.5 443
                ➜  ~ telnet 10.0.0.5 22
                ➜  infra git:(main) ✗ ping -c 1 10.0.0.5
                kim@laptop ~ % curl -I https://10.0.0.5/
                % nslookup example.org
                PS C:\\Users\\kim> nslookup example.org
                C:\\> ping 10.0.0.5
                ```

                ```
                mysql> select host from user;
                50% of the probes failed
                ```
                """);
        assertThat(p.steps().get(0).commands())
                .extracting(PlannedCommand::text)
                .containsExactly(
                        "nc -zv 10.0.0.5 443",
                        "tcping 10.0.0.5 443",
                        "telnet 10.0.0.5 22",
                        "ping -c 1 10.0.0.5",
                        "curl -I https://10.0.0.5/",
                        "nslookup example.org",
                        "nslookup example.org",
                        "ping 10.0.0.5");
        assertThat(p.steps())
                .as("a database prompt or a percentage is no shell prompt")
                .hasSize(1);
    }

    @Test
    void aCommentThatBeginsWithAToolNameIsAComment() throws Exception {
        RunbookPlan p = plan("""
                ```
                # curl the health endpoint first
                # ping gateway to check the route
                # nc -zv 10.0.0.5 443
                # ip addr
                # telnet 10.0.0.5 22 if it hangs, the firewall drops it.
                ```
                """);
        assertThat(p.steps().get(0).commands())
                .extracting(PlannedCommand::text)
                .containsExactly("nc -zv 10.0.0.5 443", "ip addr");
    }

    @Test
    void toolOutputIsNotACommand() throws Exception {
        RunbookPlan p = plan("""
                ```
                -bash: telnet: command not found
                telnet: connect to address 10.0.0.1: Connection refused
                Trying 10.0.0.1...
                nc: connect to 10.0.0.1 port 80 (tcp) failed: Connection refused
                ```
                ```text
                telnet 10.0.0.1 80
                ```
                """);
        assertThat(p.steps()).isEmpty();
        assertThat(p.examples()).hasSize(2);
    }

    @Test
    void aMisspeltCommandIsAStepThatSuggestsTheNearestOneNeverAnExample() throws Exception {
        RunbookPlan p = plan("""
                ```
                tcpnig 10.0.0.5 80
                ```
                ```
                pnig -c 3 {{host}}
                ```
                ```
                Tryng to reach the server
                ```
                ```
                curl -o /tmp/page.html https://10.0.0.5/ > /tmp/log
                ```
                """);
        assertThat(p.steps()).hasSize(3);
        assertThat(p.steps().get(0).commands().get(0).reason()).endsWith("did you mean 'tcping'?");
        assertThat(p.steps().get(0).commands().get(0).runnable()).isFalse();
        assertThat(p.steps().get(1).commands().get(0).reason()).endsWith("did you mean 'ping'?");
        assertThat(p.examples()).hasSize(1); // words near no command, or no arguments: prose as output
        assertThat(p.steps().get(2).commands().get(0).reason()).contains("redirection '> /tmp/log' is shown, not run");
    }

    @Test
    void realWorldCommandShapesAreStepsNeverLostAsOutput() throws Exception {
        RunbookPlan p = plan("""
                ```
                curl -v \\
                  --connect-timeout 3 \\
                  https://10.0.0.5/health
                ```
                ```
                ping -c 1 10.0.0.5; nc -zv 10.0.0.5 443
                ```
                ```
                nc -zv 10.0.0.5 80 && curl -I http://10.0.0.5/
                ```
                ```
                timeout 5 nc -zv 10.0.0.5 22
                ```
                ```
                watch -n 1 ss -tlnp
                ```
                ```
                netstat -rn
                ```
                ```
                nc -zv 10.0.0.5 1-1000
                ```
                ```
                traceroute to 10.0.0.5 (10.0.0.5), 30 hops max, 60 byte packets
                ```
                """);
        List<PlannedBlock> steps = p.steps();
        assertThat(steps).hasSize(7);
        assertThat(steps.get(0).commands()).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("curl -v --connect-timeout 3 https://10.0.0.5/health");
            assertThat(c.runnable()).isTrue();
        });
        assertThat(steps.get(1).commands()).extracting(PlannedCommand::probe).containsExactly("ping", "tcp");
        assertThat(steps.get(2).commands())
                .extracting(PlannedCommand::text)
                .containsExactly("nc -zv 10.0.0.5 80", "curl -I http://10.0.0.5/");
        assertThat(steps.get(3).commands().get(0).runnable()).isTrue();
        assertThat(steps.get(4).commands().get(0).probe()).isEqualTo("sockets");
        assertThat(steps.get(5).commands().get(0).probe()).isEqualTo("routes"); // the routing table, read
        assertThat(steps.get(5).commands().get(0).runnable()).isTrue();
        assertThat(steps.get(6).commands().get(0).reason())
                .contains("has 1000 ports")
                .contains("at most 100");
        assertThat(p.examples()).hasSize(1); // traceroute's first line of output
    }

    @Test
    void placeholdersOfOtherTemplatingHabitsAreVariablesNeverValues() throws Exception {
        RunbookPlan p = plan("""
                ```
                ping -c 3 {agent ip}
                ```
                ```
                telnet { name } 80
                ```
                ```
                nc -zv {{ extra.agent.port }} 80
                ```
                ```
                nc -zv 10.0.0.5 [PORT]
                ```
                ```
                ping [gateway]
                ```
                ```
                curl -s -o /dev/null -w "%{http_code}" http://10.0.0.5/
                ```
                ```
                ping -c 1 <게이트웨이IP>
                ```
                ```
                ping -c 1 <서버IP>
                ```
                """);
        assertThat(p.steps()).hasSize(8);
        assertThat(p.variables())
                .extracting(Variable::name)
                .containsExactly("agent_ip", "name", "extra_agent_port", "port", "gateway", "게이트웨이ip", "ip");
        assertThat(p.steps().get(6).commands().get(0).reason()).isNull();
        assertThat(p.steps().get(5).commands().get(0).variables()).isEmpty(); // curl's %{http_code} stays itself
    }

    @Test
    void aPromptedLineThatDoesNotParseKeepsItsError() throws Exception {
        RunbookPlan p = plan("""
                ```
                $ telnet 10.0.0.1 99999
                ```
                """);
        PlannedCommand c = p.steps().get(0).commands().get(0);
        assertThat(c.usageError()).contains("out of range");
        assertThat(c.probe()).isEqualTo("tcp");
    }

    @Test
    void examplesLinkToTheNearestStepAboveInTheSameSection() throws Exception {
        RunbookPlan p = plan("""
                ## A
                ```
                telnet 10.0.0.1 22
                ```
                ```
                Trying 10.0.0.1...
                ```
                ## B
                ```
                Trying 10.0.0.2...
                ```
                """);
        // B has no step of its own: its output shows the step it follows
        assertThat(p.examples()).extracting(PlannedBlock::illustrates).containsExactly(2, 2);
    }

    @Test
    void unboundVariablesSkipTheStepNamingThem() throws Exception {
        RunbookPlan p = plan("""
                ```
                telnet IP또는도메인 포트
                ```
                """);
        CommandBinder binder = new CommandBinder(registry);
        try (ProbeRunner runner = new ProbeRunner(Settings.defaults(), TargetPolicy.allowAll())) {
            StepRunner steps = new StepRunner(runner);
            Map<String, String> hostOnly = Map.of("host", "127.0.0.1");
            StepOutcome skipped = steps.start(
                            new StepRequest(
                                    "t",
                                    new RunPlace("p", 1),
                                    StepCommands.forStep(binder, p, p.steps().get(0), hostOnly),
                                    hostOnly),
                            Admission.ALL,
                            StepListener.NONE)
                    .await();
            assertThat(skipped.verdict()).isEqualTo(Verdict.SKIPPED);
            assertThat(skipped.summary()).contains("variable port (포트)");
            try (var server = new LoopbackServers.Open(null)) {
                Map<String, String> both = Map.of("host", "127.0.0.1", "port", String.valueOf(server.port()));
                StepOutcome ran = steps.start(
                                new StepRequest(
                                        "t",
                                        new RunPlace("p", 1),
                                        StepCommands.forStep(
                                                binder, p, p.steps().get(0), both),
                                        both),
                                Admission.ALL,
                                StepListener.NONE)
                        .await();
                assertThat(ran.verdict()).isEqualTo(Verdict.OK);
                assertThat(ran.command()).isEqualTo("telnet 127.0.0.1 " + server.port());
            }
        }
    }

    @Test
    void theFirstAlternativeWhoseVariablesAreBoundRuns() throws Exception {
        RunbookPlan p = plan("""
                ```
                telnet {{host}} {{port}}
                or
                telnet 127.0.0.1 {{port}}
                ```
                """);
        PlannedBlock step = p.steps().get(0);
        assertThat(step.alternativeFor(Map.of("port", "80"))).isEqualTo(1);
        assertThat(step.alternativeFor(Map.of("port", "80", "host", "h"))).isEqualTo(0);
        assertThat(step.alternativeFor(Map.of())).isEqualTo(0);
    }

    @Test
    void valuesCannotInjectShellSyntax() throws Exception {
        RunbookPlan p = plan("""
                ```
                telnet {{host}} 80
                ```
                """);
        CommandBinder.Bound bound = new CommandBinder(registry)
                .bind(p.steps().get(0).commands().get(0), Map.of("host", "127.0.0.1; rm -rf /"), p.variables());
        assertThat(bound)
                .isInstanceOfSatisfying(
                        CommandBinder.NotRunnable.class,
                        nr -> assertThat(nr.reason()).contains("must be a single word"));
        CommandBinder.Bound semicolon = new CommandBinder(registry)
                .bind(p.steps().get(0).commands().get(0), Map.of("host", "127.0.0.1;id"), p.variables());
        assertThat(semicolon)
                .isInstanceOfSatisfying(
                        CommandBinder.NotRunnable.class,
                        nr -> assertThat(nr.reason()).contains("not a valid host"));
    }
}

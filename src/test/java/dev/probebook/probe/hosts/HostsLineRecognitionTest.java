package dev.probebook.probe.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.command.Args;
import dev.probebook.command.Placeholder;
import dev.probebook.command.ShellLine;
import dev.probebook.command.ShellWords;
import dev.probebook.registry.ProbeRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which lines the hosts probe claims through the registry's free-form hook, in template mode. */
class HostsLineRecognitionTest {

    private final ProbeRegistry registry = ProbeRegistry.standard();

    private ProbeRegistry.Recognised template(String line) throws Exception {
        return registry.recognise(ShellLine.parse(line).words(), Args.Mode.TEMPLATE)
                .orElseThrow();
    }

    @Test
    void theSeedHostsLineIsATemplateStep() throws Exception {
        ProbeRegistry.Recognised r = template("10.10.100.IP 도메인.co.kr");
        assertThat(r.command().probeName()).isEqualTo("hosts");
        assertThat(r.command().command())
                .isEqualTo(new HostsCommand.Add("10.10.100.IP", List.of("도메인.co.kr"), HostsCommand.Add.Form.LINE));
    }

    @Test
    void explicitPlaceholdersAndPlainLinesAreClaimed() throws Exception {
        assertThat(template("{{ip}} {{domain}}").command().probeName()).isEqualTo("hosts");
        assertThat(template("$IP app.example.co.kr app").command().probeName()).isEqualTo("hosts");
        assertThat(template("10.0.0.5 app.example.co.kr app").command().command())
                .isEqualTo(new HostsCommand.Add(
                        "10.0.0.5", List.of("app.example.co.kr", "app"), HostsCommand.Add.Form.LINE));
        assertThat(template("fd00::5 app6").command().probeName()).isEqualTo("hosts");
    }

    @Test
    void informalNamesInAnEchoedLineAreRecorded() throws Exception {
        ProbeRegistry.Recognised r = template("echo \"10.10.100.IP domain\" >> /etc/hosts");
        assertThat(r.command().probeName()).isEqualTo("hosts");
        assertThat(r.informalPlaceholders()).containsExactly(new Placeholder(1, 13, 19, "domain", "domain"));
        assertThat(template("echo \"10.10.100.IP 도메인.co.kr\" | sudo tee -a /etc/hosts")
                        .command()
                        .command())
                .isEqualTo(new HostsCommand.Add("10.10.100.IP", List.of("도메인.co.kr"), HostsCommand.Add.Form.APPEND));
    }

    /** Example output in the seed runbook: never a step. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "211.188.35.IP[root@서버명 ~]#",
                "Server:         169.254.169.IP",
                "Address:        169.254.169.IP#IP",
                "16:13:14.842107 IP 현재서버명.35774 > 대상서버공인IP.https: Flags [S], seq 2876837968, win 26730,"
                        + " options [mss 8910,sackOK,TS val 83482796 ecr 0,nop,wscale 7], length 0",
                "* connect to 211.47.4.IP port 443 failed: Connection timed out",
                "Trying IP또는도메인...",
                "Connected to IP또는도메인.",
                "-bash: telnet: command not found",
                "10.0.0.1",
                "ip 도메인.co.kr",
                "10.0.0.1 10.0.0.2",
                "10.10.100.IP 포트번호",
                "tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      1234/java"
            })
    void exampleOutputIsNotClaimed(String line) throws Exception {
        List<String> words = ShellWords.split(line).words();
        assertThat(registry.recognise(words, Args.Mode.TEMPLATE)).isEmpty();
        assertThat(new HostsProbe().claimsLine(words)).isFalse();
    }
}

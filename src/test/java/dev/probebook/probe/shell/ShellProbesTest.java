package dev.probebook.probe.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.command.Args;
import dev.probebook.command.ShellLine;
import dev.probebook.engine.RunResult;
import dev.probebook.probe.Verdict;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.testing.ProbeHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** install and none: steps Probebook does not run, and which probe takes which shared word. */
class ShellProbesTest {

    private final ProbeHarness harness = new ProbeHarness();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "yum install tcping                    | install",
                "sudo yum install -y tcping telnet     | install",
                "apt-get install -y dnsutils           | install",
                "apk add curl                          | install",
                "yum install vim                       | none",
                "yum install tcping vim                | none",
                "yum update                            | none",
                "systemctl restart nginx               | none",
                "firewall-cmd --list-all               | none",
                "cat /etc/passwd                       | none",
                "cat /etc/hosts /etc/passwd            | none",
                "vi /etc/nginx/nginx.conf              | none",
                "echo hi                               | none",
                "echo \"10.0.0.5 app\" > /tmp/hosts    | none",
                "cat /etc/hosts                        | hosts",
                "sudo vi /etc/hosts                    | hosts",
                "echo \"10.0.0.5 app\" >> /etc/hosts   | hosts",
                "getent hosts localhost                | hosts"
            })
    void theRightProbeTakesEachForm(String line, String probe) throws Exception {
        var recognised =
                ProbeRegistry.standard().recognise(ShellLine.parse(line).words(), Args.Mode.TEMPLATE);
        assertThat(recognised).isPresent();
        assertThat(recognised.get().command().probeName()).isEqualTo(probe);
    }

    @Test
    void installOfABuiltInToolPasses() throws Exception {
        RunResult r = harness.run("yum install tcping");
        assertThat(r.output()).containsExactly("tcping is built into Probebook: nothing to install.");
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.summary()).isEqualTo("tcping is built into Probebook: nothing to install.");
        assertThat(((InstallDetails) r.details()).packages()).containsExactly("tcping");
    }

    @Test
    void installOfSeveralNamesTheToolsOfMetaPackages() throws Exception {
        RunResult r = harness.run("sudo yum install -y tcping telnet bind-utils");
        assertThat(r.output())
                .containsExactly(
                        "tcping, telnet and bind-utils (nslookup, dig) are built into Probebook: nothing to install.");
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void shellCommandsAreSkippedWithANote() throws Exception {
        RunResult r = harness.run("sudo systemctl restart firewalld");
        assertThat(r.probe()).isEqualTo("none");
        assertThat(r.output()).containsExactly("not run: systemctl is not built in — run it in a shell");
        assertThat(r.verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(r.summary()).isEqualTo("not run: systemctl is not built in — run it in a shell");
        assertThat(((NotRunDetails) r.details()).args()).containsExactly("restart", "firewalld");
        assertThat(harness.run("ipconfig /all").summary())
                .isEqualTo("not run: ipconfig is not built in — run it in a shell (Probebook runs 'ip addr' for the"
                        + " same question)");
        assertThat(harness.run("lsof /var/log/syslog").probe()).isEqualTo("none"); // open files: not read
        assertThat(harness.run("lsof -i :8080").probe()).isEqualTo("lsof"); // internet sockets: the lsof probe

        RunResult yum = harness.run("yum install vim");
        assertThat(yum.verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(yum.summary()).startsWith("not run: yum is not built in");
        assertThat(harness.run("cat /etc/passwd").summary()).startsWith("not run: cat is not built in");
    }
}

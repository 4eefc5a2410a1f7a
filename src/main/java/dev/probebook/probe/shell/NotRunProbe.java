package dev.probebook.probe.shell;

import dev.probebook.command.Args;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Common shell commands in runbooks that Probebook does not run (service control, firewalls, package
 * managers, editors, file handling, remote shells, ...). They become steps that are skipped with a clear
 * note instead of unknown lines, so a runbook reads through. Forms another probe takes ({@code cat /etc/hosts},
 * {@code echo ... >> /etc/hosts}) reach that probe first: the catalogue lists this probe last. The install forms
 * of its own package ({@code yum install tcping}) it declines itself.
 *
 * <p>Any arguments are accepted: this probe never judges a shell's syntax.
 */
public final class NotRunProbe implements Probe<NotRunCommand> {

    private static final Set<String> WORDS = Set.of(
            "systemctl",
            "service",
            "journalctl",
            "firewall-cmd",
            "iptables",
            "ip6tables",
            "nft",
            "ufw",
            "yum",
            "dnf",
            "apt",
            "apt-get",
            "apk",
            "zypper",
            "rpm",
            "dpkg",
            "vi",
            "vim",
            "nano",
            "cat",
            "less",
            "more",
            "head",
            "tail",
            "echo",
            "chmod",
            "chown",
            "mkdir",
            "rm",
            "cp",
            "mv",
            "cd",
            "ls",
            "export",
            "source",
            "reboot",
            "shutdown",
            "kill",
            "ssh",
            "scp",
            "sftp",
            "su",
            "setenforce",
            "getenforce",
            "sysctl",
            "traceroute",
            "tracepath",
            "mtr",
            "wget",
            "openssl",
            "hostname",
            "whoami",
            "date",
            "crontab",
            // network tools Probebook has no probe for (yet)
            "lsof",
            "iperf",
            "iperf3",
            "ethtool",
            "nmcli",
            "resolvectl",
            "conntrack",
            // Windows and macOS
            "ipconfig",
            "tracert",
            "pathping",
            "netsh",
            "getmac",
            "Test-NetConnection",
            "Resolve-DnsName",
            "pfctl",
            "networksetup",
            "scutil");

    /** For another system's command, the Linux command Probebook does run that answers the same question. */
    private static final Map<String, String> RUN_INSTEAD = Map.of(
            "ipconfig", "ip addr",
            "getmac", "ip link",
            "Test-NetConnection", "tcping HOST PORT",
            "Resolve-DnsName", "nslookup NAME",
            "networksetup", "ip addr",
            "tracert", "traceroute HOST",
            "pathping", "traceroute HOST",
            "tracepath", "traceroute HOST");

    /**
     * Why a line of {@code commandWord} is shown and not run: "not run: traceroute is not built in — run it in a
     * shell", naming the command Probebook runs instead where another system's tool has one.
     */
    public static String reason(String commandWord) {
        String instead = RUN_INSTEAD.get(commandWord);
        return "not run: " + commandWord + " is not built in — run it in a shell"
                + (instead == null ? "" : " (Probebook runs '" + instead + "' for the same question)");
    }

    @Override
    public String name() {
        return "none";
    }

    @Override
    public Set<String> commandWords() {
        return WORDS;
    }

    @Override
    public boolean claims(String commandWord, List<String> words) {
        // "traceroute to 10.0.0.1 (10.0.0.1), 30 hops max" is the tool's first line of output, not a command
        boolean banner = !words.isEmpty() && words.get(0).equals("to");
        return !banner && !InstallProbe.handles(commandWord, words);
    }

    @Override
    public NotRunCommand parse(String commandWord, Args args) {
        return new NotRunCommand(commandWord, args.rest());
    }

    @Override
    public ProbeResult run(NotRunCommand command, ProbeContext ctx) {
        String line = reason(command.commandWord());
        ctx.out(line);
        return new ProbeResult(Verdict.SKIPPED, line, new NotRunDetails(command.commandWord(), command.args()));
    }
}

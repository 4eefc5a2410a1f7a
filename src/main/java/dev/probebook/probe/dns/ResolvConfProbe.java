package dev.probebook.probe.dns;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code cat /etc/resolv.conf}: the file as cat prints it, and a verdict on the resolver settings in effect — the
 * name servers the system asks (and whether they are systemd-resolved's stub), the search domains and options, and
 * which servers Probebook's own DNS steps ask ({@code probebook.dns.servers} when set). Reads a local file only:
 * no query is sent.
 */
public final class ResolvConfProbe implements Probe<ResolvConfCommand> {

    static final Path SYSTEM = Path.of("/etc/resolv.conf");

    /** More than this is not a resolv.conf: shown cut, as the verdict says. */
    static final int MAX_BYTES = 64 * 1024;

    private static final Set<String> VIEWERS = Set.of("cat", "less", "more");

    private final Path file;

    public ResolvConfProbe() {
        this(SYSTEM);
    }

    /** @param file the file to read as resolv.conf (tests pass a fixture; the command still names /etc/resolv.conf) */
    ResolvConfProbe(Path file) {
        this.file = file;
    }

    @Override
    public String name() {
        return "resolver";
    }

    @Override
    public Set<String> commandWords() {
        return VIEWERS;
    }

    @Override
    public boolean claims(String word, List<String> words) {
        return words.size() == 1 && words.getFirst().equals(SYSTEM.toString());
    }

    @Override
    public ResolvConfCommand parse(String word, Args args) throws UsageException {
        args.next();
        return new ResolvConfCommand(word);
    }

    @Override
    public ProbeResult run(ResolvConfCommand cmd, ProbeContext ctx) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = new String(bytes, 0, Math.min(bytes.length, MAX_BYTES), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            ctx.out(cmd.tool() + ": " + SYSTEM + ": No such file or directory");
            return ProbeResult.fail(
                    SYSTEM + " does not exist: the system resolver has no name server and falls back to 127.0.0.1"
                            + " (nothing answers there unless a local DNS server runs)",
                    new ResolvConfDetails(
                            List.of(),
                            List.of(),
                            List.of(),
                            ctx.settings().dns().servers()));
        } catch (IOException e) {
            return ProbeResult.error("cannot read " + SYSTEM + ": " + e.getMessage());
        }
        text.lines().forEach(ctx::out);
        return judge(ResolvConf.parse(text), ctx.settings().dns().servers());
    }

    static ProbeResult judge(ResolvConf conf, List<String> probebookServers) {
        ResolvConfDetails details =
                new ResolvConfDetails(conf.nameservers(), conf.search(), conf.options(), probebookServers);
        String ours = probebookServers.isEmpty()
                ? ""
                : "; Probebook's own DNS steps ask " + String.join(", ", probebookServers)
                        + " instead (probebook.dns.servers)";
        if (conf.nameservers().isEmpty()) {
            return ProbeResult.fail(
                    "no nameserver line: the system resolver asks 127.0.0.1, where nothing answers unless a local DNS"
                            + " server runs; add 'nameserver ADDRESS'" + ours,
                    details);
        }
        List<String> said = new ArrayList<>();
        said.add("name servers " + String.join(", ", conf.nameservers()));
        if (!conf.search().isEmpty()) {
            said.add("search " + String.join(" ", conf.search()));
        }
        if (!conf.options().isEmpty()) {
            said.add("options " + String.join(" ", conf.options()));
        }
        String summary = String.join("; ", said);
        if (conf.nameservers().size() > ResolvConf.MAX_NAMESERVERS) {
            return ProbeResult.warn(
                    summary + ". Only the first " + ResolvConf.MAX_NAMESERVERS + " are ever asked: "
                            + String.join(
                                    ", ",
                                    conf.nameservers()
                                            .subList(
                                                    ResolvConf.MAX_NAMESERVERS,
                                                    conf.nameservers().size()))
                            + " never are" + ours,
                    details);
        }
        if (conf.resolvedStub()) {
            return ProbeResult.ok(
                    summary + ". " + conf.nameservers().getFirst() + " is systemd-resolved's local stub: the servers it"
                            + " forwards to are in 'resolvectl status'" + ours,
                    details);
        }
        return ProbeResult.ok(summary + ours, details);
    }
}

package dev.probebook.probe.whois;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.net.ConnectOutcome;
import dev.probebook.net.NameResolver;
import dev.probebook.net.TcpConnector;
import dev.probebook.policy.PolicyDeniedException;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import dev.probebook.settings.SettingsSection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code whois QUERY}: asks IANA's server which registry holds the name or address, asks that registry, and follows
 * a thin registry's pointer to the registrar's server and ARIN's referral to another registry, as Debian's whois
 * does; {@code whois -h SERVER} asks that server (and follows only ARIN-style referrals). Prints the answers as they
 * come ({@code Found a referral to ...} between them), and says whether the name is registered, until when, by whom
 * and with which name servers, or who holds the address block.
 *
 * <p>Every server asked is a target: it is resolved with the configured resolver and checked against the target
 * policy. Each exchange waits at most {@code probebook.whois.timeout} (within the run's deadline); an answer is read
 * up to {@link #MAX_ANSWER} bytes.
 */
public final class WhoisProbe implements Probe<WhoisCommand> {

    static final int MAX_HOPS = 4;
    static final int MAX_ANSWER = 1 << 20;

    @Override
    public String name() {
        return "whois";
    }

    @Override
    public Set<String> commandWords() {
        return Set.of("whois");
    }

    @Override
    public WhoisCommand parse(String commandWord, Args args) throws UsageException {
        return WhoisParser.parse(args);
    }

    @Override
    public List<SettingsSection<?>> settings() {
        return List.of(WhoisSettings.SECTION);
    }

    /** One server's reply, or why there is none. */
    sealed interface Exchange {
        record Answered(WhoisAnswer answer) implements Exchange {}

        record Unreachable(String server, int port, String reason, ConnectOutcome outcome) implements Exchange {}
    }

    @Override
    public ProbeResult run(WhoisCommand cmd, ProbeContext ctx) throws InterruptedException {
        WhoisSettings settings = ctx.settings().section(WhoisSettings.SECTION);
        boolean chosen = cmd.server() == null;
        String server = chosen ? settings.server() : cmd.server();
        int port = cmd.port() > 0 ? cmd.port() : settings.port();
        List<String> asked = new ArrayList<>();
        List<WhoisAnswer> answers = new ArrayList<>();
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            if (cmd.verbose()) {
                ctx.out("Using server " + server + ".");
                ctx.out("Query string: \"" + cmd.wire() + "\"");
                ctx.out("");
            }
            asked.add(port == settings.port() ? server : server + ":" + port);
            Exchange exchange;
            try {
                exchange = ask(ctx, server, port, cmd.wire(), settings.timeout());
            } catch (PolicyDeniedException e) {
                return ProbeResult.error(e.getMessage());
            }
            if (exchange instanceof Exchange.Unreachable u) {
                ctx.out(u.reason());
                return WhoisVerdict.unreachable(cmd, u, asked, answers);
            }
            WhoisAnswer answer = ((Exchange.Answered) exchange).answer();
            answers.add(answer);
            Optional<WhoisAnswer.Referral> iana = hop == 0 && chosen ? answer.ianaReferral() : Optional.empty();
            if (iana.isPresent()) { // IANA only says which registry to ask: its answer is not shown
                server = iana.get().host();
                port = settings.port();
                continue;
            }
            answer.lines().forEach(ctx::out);
            Optional<WhoisAnswer.Referral> onward = answer.onwardReferral();
            if (onward.isEmpty() || hop == MAX_HOPS - 1) {
                break;
            }
            WhoisAnswer.Referral next = onward.get();
            int nextPort = next.port() > 0 ? next.port() : settings.port();
            if (next.announced()) {
                ctx.out("");
                ctx.out("");
                ctx.out("Found a referral to " + next.host() + (next.port() > 0 ? ":" + next.port() : "") + ".");
                ctx.out("");
            }
            server = next.host();
            port = nextPort;
        }
        return WhoisVerdict.of(cmd, asked, answers);
    }

    private static Exchange ask(ProbeContext ctx, String server, int port, String query, Duration timeout)
            throws InterruptedException, PolicyDeniedException {
        InetAddress address;
        try {
            address = NameResolver.of(ctx).resolve(server).addresses().getFirst();
        } catch (UnknownHostException e) {
            return new Exchange.Unreachable(
                    server, port, "getaddrinfo(" + server + "): Name or service not known", null);
        }
        try (Socket socket = new Socket()) {
            ConnectOutcome outcome = TcpConnector.connect(ctx, server, socket, address, port, timeout);
            if (!(outcome instanceof ConnectOutcome.Open)) {
                String reason = switch (outcome) {
                    case ConnectOutcome.Refused r -> "Connection refused";
                    case ConnectOutcome.TimedOut t -> "Connection timed out";
                    case ConnectOutcome.Failed f -> f.message();
                    case ConnectOutcome.Open o -> throw new IllegalStateException();
                };
                return new Exchange.Unreachable(server, port, "connect: " + reason, outcome);
            }
            socket.setSoTimeout((int) Math.max(1, ctx.clamp(timeout).toMillis()));
            socket.getOutputStream().write((query + "\r\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new Exchange.Answered(new WhoisAnswer(server, WhoisAnswer.lines(readAll(socket.getInputStream()))));
        } catch (SocketTimeoutException e) {
            return new Exchange.Unreachable(server, port, "Timeout.", null);
        } catch (IOException e) {
            if (ctx.cancelled()) {
                throw new InterruptedException("stopped");
            }
            return new Exchange.Unreachable(server, port, "read: " + e.getMessage(), null);
        }
    }

    /** The whole answer (the server closes when done), at most {@link #MAX_ANSWER} bytes. */
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0 && out.size() < MAX_ANSWER) {
            out.write(buf, 0, Math.min(n, MAX_ANSWER - out.size()));
        }
        return out.toByteArray();
    }
}

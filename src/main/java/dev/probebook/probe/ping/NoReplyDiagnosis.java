package dev.probebook.probe.ping;

import dev.probebook.net.ConnectOutcome;
import java.time.Duration;
import java.util.List;

/**
 * What 100% packet loss means: many servers and firewalls drop ICMP echo while the host is up. After
 * the loss ping tries quick TCP connects to common ports; an open port or a refusal (RST) proves the
 * host is alive, so ICMP is what is blocked. Silence on all of them leaves "down or fully filtered".
 */
sealed interface NoReplyDiagnosis {

    /** Ports tried, most likely to answer on a server first. */
    List<Integer> PORTS = List.of(443, 80, 22);

    /** Short on purpose: a live host on the path answers a SYN within this on any sane network. */
    Duration TIMEOUT = Duration.ofMillis(300);

    /** The host answered a SYN on {@code port}: with a handshake ({@code open}) or a refusal. */
    record TcpAnswered(int port, boolean open) implements NoReplyDiagnosis {}

    /** No TCP answer on any port tried. */
    record Silent(List<Integer> portsTried) implements NoReplyDiagnosis {
        public Silent {
            portsTried = List.copyOf(portsTried);
        }
    }

    /** Not checked: the run was stopped, time ran out, or policy forbade the connects. */
    record NotChecked() implements NoReplyDiagnosis {}

    /** One TCP connect made for the diagnosis. */
    record PortOutcome(int port, ConnectOutcome outcome) {}

    /** Decides from the connects made, in order; the first port that answered wins. */
    static NoReplyDiagnosis of(List<PortOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return new NotChecked();
        }
        for (PortOutcome o : outcomes) {
            if (o.outcome() instanceof ConnectOutcome.Open) {
                return new TcpAnswered(o.port(), true);
            }
            if (o.outcome() instanceof ConnectOutcome.Refused) {
                return new TcpAnswered(o.port(), false);
            }
        }
        return new Silent(outcomes.stream().map(PortOutcome::port).toList());
    }
}

package dev.probebook.probe.tcp;

import dev.probebook.net.ConnectAttempt;
import dev.probebook.probe.ProbeDetails;
import java.util.List;

/** Structured result of a TCP check: every attempt with its outcome and time, and any banner read. */
public record TcpDetails(String host, List<ConnectAttempt> attempts, List<String> banner) implements ProbeDetails {

    public TcpDetails {
        attempts = List.copyOf(attempts);
        banner = List.copyOf(banner);
    }
}

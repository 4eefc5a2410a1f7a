package dev.probebook.probe.tcp;

import dev.probebook.probe.ProbeDetails;
import java.util.List;

/** Structured result of a TCP check: every attempt with its outcome and time, and any banner read. */
public record TcpDetails(String host, List<Attempt> attempts, List<String> banner) implements ProbeDetails {

    /** One connect: {@code outcome} is {@code open}, {@code refused}, {@code timeout} or {@code failed}. */
    public record Attempt(String address, int port, String outcome, double millis, String message) {}

    public TcpDetails {
        attempts = List.copyOf(attempts);
        banner = List.copyOf(banner);
    }
}

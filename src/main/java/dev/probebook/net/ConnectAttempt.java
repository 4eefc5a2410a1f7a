package dev.probebook.net;

/**
 * One TCP connect as a structured result: {@code outcome} is {@code open}, {@code refused}, {@code timeout} or
 * {@code failed}, {@code message} the system's words for a failure. Shared by the TCP tools and by ping, which
 * makes TCP connects of its own to tell "ICMP blocked" from "host down".
 */
public record ConnectAttempt(String address, int port, String outcome, double millis, String message) {

    /** The attempt that {@code o} describes, with its time rounded to microseconds. */
    public static ConnectAttempt of(ConnectOutcome o, int port) {
        String outcome = switch (o) {
            case ConnectOutcome.Open x -> "open";
            case ConnectOutcome.Refused x -> "refused";
            case ConnectOutcome.TimedOut x -> "timeout";
            case ConnectOutcome.Failed x -> "failed";
        };
        String message = o instanceof ConnectOutcome.Failed f ? f.message() : null;
        return new ConnectAttempt(
                o.address().getHostAddress(), port, outcome, Math.round(o.millis() * 1000) / 1000.0, message);
    }
}

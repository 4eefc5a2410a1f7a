package dev.probebook.net;

/**
 * What a TCP connect's outcome means, in the runbook's words, one wording for every tool that connects (tcping,
 * telnet, nc, nmap, openssl s_client): open is a listener and an allowed path; refused is no listener or a REJECT
 * rule; no answer is a SYN dropped on the way or a host that is down.
 */
public final class ConnectSummaries {

    private ConnectSummaries() {}

    /** The summary for {@code o} (null: no attempt was made) to {@code host} port {@code port}. */
    public static String of(ConnectOutcome o, String host, int port) {
        String where = host + " port " + port;
        return switch (o) {
            case ConnectOutcome.Open open ->
                "port " + port + " on " + host + " is open: something listens and the path is allowed";
            case ConnectOutcome.Refused r ->
                "connection refused by " + where + ": nothing listens on that port, or a firewall rejects it."
                        + " Check the service (ss -tlnp) and allow the port in the firewall";
            case ConnectOutcome.TimedOut t ->
                "no answer from " + where + " within " + Math.round(t.millis()) + " ms"
                        + (t.runLimit() ? ", when the run's time limit (probebook.probe-timeout) ended the wait" : "")
                        + ": the SYN was dropped on the way (firewall, security group, VIP) or the host is down";
            case ConnectOutcome.Failed f ->
                "cannot connect to " + where + ": " + f.message() + " (routing or network problem on this side)";
            case null -> "no connection attempt to " + where;
        };
    }
}

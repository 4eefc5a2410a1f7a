package dev.probebook.probe.ping;

import dev.probebook.net.IcmpMessage;
import dev.probebook.net.IcmpSocket;
import java.util.List;

/**
 * What an echo session ended with. {@code inFlight}: requests still within their reply window when the
 * run was stopped (not counted as lost for the verdict, though ping's statistics count them).
 */
record EchoRun(
        IcmpSocket.Kind socket,
        PingStatistics stats,
        List<PingDetails.Reply> replies,
        List<IcmpMessage.ErrorReport> errors,
        boolean stopped,
        int inFlight,
        long elapsedMillis) {

    EchoRun {
        replies = List.copyOf(replies);
        errors = List.copyOf(errors);
    }

    /** Requests lost for the verdict: unanswered, excluding those cut short by a stop. */
    int lost() {
        return Math.max(0, stats.transmitted() - stats.received() - inFlight);
    }
}

package dev.probebook.probe.dns;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines all three tools print about the transport, before any answer: servers that failed, a
 * truncated reply retried over TCP (once per run, as the tools say it), and the final line when no
 * server answered. One instance per printed run; not thread-safe.
 */
final class TransportLines {

    private final boolean announceTruncation;
    private boolean truncationShown;

    /** @param announceTruncation whether the tool says it retried over TCP (nslookup and dig do, host does not) */
    TransportLines(boolean announceTruncation) {
        this.announceTruncation = announceTruncation;
    }

    /** {@code ;; communications error to ...} for each server that failed before the last attempt (or all, when none answered). */
    List<String> before(QueryOutcome o) {
        List<String> lines = new ArrayList<>();
        boolean answered = o.reply().isPresent();
        boolean several = o.attempts().size() > 1;
        for (QueryOutcome.Attempt a : o.attempts()) {
            if (a.exchange() instanceof Exchange.NoReply n) {
                // A lone timeout is reported by the final line alone, as BIND 9.11-9.16 tools do.
                if (n.failure() != Exchange.Failure.TIMEOUT || several || answered) {
                    lines.add(";; communications error to " + a.server().hashPort() + ": " + n.message());
                }
            }
        }
        if (announceTruncation
                && !truncationShown
                && o.reply().filter(Exchange.Reply::truncatedRetry).isPresent()) {
            lines.add(";; Truncated, retrying in TCP mode.");
            truncationShown = true;
        }
        return lines;
    }

    /** The last line when no server answered. */
    static String noServers(QueryOutcome o) {
        boolean allTimeouts = o.attempts().stream()
                .allMatch(a -> a.exchange() instanceof Exchange.NoReply n && n.failure() == Exchange.Failure.TIMEOUT);
        return allTimeouts ? ";; connection timed out; no servers could be reached" : ";; no servers could be reached";
    }
}

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

    /**
     * {@code ;; communications error to ...} for each unanswered send to each server, as BIND 9.18's tools print it (a
     * silent server: one line per try, then {@link #noServers}).
     */
    List<String> before(QueryOutcome o) {
        List<String> lines = new ArrayList<>();
        for (QueryOutcome.Attempt a : o.attempts()) {
            if (a.exchange() instanceof Exchange.NoReply n) {
                int times = n.failure() == Exchange.Failure.TIMEOUT ? n.sends() : 1;
                for (int i = 0; i < times; i++) {
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

    /** The last line when no server answered (BIND 9.18; 9.16 said "connection timed out; no servers could be reached"). */
    static String noServers(QueryOutcome o) {
        return ";; no servers could be reached";
    }
}

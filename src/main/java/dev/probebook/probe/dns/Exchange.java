package dev.probebook.probe.dns;

import org.xbill.DNS.Message;

/** What came back from one server for one query. */
sealed interface Exchange {

    /**
     * A reply. {@code bytes} is its size on the wire (dig's MSG SIZE), {@code millis} the time from the last
     * send to the reply (dig's Query time); {@code truncatedRetry} says a UDP reply had TC set and the
     * answer came over TCP.
     */
    record Reply(Message message, int bytes, long millis, boolean tcp, boolean truncatedRetry) implements Exchange {}

    /** No usable reply: the server stayed silent, its port was closed, or the reply did not parse. */
    /** {@code sends}: how many times the query went out unanswered (each is one line in BIND 9.18's tools). */
    record NoReply(Failure failure, String message, long millis, int sends) implements Exchange {
        NoReply(Failure failure, String message, long millis) {
            this(failure, message, millis, 1);
        }
    }

    enum Failure {
        /** Nothing came back within the timeout: a dead server or a firewall dropping UDP/TCP 53. */
        TIMEOUT,
        /** ICMP port unreachable or TCP RST: nothing listens on that address and port. */
        REFUSED,
        /** A network error or a reply that is not DNS. */
        ERROR
    }
}

package dev.probebook.probe.dns;

import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;

/**
 * One question ({@code qname}, {@code type}) and how it went: one attempt per server tried, in order; the
 * last attempt is the reply or the last failure.
 */
record QueryOutcome(Name qname, int type, List<Attempt> attempts) {

    /** One server asked, and what came back. */
    record Attempt(DnsServer server, Exchange exchange) {}

    QueryOutcome {
        attempts = List.copyOf(attempts);
    }

    Attempt last() {
        return attempts.get(attempts.size() - 1);
    }

    DnsServer server() {
        return last().server();
    }

    Optional<Exchange.Reply> reply() {
        return last().exchange() instanceof Exchange.Reply r ? Optional.of(r) : Optional.empty();
    }

    Optional<Message> message() {
        return reply().map(Exchange.Reply::message);
    }

    /** The reply's rcode, or -1 when no server answered. */
    int rcode() {
        return message().map(Message::getRcode).orElse(-1);
    }

    boolean noError() {
        return rcode() == Rcode.NOERROR;
    }

    AnswerChain chain() {
        return message().map(m -> AnswerChain.of(m, qname, type)).orElse(AnswerChain.EMPTY);
    }
}

package dev.probebook.probe.whois;

import dev.probebook.command.HostSyntax;
import dev.probebook.net.AddressClass;
import dev.probebook.net.ConnectOutcome;
import dev.probebook.probe.ProbeResult;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What a whois run means for an operator: a name that is not registered cannot resolve anywhere; one that expired
 * or expires within {@link #RENEW_WITHIN_DAYS} days is about to stop resolving; an address block is named with its
 * holder; and a server that cannot be reached usually means outbound TCP 43 is closed, which says nothing about
 * the name.
 */
final class WhoisVerdict {

    static final int RENEW_WITHIN_DAYS = 30;

    private WhoisVerdict() {}

    static ProbeResult unreachable(
            WhoisCommand cmd, WhoisProbe.Exchange.Unreachable u, List<String> asked, List<WhoisAnswer> answers) {
        String where = u.server() + " port " + u.port();
        String why = switch (u.outcome()) {
            case ConnectOutcome.Refused r -> "the connection was refused";
            case ConnectOutcome.TimedOut t -> "no answer to the connect";
            case ConnectOutcome.Failed f -> f.message();
            case null -> u.reason().startsWith("getaddrinfo") ? "the name does not resolve here" : u.reason();
            case ConnectOutcome.Open o -> throw new IllegalStateException();
        };
        String summary = "cannot ask " + where + " (" + why + "): whois needs outbound TCP " + u.port()
                + ", often closed in server networks. This says nothing about " + cmd.query()
                + "; ask from a machine with internet access, or use the registry's web page";
        return ProbeResult.fail(summary, details(cmd, asked, answers, why));
    }

    static ProbeResult of(WhoisCommand cmd, List<String> asked, List<WhoisAnswer> answers) {
        WhoisAnswer last = answers.getLast();
        String server = last.server();
        WhoisDetails details = details(cmd, asked, answers, null);
        if (!details.found()) {
            if (last.rateLimited()) {
                return ProbeResult.warn(
                        server + " refused the query: too many queries from this address. Wait a while and ask again",
                        details);
            }
            return ProbeResult.fail(
                    cmd.query() + " is not registered: " + server + " has no record of it. Check the spelling; a name"
                            + " nobody registered resolves nowhere",
                    details);
        }
        if (HostSyntax.isIpLiteral(cmd.wire())) {
            return ProbeResult.ok(addressSummary(cmd.wire(), details), details);
        }
        if (details.registrar() == null
                && details.expiry() == null
                && details.nameServers().isEmpty()) {
            return ProbeResult.ok(
                    server + " answered for " + cmd.query() + " ("
                            + last.lines().size() + " lines): the record is" + " above",
                    details);
        }
        StringBuilder s = new StringBuilder(cmd.query()).append(" is registered");
        if (details.registrar() != null) {
            s.append(" with ").append(details.registrar());
        }
        Long days = details.daysLeft();
        String date =
                WhoisAnswer.date(details.expiry()).map(LocalDate::toString).orElse(details.expiry());
        if (days != null && days < 0) {
            return ProbeResult.fail(
                    cmd.query() + " expired on " + date + " (" + -days + " day(s) ago): the registrar may stop"
                            + " resolving it or release it. Renew it now",
                    details);
        }
        if (date != null) {
            s.append(" until ").append(date);
            if (days != null) {
                s.append(" (").append(days).append(" day(s) left)");
            }
        }
        if (!details.nameServers().isEmpty()) {
            s.append("; name servers: ").append(String.join(", ", details.nameServers()));
        }
        if (days != null && days <= RENEW_WITHIN_DAYS) {
            return ProbeResult.warn(
                    s + ". It expires in " + days + " day(s): renew the registration before it stops resolving",
                    details);
        }
        return ProbeResult.ok(s.toString(), details);
    }

    private static String addressSummary(String query, WhoisDetails d) {
        StringBuilder s = new StringBuilder(query);
        s.append(d.network() != null ? " is in " + d.network() : " is listed");
        if (d.range() != null) {
            s.append(" (").append(d.range()).append(")");
        }
        if (d.holder() != null) {
            s.append(", held by ").append(d.holder());
        }
        if (d.country() != null) {
            s.append(", country ").append(d.country());
        }
        AddressClass kind = classOf(query);
        if (kind != null && kind != AddressClass.PUBLIC) {
            s.append(". It is a ")
                    .append(kind.label())
                    .append(" address: it belongs to a network of your own, and whois only says the range is"
                            + " reserved");
        }
        return s.toString();
    }

    private static AddressClass classOf(String literal) {
        try {
            return AddressClass.of(InetAddress.getByName(literal).getAddress()); // a literal: no lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static WhoisDetails details(WhoisCommand cmd, List<String> asked, List<WhoisAnswer> answers, String error) {
        if (answers.isEmpty()) {
            return new WhoisDetails(
                    cmd.query(), asked, false, null, null, null, List.of(), null, null, null, null, error);
        }
        WhoisAnswer last = answers.getLast();
        List<WhoisAnswer> newestFirst = new ArrayList<>(answers);
        java.util.Collections.reverse(newestFirst);
        String registrar = firstOf(newestFirst, WhoisAnswer::registrar);
        String expiry = firstOf(newestFirst, WhoisAnswer::expiry);
        Long days = WhoisAnswer.date(expiry)
                .map(d -> ChronoUnit.DAYS.between(LocalDate.now(ZoneOffset.UTC), d))
                .orElse(null);
        List<String> ns = newestFirst.stream()
                .map(WhoisAnswer::nameServers)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse(List.of());
        boolean found = !last.notFound() && !last.rateLimited();
        return new WhoisDetails(
                cmd.query(),
                asked,
                found,
                registrar,
                expiry,
                days,
                ns,
                firstOf(newestFirst, WhoisAnswer::network),
                firstOf(newestFirst, WhoisAnswer::range),
                firstOf(newestFirst, WhoisAnswer::holder),
                firstOf(newestFirst, WhoisAnswer::country),
                error);
    }

    private static String firstOf(List<WhoisAnswer> answers, java.util.function.Function<WhoisAnswer, String> field) {
        for (WhoisAnswer a : answers) {
            String v = field.apply(a);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}

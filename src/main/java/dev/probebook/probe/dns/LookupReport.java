package dev.probebook.probe.dns;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Everything a lookup produced, shared by the tool printers and the verdict. */
record LookupReport(
        DnsCommand cmd,
        Name qname,
        List<DnsServer> servers,
        List<QueryOutcome> outcomes,
        DnsDetails.HostsOverride hosts,
        String serversFrom) {

    LookupReport {
        servers = List.copyOf(servers);
        outcomes = List.copyOf(outcomes);
    }

    QueryOutcome last() {
        return outcomes.get(outcomes.size() - 1);
    }

    /** The outcomes the verdict weighs: host's default MX question is extra information, not the point. */
    List<QueryOutcome> decisive() {
        if (hostsDefaultMx()) {
            return outcomes.stream().filter(o -> o.type() != Type.MX).toList();
        }
        return outcomes;
    }

    /** The records of the asked types at the end of each question's CNAME chain. */
    List<Record> found() {
        List<Record> found = new ArrayList<>();
        for (QueryOutcome o : decisive()) {
            found.addAll(o.chain().records());
        }
        return found;
    }

    /** The A/AAAA addresses DNS gave, in answer order, without duplicates. */
    static List<String> addresses(List<QueryOutcome> outcomes) {
        Set<String> out = new LinkedHashSet<>();
        for (QueryOutcome o : outcomes) {
            for (Record r : o.chain().records()) {
                String a = RecordText.address(r);
                if (a != null) {
                    out.add(a);
                }
            }
        }
        return List.copyOf(out);
    }

    /** The first alias chain seen (the same for every type of one name). */
    AnswerChain chain() {
        for (QueryOutcome o : outcomes) {
            AnswerChain c = o.chain();
            if (!c.aliases().isEmpty()) {
                return c;
            }
        }
        return outcomes.isEmpty() ? AnswerChain.EMPTY : outcomes.get(0).chain();
    }

    /** Every answer record received, each once. */
    List<Record> answerRecords() {
        Set<Record> all = new LinkedHashSet<>();
        for (QueryOutcome o : outcomes) {
            o.message().ifPresent(m -> all.addAll(m.getSection(Section.ANSWER)));
        }
        return List.copyOf(all);
    }

    /** What the question asked for, in words ({@code A/AAAA}, {@code MX}). */
    String typeLabel() {
        return String.join(
                "/",
                cmd.types().stream()
                        .filter(t -> !(hostsDefaultMx() && t == Type.MX))
                        .map(Type::string)
                        .toList());
    }

    private boolean hostsDefaultMx() {
        return cmd.tool() == DnsCommand.Tool.HOST && cmd.defaultTypes() && !cmd.reverse();
    }
}

package dev.probebook.probe.dns;

import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The answer to one question read the way a resolver's client reads it: the CNAME chain from the asked
 * name ({@code www -> web -> lb}) and the records of the asked type at its end.
 */
record AnswerChain(List<CNAMERecord> aliases, List<Record> records) {

    static final AnswerChain EMPTY = new AnswerChain(List.of(), List.of());

    /** CNAME chains longer than this are treated as loops. */
    private static final int MAX_ALIASES = 16;

    AnswerChain {
        aliases = List.copyOf(aliases);
        records = List.copyOf(records);
    }

    static AnswerChain of(Message reply, Name qname, int type) {
        List<Record> answer = reply.getSection(Section.ANSWER);
        List<CNAMERecord> aliases = new ArrayList<>();
        Name current = qname;
        if (type != Type.CNAME && type != Type.ANY) {
            for (int hop = 0; hop < MAX_ALIASES; hop++) {
                CNAMERecord next = null;
                for (Record r : answer) {
                    if (r instanceof CNAMERecord c && c.getName().equals(current)) {
                        next = c;
                        break;
                    }
                }
                if (next == null) {
                    break;
                }
                aliases.add(next);
                current = next.getTarget();
            }
        }
        List<Record> records = new ArrayList<>();
        for (Record r : answer) {
            if (r.getName().equals(current) && (type == Type.ANY || r.getType() == type)) {
                records.add(r);
            }
        }
        return new AnswerChain(aliases, records);
    }

    /** The name the chain ends at (the asked name when there is no alias). */
    Name target(Name qname) {
        return aliases.isEmpty() ? qname : aliases.get(aliases.size() - 1).getTarget();
    }
}

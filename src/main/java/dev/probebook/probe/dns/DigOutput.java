package dev.probebook.probe.dns;

import dev.probebook.probe.ProbeContext;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * dig's output (BIND 9): banner, header and flags, OPT pseudosection, question/answer/authority/additional
 * sections in master-file columns, and the statistics ({@code ;; Query time}, {@code ;; SERVER},
 * {@code ;; WHEN}, {@code ;; MSG SIZE  rcvd}); {@code +short} prints the answer's record data only.
 */
final class DigOutput {

    /** What the banner calls the program: dig's format, Probebook's implementation. */
    static final String VERSION = "9.18-probebook";

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US);
    private static final int[] FLAG_ORDER = {Flags.QR, Flags.AA, Flags.TC, Flags.RD, Flags.RA, Flags.AD, Flags.CD};

    private DigOutput() {}

    static void print(LookupReport rep, ProbeContext ctx) {
        DnsCommand cmd = rep.cmd();
        TransportLines transport = new TransportLines(true);
        DigDisplay d = cmd.display();
        QueryOutcome o = rep.last();
        transport.before(o).forEach(ctx::out);
        if (d.shortForm()) {
            if (o.reply().isEmpty()) {
                ctx.out(TransportLines.noServers(o));
                return;
            }
            o.message().orElseThrow().getSection(Section.ANSWER).forEach(r -> ctx.out(RecordText.rdata(r)));
            return;
        }
        if (d.cmd()) {
            ctx.out("");
            ctx.out("; <<>> DiG " + VERSION + " <<>> " + String.join(" ", cmd.words()));
            if (cmd.server() != null) {
                int n = rep.servers().size();
                ctx.out("; (" + n + " server" + (n == 1 ? "" : "s") + " found)");
            }
            ctx.out(";; global options: +cmd");
        }
        if (o.reply().isEmpty()) {
            ctx.out(TransportLines.noServers(o));
            return;
        }
        Exchange.Reply reply = o.reply().orElseThrow();
        Message m = reply.message();
        if (d.comments()) {
            ctx.out(";; Got answer:");
            ctx.out(";; ->>HEADER<<- opcode: " + Opcode.string(m.getHeader().getOpcode()) + ", status: "
                    + Rcode.string(m.getRcode()) + ", id: " + m.getHeader().getID());
            ctx.out(";; flags: " + flags(m) + "; QUERY: " + m.getHeader().getCount(Section.QUESTION)
                    + ", ANSWER: " + m.getHeader().getCount(Section.ANSWER)
                    + ", AUTHORITY: " + m.getHeader().getCount(Section.AUTHORITY)
                    + ", ADDITIONAL: " + m.getHeader().getCount(Section.ADDITIONAL));
            ctx.out("");
            OPTRecord opt = m.getOPT();
            if (opt != null) {
                ctx.out(";; OPT PSEUDOSECTION:");
                boolean dnssecOk = (opt.getFlags() & Flags.DO) != 0;
                ctx.out("; EDNS: version: " + opt.getVersion() + ", flags:" + (dnssecOk ? " do" : "") + "; udp: "
                        + opt.getPayloadSize());
            }
        }
        if (d.question()) {
            if (d.comments()) {
                ctx.out(";; QUESTION SECTION:");
            }
            m.getSection(Section.QUESTION).forEach(q -> ctx.out(DigColumns.question(q)));
            if (d.comments()) {
                ctx.out("");
            }
        }
        section(ctx, d, d.answer(), "ANSWER", m.getSection(Section.ANSWER));
        section(ctx, d, d.authority(), "AUTHORITY", m.getSection(Section.AUTHORITY));
        List<Record> additional = new ArrayList<>(m.getSection(Section.ADDITIONAL));
        additional.removeIf(r -> r.getType() == Type.OPT);
        section(ctx, d, d.additional(), "ADDITIONAL", additional);
        if (d.stats()) {
            DnsServer s = o.server();
            ctx.out(";; Query time: " + reply.millis() + " msec");
            ctx.out(";; SERVER: " + s.hashPort() + "(" + s.label() + ") (" + (reply.tcp() ? "TCP" : "UDP") + ")");
            ctx.out(";; WHEN: " + WHEN.format(ZonedDateTime.now()));
            ctx.out(";; MSG SIZE  rcvd: " + reply.bytes());
            ctx.out("");
        }
    }

    private static void section(ProbeContext ctx, DigDisplay d, boolean shown, String title, List<Record> records) {
        if (!shown || records.isEmpty()) {
            return;
        }
        if (d.comments()) {
            ctx.out(";; " + title + " SECTION:");
        }
        records.forEach(r -> ctx.out(DigColumns.record(r)));
        if (d.comments()) {
            ctx.out("");
        }
    }

    private static String flags(Message m) {
        List<String> on = new ArrayList<>();
        for (int f : FLAG_ORDER) {
            if (m.getHeader().getFlag(f)) {
                on.add(Flags.string(f));
            }
        }
        return String.join(" ", on);
    }
}

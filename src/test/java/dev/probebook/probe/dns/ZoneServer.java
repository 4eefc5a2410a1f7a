package dev.probebook.probe.dns;

import static dev.probebook.testing.DnsResponder.name;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/**
 * An authoritative server for one zone on a loopback address and port of the test's choosing (UDP only), for
 * {@code dig +trace} tests: several of them on 127.0.0.2, .3, ... with one port stand for the root, a top-level zone
 * and a company's zone. Answers as a name server without recursion does: a name below a delegated child zone gets a
 * referral (the child's NS records, with glue for names it holds), a name it has gets its records with AA set, a name
 * it has without the asked type gets NOERROR with the zone's SOA, any other name NXDOMAIN with the SOA.
 */
final class ZoneServer implements AutoCloseable {

    private static final long TTL = 3600;

    private final Name origin;
    private final DatagramSocket udp;
    private final List<Record> records = new CopyOnWriteArrayList<>();

    ZoneServer(String address, int port, String origin) throws IOException {
        this.origin = name(origin);
        this.udp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), port));
        Thread.ofVirtual().name("zone-" + origin).start(this::serve);
    }

    ZoneServer a(String owner, String address) throws IOException {
        records.add(new ARecord(name(owner), DClass.IN, TTL, InetAddress.getByName(address)));
        return this;
    }

    /** An NS record: for the zone's own name it lists the zone's servers, for a name below it delegates. */
    ZoneServer ns(String owner, String server) {
        records.add(new NSRecord(name(owner), DClass.IN, TTL * 48, name(server)));
        return this;
    }

    private void serve() {
        byte[] buf = new byte[65535];
        while (!udp.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                udp.receive(packet);
                Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                byte[] reply = answer(query).toWire();
                udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (IOException e) {
                if (udp.isClosed()) {
                    return;
                }
            }
        }
    }

    private Message answer(Message query) {
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        Record question = query.getQuestion();
        reply.addRecord(question, Section.QUESTION);
        if (query.getOPT() != null) {
            reply.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        }
        Name qname = question.getName();
        for (Record r : records) { // a delegation to a child zone (NS below the origin) wins
            if (r instanceof NSRecord && !r.getName().equals(origin) && qname.subdomain(r.getName())) {
                List<Record> cut = records.stream()
                        .filter(n -> n instanceof NSRecord && n.getName().equals(r.getName()))
                        .toList();
                cut.forEach(n -> reply.addRecord(n, Section.AUTHORITY));
                for (Record n : cut) {
                    records.stream()
                            .filter(g -> g instanceof ARecord && g.getName().equals(((NSRecord) n).getTarget()))
                            .forEach(g -> reply.addRecord(g, Section.ADDITIONAL));
                }
                return reply;
            }
        }
        reply.getHeader().setFlag(Flags.AA);
        List<Record> named = new ArrayList<>(
                records.stream().filter(r -> r.getName().equals(qname)).toList());
        List<Record> asked =
                named.stream().filter(r -> r.getType() == question.getType()).toList();
        if (!asked.isEmpty()) {
            asked.forEach(r -> reply.addRecord(r, Section.ANSWER));
            return reply;
        }
        if (named.isEmpty()) {
            reply.getHeader().setRcode(Rcode.NXDOMAIN);
        }
        reply.addRecord(
                new SOARecord(
                        origin,
                        DClass.IN,
                        TTL,
                        name("ns." + origin),
                        name("admin." + origin),
                        1,
                        3600,
                        600,
                        86400,
                        300),
                Section.AUTHORITY);
        return reply;
    }

    @Override
    public void close() {
        udp.close();
    }
}

package dev.probebook.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A tiny recursive-resolver look-alike on 127.0.0.1 for DNS probe tests: UDP and TCP on the same port,
 * answering from an in-memory zone built with the fluent methods ({@link #a}, {@link #cname}, ...).
 *
 * <p>Semantics: a name with no data at all gets NXDOMAIN (with an SOA in the authority section); a name
 * with data but none of the asked type gets NOERROR with an empty answer; CNAMEs are followed (the chain
 * and the target's records are in the answer, as a recursive server returns them). Answers are not
 * authoritative (AA clear, RA set), like a resolver's. {@link #truncateOverUdp} makes UDP replies come back
 * empty with TC set so the client must retry over TCP. A {@link #silent()} responder reads queries and
 * never answers, for timeout tests; {@link #mute()} and {@link #muteAfter} make a running one stop answering
 * (a server that dies, or starts being dropped, mid-run). Threads: one for UDP, one for TCP accepts; the zone may be changed
 * while running.
 */
public final class DnsResponder implements AutoCloseable {

    private static final long TTL = 300;
    private static final Name ZONE = name("test.");

    private final boolean silent;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Map<Name, List<Record>> zone = new ConcurrentHashMap<>();
    private final Map<Name, Integer> forcedRcode = new ConcurrentHashMap<>();
    private final Set<Name> truncated = ConcurrentHashMap.newKeySet();
    /** Names whose A replies come with AA set (a zone's own server answering), the other types' without. */
    private final Set<Name> authoritativeA = ConcurrentHashMap.newKeySet();

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger udpQueries = new AtomicInteger();
    private final AtomicInteger tcpQueries = new AtomicInteger();
    private final AtomicInteger answersLeft = new AtomicInteger(Integer.MAX_VALUE);

    private DnsResponder(boolean silent) throws IOException {
        this.silent = silent;
        DatagramSocket u = null;
        ServerSocket t = null;
        for (int attempt = 0; attempt < 20 && u == null; attempt++) {
            t = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            try {
                u = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), t.getLocalPort()));
            } catch (BindException e) {
                t.close(); // UDP port taken: try another pair
            }
        }
        if (u == null) {
            throw new IOException("no free UDP+TCP port pair on 127.0.0.1");
        }
        this.udp = u;
        this.tcp = t;
        start(this::serveUdp, "dns-responder-udp");
        start(this::serveTcp, "dns-responder-tcp");
    }

    /** A responder that answers from its zone. */
    public static DnsResponder start() throws IOException {
        return new DnsResponder(false);
    }

    /** A responder that reads every query and never answers (a dropping firewall or dead server). */
    public static DnsResponder silent() throws IOException {
        return new DnsResponder(true);
    }

    /** From now on, reads every query and never answers, as {@link #silent()} does. */
    public DnsResponder mute() {
        return muteAfter(0);
    }

    /** Answers {@code answers} more queries, then goes quiet as {@link #mute()}. */
    public DnsResponder muteAfter(int answers) {
        answersLeft.set(answers);
        return this;
    }

    /** Whether this query gets an answer (counts it against {@link #muteAfter}). */
    private boolean answers() {
        return !silent && answersLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    private static void start(Runnable body, String threadName) {
        Thread th = new Thread(body, threadName);
        th.setDaemon(true);
        th.start();
    }

    public int port() {
        return udp.getLocalPort();
    }

    /** {@code 127.0.0.1:port}, the form {@code probebook.dns.servers} takes. */
    public String server() {
        return "127.0.0.1:" + port();
    }

    /** How many queries arrived over UDP and TCP. */
    public int queries() {
        return udpQueries.get() + tcpQueries.get();
    }

    public int tcpQueries() {
        return tcpQueries.get();
    }

    /** The questions received, as {@code name TYPE}, in order. */
    public List<String> questions() {
        return List.copyOf(received);
    }

    // --- zone -------------------------------------------------------------------------------------

    public DnsResponder a(String host, String... addresses) {
        for (String a : addresses) {
            add(new ARecord(name(host), DClass.IN, TTL, address(a)));
        }
        return this;
    }

    public DnsResponder aaaa(String host, String... addresses) {
        for (String a : addresses) {
            add(new AAAARecord(name(host), DClass.IN, TTL, address(a)));
        }
        return this;
    }

    public DnsResponder cname(String alias, String target) {
        add(new CNAMERecord(name(alias), DClass.IN, TTL, name(target)));
        return this;
    }

    /** A PTR for {@code ip}'s reverse name. */
    public DnsResponder ptr(String ip, String host) {
        try {
            add(new PTRRecord(ReverseMap.fromAddress(ip), DClass.IN, TTL, name(host)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
        return this;
    }

    /** Any record (MX, TXT, NS, ...). */
    public DnsResponder add(Record r) {
        zone.computeIfAbsent(r.getName(), k -> new CopyOnWriteArrayList<>()).add(r);
        return this;
    }

    /** Makes {@code host} exist with no records: queries get NOERROR and an empty answer. */
    public DnsResponder empty(String host) {
        zone.computeIfAbsent(name(host), k -> new CopyOnWriteArrayList<>());
        return this;
    }

    /** Every query for {@code host} gets this rcode (SERVFAIL, REFUSED, ...) and no records. */
    public DnsResponder rcode(String host, int rcode) {
        forcedRcode.put(name(host), rcode);
        return this;
    }

    /** UDP answers for {@code host} come back empty with TC set; TCP answers are complete. */
    /** Answers A queries for {@code host} as the zone's own server would (AA set); other types stay non-authoritative. */
    public DnsResponder authoritativeA(String host) {
        authoritativeA.add(name(host));
        return this;
    }

    public DnsResponder truncateOverUdp(String host) {
        truncated.add(name(host));
        return this;
    }

    public static Name name(String s) {
        try {
            return Name.fromString(s.endsWith(".") ? s : s + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    // --- serving ----------------------------------------------------------------------------------

    private void serveUdp() {
        byte[] buf = new byte[65535];
        while (!udp.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                udp.receive(packet);
                udpQueries.incrementAndGet();
                Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                note(query);
                if (!answers()) {
                    continue;
                }
                byte[] reply = answer(query, true).toWire();
                udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (IOException e) {
                if (udp.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try (Socket s = tcp.accept()) {
                s.setSoTimeout(5000);
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] wire = new byte[in.readUnsignedShort()];
                in.readFully(wire);
                tcpQueries.incrementAndGet();
                Message query = new Message(wire);
                note(query);
                if (!answers()) {
                    continue;
                }
                byte[] reply = answer(query, false).toWire();
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                out.writeShort(reply.length);
                out.write(reply);
                out.flush();
            } catch (IOException e) {
                if (tcp.isClosed()) {
                    return;
                }
            }
        }
    }

    private void note(Message query) {
        Record q = query.getQuestion();
        if (q != null) {
            received.add(q.getName() + " " + Type.string(q.getType()));
        }
    }

    /** Builds the reply a recursive resolver would give from this zone. */
    private Message answer(Message query, boolean overUdp) {
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.RA);
        if (query.getHeader().getFlag(Flags.RD)) {
            reply.getHeader().setFlag(Flags.RD);
        }
        Record question = query.getQuestion();
        if (question == null) {
            reply.getHeader().setRcode(Rcode.FORMERR);
            return reply;
        }
        reply.addRecord(question, Section.QUESTION);
        if (query.getOPT() != null) {
            reply.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        }
        Name qname = question.getName();
        int qtype = question.getType();
        if (qtype == Type.A && authoritativeA.contains(qname)) {
            reply.getHeader().setFlag(Flags.AA);
        }
        Integer forced = forcedRcode.get(qname);
        if (forced != null) {
            reply.getHeader().setRcode(forced);
            return reply;
        }
        if (overUdp && truncated.contains(qname)) {
            reply.getHeader().setFlag(Flags.TC);
            return reply;
        }
        Name current = qname;
        for (int hops = 0; hops < 8; hops++) {
            List<Record> data = zone.get(current);
            if (data == null) {
                reply.getHeader().setRcode(Rcode.NXDOMAIN);
                reply.addRecord(soa(), Section.AUTHORITY);
                return reply;
            }
            List<Record> matching = new ArrayList<>();
            Name alias = null;
            for (Record r : data) {
                if (r.getType() == qtype || qtype == Type.ANY) {
                    matching.add(r);
                } else if (r instanceof CNAMERecord c) {
                    reply.addRecord(c, Section.ANSWER);
                    alias = c.getTarget();
                }
            }
            if (!matching.isEmpty()) {
                matching.forEach(r -> reply.addRecord(r, Section.ANSWER));
                return reply;
            }
            if (alias == null) {
                reply.addRecord(soa(), Section.AUTHORITY);
                return reply;
            }
            current = alias;
        }
        reply.getHeader().setRcode(Rcode.SERVFAIL);
        return reply;
    }

    private static Record soa() {
        return new SOARecord(
                ZONE,
                DClass.IN,
                TTL,
                name("ns.test."),
                name("hostmaster.test."),
                2024010101L,
                7200,
                3600,
                1209600,
                300);
    }

    @Override
    public void close() throws IOException {
        udp.close();
        tcp.close();
    }
}

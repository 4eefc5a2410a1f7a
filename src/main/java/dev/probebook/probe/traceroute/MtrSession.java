package dev.probebook.probe.traceroute;

import com.sun.jna.LastErrorException;
import dev.probebook.net.Datagram;
import dev.probebook.net.EchoRequest;
import dev.probebook.net.IcmpMessage;
import dev.probebook.net.IcmpSocket;
import dev.probebook.probe.ProbeContext;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The rounds of an mtr run: each round sends one ICMP echo to every hop (TTL 1 up to the host once it answered, else
 * up to {@code -m}), then collects answers until the next round is due, {@code -i} later; answers that come late are
 * still counted for their probe. Runs on the probe's thread; the run's deadline and a stop end the rounds early with
 * what was counted.
 */
final class MtrSession {

    /** mtr's default packet: 64 bytes with the IP and ICMP headers. */
    private static final int PACKET = 64;

    private final MtrCommand cmd;
    private final ProbeContext ctx;
    private final IcmpSocket socket;
    private final InetAddress address;
    private final List<MtrHop> hops = new ArrayList<>();
    /** Probes in flight by sequence number: the hop and its probe index, and when it went out. */
    private final Map<Integer, long[]> inFlight = new HashMap<>();

    private int limit;

    MtrSession(MtrCommand cmd, ProbeContext ctx, IcmpSocket socket, InetAddress address) {
        this.cmd = cmd;
        this.ctx = ctx;
        this.socket = socket;
        this.address = address;
        this.limit = cmd.maxTtl();
    }

    /** The hops as mtr shows them: up to the host, or one past the last that answered. */
    List<MtrHop> run() throws LastErrorException {
        int id = ThreadLocalRandom.current().nextInt(1, 0xffff);
        int seq = ThreadLocalRandom.current().nextInt(0, 0x7fff);
        int dataSize = PACKET - (socket.ipv6() ? 48 : 28);
        for (int round = 0; round < cmd.cycles() && !ctx.cancelled(); round++) {
            long due = System.nanoTime() + cmd.interval().toNanos();
            for (int ttl = 1; ttl <= limit; ttl++) {
                while (hops.size() < ttl) {
                    hops.add(new MtrHop(hops.size() + 1));
                }
                socket.hops(ttl);
                seq = (seq + 1) & 0xffff;
                byte[] packet = EchoRequest.build(
                        socket.ipv6(), id, seq, dataSize, new byte[0], System.currentTimeMillis() * 1000);
                long sent = socket.sendTimed(packet, address);
                if (sent < 0) {
                    return shown(); // closed by a stop
                }
                inFlight.put(seq, new long[] {ttl, hops.get(ttl - 1).sent(), sent});
            }
            collect(id, due);
            if (ctx.remaining().compareTo(cmd.interval()) < 0) {
                break; // no time for another round within the run's limit
            }
        }
        return shown();
    }

    /** Takes answers until {@code due} (or the run's end), assigning each to its probe. */
    private void collect(int id, long due) throws LastErrorException {
        long end = Math.min(due, System.nanoTime() + ctx.remaining().toNanos());
        while (!ctx.cancelled()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            for (Datagram d : socket.receive((int) Math.max(1, left / 1_000_000))) {
                IcmpMessage m = TracerouteProbe.ours(d, socket, id);
                if (m == null) {
                    continue;
                }
                long[] probe = inFlight.remove(m.seq());
                if (probe == null) {
                    continue;
                }
                MtrHop hop = hops.get((int) probe[0] - 1);
                Hop.Answer answer = TracerouteProbe.answer(m, (d.receivedNanos() - probe[2]) / 1e6);
                hop.answered((int) probe[1], answer);
                if (answer.kind() != Hop.Kind.ROUTER) {
                    limit = Math.min(limit, hop.ttl); // the host, or a router that ends the path: no hop beyond
                }
            }
        }
    }

    private List<MtrHop> shown() {
        int last = 0;
        for (MtrHop h : hops) {
            if (h.ttl > limit) {
                break;
            }
            if (h.address() != null) {
                last = h.ttl;
            }
        }
        boolean ended =
                last > 0 && (hops.get(last - 1).reached() || hops.get(last - 1).annotation() != null);
        int shown = ended ? last : Math.min(Math.min(last + 1, limit), hops.size());
        return List.copyOf(hops.subList(0, Math.max(shown, Math.min(1, hops.size()))));
    }
}

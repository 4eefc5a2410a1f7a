package dev.probebook.probe.ping;

import com.sun.jna.LastErrorException;
import dev.probebook.command.HostSyntax;
import dev.probebook.net.AddressText;
import dev.probebook.net.Datagram;
import dev.probebook.net.EchoRequest;
import dev.probebook.net.IcmpErrors;
import dev.probebook.net.IcmpMessage;
import dev.probebook.net.IcmpSocket;
import dev.probebook.net.Libc;
import dev.probebook.probe.ProbeContext;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of echo requests over an open socket, on the probe's thread: sends on schedule, reads replies
 * and errors, prints iputils' lines, and stops like ping does — after {@code -c} requests once all are
 * answered or the last one's wait ran out, at the {@code -w} deadline, or when the run is cancelled.
 * Every wait is at most {@link #SLICE}, so cancellation and deadlines are noticed within that.
 */
final class PingSession {

    static final Duration SLICE = Duration.ofMillis(100);
    private static final int MAX_RECORDED = 1000;
    private static final AtomicInteger NEXT_ID =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(0x10000));

    private final PingCommand cmd;
    private final ProbeContext ctx;
    private final IcmpSocket socket;
    private final InetAddress address;
    private final String addressText;
    private final boolean named;
    private final long interval;
    private final long replyWait;
    private final int id = NEXT_ID.getAndIncrement() & 0xffff;
    private final byte[] pattern;

    private final PingStatistics stats = new PingStatistics();
    private final long[] sentAt;
    private final BitSet sent = new BitSet(0x10000);
    private final BitSet answered = new BitSet(0x10000);
    private final List<PingDetails.Reply> replies = new ArrayList<>();
    private final List<IcmpMessage.ErrorReport> errors = new ArrayList<>();

    /**
     * @param interval  already clamped by the caller where the socket kind requires it
     * @param replyWait how long to wait after the last request when no reply came ({@code -W})
     */
    PingSession(
            PingCommand cmd,
            ProbeContext ctx,
            IcmpSocket socket,
            InetAddress address,
            Duration interval,
            Duration replyWait) {
        this.cmd = cmd;
        this.ctx = ctx;
        this.socket = socket;
        this.address = address;
        this.addressText = AddressText.withScope(address);
        this.named = !HostSyntax.isIpLiteral(cmd.host());
        this.interval = interval.toNanos();
        this.replyWait = replyWait.toNanos();
        this.pattern = cmd.patternBytes();
        // Sequence numbers are 1..count, or up to 0xffff when -w keeps ping sending until its deadline.
        this.sentAt = new long[cmd.deadline() == null ? cmd.count() + 1 : 0x10000];
    }

    EchoRun run() {
        long start = System.nanoTime();
        long hardEnd =
                cmd.deadline() == null ? Long.MAX_VALUE : start + cmd.deadline().toNanos();
        long nextSend = start;
        long lastSend = start;
        int seq = 0;
        boolean stopped = false;
        while (true) {
            if (ctx.cancelled()) {
                stopped = true;
                break;
            }
            long now = System.nanoTime();
            if (now >= hardEnd) {
                break;
            }
            boolean more = wantsMore(seq);
            if (more && now - nextSend >= 0) {
                if (!send(seq + 1, now)) {
                    stopped = true; // the socket was closed by a stop
                    break;
                }
                seq++;
                lastSend = now;
                nextSend = Math.max(nextSend + interval, now + interval / 2);
                more = wantsMore(seq);
            }
            if (finished(seq, more, now, lastSend)) {
                break;
            }
            long wait = SLICE.toNanos();
            if (more) {
                wait = Math.min(wait, nextSend - now);
            } else if (cmd.deadline() == null) {
                wait = Math.min(wait, lastSend + linger() - now);
            }
            wait = Math.min(wait, hardEnd - now);
            receive((int) Math.max(0, (wait + 999_999) / 1_000_000));
        }
        long end = System.nanoTime();
        int inFlight = 0;
        if (stopped) {
            for (int s = 1; s <= seq; s++) {
                int wire = s & 0xffff;
                if (!answered.get(wire) && end - sentAt[wire] < replyWait) {
                    inFlight++;
                }
            }
        }
        for (String line : stats.lines(cmd.host(), (end - start) / 1_000_000)) {
            ctx.out(line);
        }
        return new EchoRun(socket.kind(), stats, replies, errors, stopped, inFlight, (end - start) / 1_000_000);
    }

    /** With -w ping keeps sending until {@code count} replies came (or the deadline); else it sends {@code count}. */
    private boolean wantsMore(int seq) {
        if (seq >= 0xffff) {
            return false;
        }
        if (cmd.deadline() != null) {
            return !cmd.countGiven() || stats.received() < cmd.count();
        }
        return seq < cmd.count();
    }

    private boolean finished(int seq, boolean more, long now, long lastSend) {
        if (cmd.deadline() != null) {
            return cmd.countGiven() && stats.received() >= cmd.count();
        }
        if (more) {
            return false;
        }
        return stats.received() + stats.errors() >= seq || now - lastSend >= linger();
    }

    /** After the last request iputils waits twice the longest rtt (at least the interval) once replies came, else -W. */
    private long linger() {
        return stats.received() > 0 ? Math.max(2 * stats.maxMicros() * 1000, interval) : replyWait;
    }

    /** Sends request {@code seq}; false when the socket was already closed by a stop. */
    private boolean send(int seq, long now) {
        int wire = seq & 0xffff;
        Instant wall = Instant.now();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, wall);
        byte[] packet = EchoRequest.build(socket.ipv6(), id, wire, cmd.size(), pattern, micros);
        sentAt[wire] = now;
        try {
            long at = socket.sendTimed(packet, address);
            if (at < 0) {
                return false;
            }
            sentAt[wire] = at; // the round trip starts when the packet left (the kernel's stamp, else the system call)
            sent.set(wire);
            stats.sent();
        } catch (LastErrorException e) {
            sent.set(wire);
            stats.sent();
            String message = Libc.message(e.getErrorCode());
            IcmpErrors.Cause cause = switch (e.getErrorCode()) {
                case Libc.ENETUNREACH, Libc.EHOSTUNREACH -> IcmpErrors.Cause.UNREACHABLE;
                case Libc.EPERM, Libc.EACCES -> IcmpErrors.Cause.PROHIBITED;
                case Libc.EMSGSIZE -> IcmpErrors.Cause.TOO_BIG;
                default -> IcmpErrors.Cause.OTHER;
            };
            ctx.out("ping: sendmsg: " + message);
            stats.error();
            record(new IcmpMessage.ErrorReport(null, id, wire, new IcmpErrors.Description(message, cause)));
        }
        return true;
    }

    private void receive(int timeoutMillis) {
        List<Datagram> ready;
        try {
            ready = socket.receive(timeoutMillis);
        } catch (LastErrorException e) {
            ctx.out("ping: recvmsg: " + Libc.message(e.getErrorCode()));
            return;
        }
        for (Datagram d : ready) {
            IcmpMessage m = IcmpMessage.parse(d, socket.kind(), socket.ipv6());
            if (m == null || !sent.get(m.seq())) {
                continue;
            }
            // A raw socket sees every ping on the host; the kernel already matched datagram sockets to us.
            if (socket.kind() == IcmpSocket.Kind.RAW && m.id() != id) {
                continue;
            }
            switch (m) {
                case IcmpMessage.EchoReply r -> reply(r, d.receivedNanos());
                case IcmpMessage.ErrorReport e -> {
                    stats.error();
                    record(e);
                    if (!cmd.quiet()) {
                        ctx.out(
                                e.from() == null
                                        ? "ping: " + e.text()
                                        : "From " + AddressText.withScope(e.from()) + " icmp_seq=" + e.seq() + " "
                                                + e.text());
                    }
                }
            }
        }
    }

    private void reply(IcmpMessage.EchoReply r, long receivedNanos) {
        long micros = Math.max(0, (receivedNanos - sentAt[r.seq()]) / 1000);
        boolean duplicate = answered.get(r.seq());
        answered.set(r.seq());
        stats.reply(micros, duplicate);
        if (replies.size() < MAX_RECORDED) {
            replies.add(new PingDetails.Reply(r.seq(), r.ttl() >= 0 ? r.ttl() : null, micros / 1000.0, duplicate));
        }
        if (!cmd.quiet()) {
            String from = AddressText.withScope(r.from() != null ? r.from() : address);
            if (named && r.from() != null && r.from().equals(address)) {
                from = cmd.host() + " (" + from + ")";
            }
            ctx.out(r.bytes() + " bytes from " + from + ": icmp_seq=" + r.seq()
                    + (r.ttl() >= 0 ? " ttl=" + r.ttl() : "") + " time=" + PingStatistics.replyTime(micros) + " ms"
                    + (duplicate ? " (DUP!)" : ""));
        }
    }

    private void record(IcmpMessage.ErrorReport e) {
        if (errors.size() < MAX_RECORDED) {
            errors.add(e);
        }
    }
}

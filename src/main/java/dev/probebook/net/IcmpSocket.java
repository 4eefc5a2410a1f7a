package dev.probebook.net;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An open ICMP or ICMPv6 socket: an unprivileged datagram ("ping") socket, or a raw socket.
 *
 * <p>Threading: one thread sends and receives; {@link #close()} may be called from any thread (the
 * engine's stop). Every system call runs under a lock and checks the descriptor first, so a close never
 * frees a descriptor number while a call is using it (the number could be reused by another socket).
 * Receives block at most for the timeout given, which the caller keeps short (about 100 ms), so a
 * close waits at most that long.
 */
public final class IcmpSocket implements AutoCloseable {

    /** Datagram sockets need {@code net.ipv4.ping_group_range}; raw ones root or CAP_NET_RAW. */
    public enum Kind {
        DGRAM,
        RAW
    }

    /** The result of trying to open a socket: opened, refused for lack of privilege, or another failure. */
    public sealed interface OpenResult {
        record Opened(IcmpSocket socket) implements OpenResult {}

        /** Both socket kinds refused with EPERM/EACCES. */
        record NotPermitted(int dgramErrno, int rawErrno) implements OpenResult {}

        record Failed(int errno) implements OpenResult {}
    }

    private static final int P = Native.POINTER_SIZE;
    private static final int MAX_PER_RECEIVE = 64;

    private final Kind kind;
    private final boolean ipv6;
    private final ReentrantLock lock = new ReentrantLock();
    private int fd;

    private final Memory pollFd = new Memory(8);
    private final Memory message = new Memory(7L * P);
    private final Memory iov = new Memory(2L * P);
    private final Memory name = new Memory(128);
    private final Memory control = new Memory(1024);
    private final Memory buffer = new Memory(65536 + 128);

    /** Messages read from the error queue while looking for a transmit timestamp, for the next receive. */
    private final List<Datagram> pending = new ArrayList<>();

    private IcmpSocket(int fd, Kind kind, boolean ipv6) {
        Instant.now(); // its first call initialises classes: not inside the first receive's clock readings
        this.fd = fd;
        this.kind = kind;
        this.ipv6 = ipv6;
    }

    /**
     * Opens an ICMP socket for the family: first the unprivileged datagram kind, then raw. The caller
     * owns the socket and must close it.
     */
    public static OpenResult open(SocketOpener opener, boolean ipv6) {
        int domain = ipv6 ? Libc.AF_INET6 : Libc.AF_INET;
        int protocol = ipv6 ? Libc.IPPROTO_ICMPV6 : Libc.IPPROTO_ICMP;
        int dgramErrno;
        try {
            int fd = opener.open(domain, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, protocol);
            return new OpenResult.Opened(configured(fd, Kind.DGRAM, ipv6));
        } catch (LastErrorException e) {
            dgramErrno = e.getErrorCode();
        }
        try {
            int fd = opener.open(domain, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, protocol);
            return new OpenResult.Opened(configured(fd, Kind.RAW, ipv6));
        } catch (LastErrorException e) {
            int rawErrno = e.getErrorCode();
            if (dgramErrno == Libc.EAFNOSUPPORT || rawErrno == Libc.EAFNOSUPPORT) {
                return new OpenResult.Failed(Libc.EAFNOSUPPORT);
            }
            if (rawErrno == Libc.EPERM || rawErrno == Libc.EACCES) {
                return new OpenResult.NotPermitted(dgramErrno, rawErrno);
            }
            return new OpenResult.Failed(rawErrno);
        }
    }

    /** Asks for TTL / hop limit and queued ICMP errors, and filters raw sockets down to what ping reads. */
    private static IcmpSocket configured(int fd, Kind kind, boolean ipv6) {
        IcmpSocket s = new IcmpSocket(fd, kind, ipv6);
        // the kernel's receive time with each message, as ping takes it: round trips then measure the network,
        // not how long this JVM took to wake up and read (tens to hundreds of microseconds)
        s.option(Libc.SOL_SOCKET, Libc.SO_TIMESTAMPNS, new int[] {1});
        // and the kernel's send time, which ping takes from its clock before sendto: from this JVM that reading is
        // made before JNA's marshalling, microseconds (a fresh process: far more) before the packet leaves
        s.option(Libc.SOL_SOCKET, Libc.SO_TIMESTAMPING, new int[] {
            Libc.SOF_TIMESTAMPING_TX_SOFTWARE | Libc.SOF_TIMESTAMPING_SOFTWARE | Libc.SOF_TIMESTAMPING_OPT_TSONLY
        });
        if (ipv6) {
            s.option(Libc.SOL_IPV6, Libc.IPV6_RECVHOPLIMIT, new int[] {1});
            if (kind == Kind.DGRAM) {
                s.option(Libc.SOL_IPV6, Libc.IPV6_RECVERR, new int[] {1});
            } else {
                s.option(Libc.IPPROTO_ICMPV6, Libc.ICMP6_FILTER, icmp6Filter());
            }
        } else if (kind == Kind.DGRAM) {
            s.option(Libc.SOL_IP, Libc.IP_RECVTTL, new int[] {1});
            s.option(Libc.SOL_IP, Libc.IP_RECVERR, new int[] {1});
        } else {
            // A raw socket sees every ICMP message of the host; keep echo replies and errors only.
            int pass = (1 << 0) | (1 << 3) | (1 << 4) | (1 << 5) | (1 << 11) | (1 << 12);
            s.option(Libc.SOL_RAW, Libc.ICMP_FILTER, new int[] {~pass});
        }
        return s;
    }

    /** ICMPv6 filter: a set bit blocks the type. Pass errors (1-4) and echo replies (129). */
    private static int[] icmp6Filter() {
        int[] words = new int[8];
        Arrays.fill(words, -1);
        for (int type : new int[] {1, 2, 3, 4, 129}) {
            words[type >> 5] &= ~(1 << (type & 31));
        }
        return words;
    }

    private void option(int level, int name, int[] value) {
        try {
            Libc.setsockopt(fd, level, name, value, value.length * 4);
        } catch (LastErrorException e) {
            // best effort: without it we lose the TTL column or see more packets, nothing breaks
        }
    }

    public Kind kind() {
        return kind;
    }

    public boolean ipv6() {
        return ipv6;
    }

    /**
     * Sets the TTL (IPv4) or unicast hop limit (IPv6) of the messages sent from now on, as traceroute does before
     * each probe. Routers that decrement it to zero answer with a time-exceeded error, read by {@link #receive}.
     */
    public void hops(int ttl) throws LastErrorException {
        lock.lock();
        try {
            if (fd >= 0) {
                int[] value = {ttl};
                if (ipv6) {
                    Libc.setsockopt(fd, Libc.SOL_IPV6, Libc.IPV6_UNICAST_HOPS, value, 4);
                } else {
                    Libc.setsockopt(fd, Libc.SOL_IP, Libc.IP_TTL, value, 4);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sends one ICMP message. Returns false when the socket was closed (stop). */
    public boolean send(byte[] packet, InetAddress to) throws LastErrorException {
        return sendTimed(packet, to) >= 0;
    }

    /**
     * Sends one ICMP message and returns when it left, on the {@link System#nanoTime()} scale: the kernel's transmit
     * timestamp when it gave one (on the error queue, normally before sendto returns), else the time taken just
     * before the system call (what ping times a round trip from); -1 when the socket was closed (stop).
     */
    public long sendTimed(byte[] packet, InetAddress to) throws LastErrorException {
        byte[] address = sockaddr(to);
        NativeLong length = new NativeLong(packet.length);
        lock.lock();
        try {
            if (fd < 0) {
                return -1;
            }
            long sent = System.nanoTime();
            Instant wall = Instant.now();
            Libc.sendto(fd, packet, length, 0, address, address.length);
            return transmitted(sent, wall.getEpochSecond() * 1_000_000_000L + wall.getNano());
        } finally {
            lock.unlock();
        }
    }

    /**
     * The kernel's transmit timestamp of the message just sent, or {@code fallback}. A stamp from before
     * {@code sentWall} (wall-clock nanoseconds just before the send) belongs to an earlier message whose stamp came
     * late (traceroute and mtr send several at once): it is passed over, never taken for this one. Anything else on
     * the error queue (an ICMP error for an earlier message) is kept for the next {@link #receive}.
     */
    private long transmitted(long fallback, long sentWall) throws LastErrorException {
        for (int i = 0; i < MAX_PER_RECEIVE; i++) {
            Received r = receiveOne(Libc.MSG_ERRQUEUE | Libc.MSG_DONTWAIT);
            if (r == null) {
                return fallback;
            }
            if (!r.transmitStamp()) {
                pending.add(r.datagram());
            } else if (r.kernelWall() >= sentWall) {
                return r.kernelTime() ? r.datagram().receivedNanos() : fallback;
            }
        }
        return fallback;
    }

    /**
     * Waits up to {@code timeoutMillis} for messages and returns all that are ready (possibly none).
     * Returns nothing once the socket is closed.
     */
    public List<Datagram> receive(int timeoutMillis) throws LastErrorException {
        lock.lock();
        try {
            if (fd < 0) {
                return List.of();
            }
            if (!pending.isEmpty()) {
                List<Datagram> queued = new ArrayList<>(pending);
                pending.clear();
                return queued;
            }
            pollFd.setInt(0, fd);
            pollFd.setShort(4, (short) (Libc.POLLIN | Libc.POLLERR));
            pollFd.setShort(6, (short) 0);
            int ready;
            try {
                ready = Libc.poll(pollFd, new NativeLong(1), Math.max(0, timeoutMillis));
            } catch (LastErrorException e) {
                if (e.getErrorCode() == Libc.EINTR) {
                    return List.of();
                }
                throw e;
            }
            if (ready <= 0) {
                return List.of();
            }
            short events = pollFd.getShort(6);
            List<Datagram> out = new ArrayList<>();
            if ((events & Libc.POLLERR) != 0) {
                drain(Libc.MSG_ERRQUEUE, out);
            }
            if ((events & Libc.POLLIN) != 0) {
                drain(0, out);
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    private void drain(int flags, List<Datagram> out) throws LastErrorException {
        for (int i = 0; i < MAX_PER_RECEIVE; i++) {
            Received r = receiveOne(flags | Libc.MSG_DONTWAIT);
            if (r == null) {
                return;
            }
            if (!r.transmitStamp()) { // one that came after its sendto returned is of no use any more
                out.add(r.datagram());
            }
        }
    }

    /**
     * What one recvmsg read: a datagram, or the transmit timestamp of a sent one; whether its time is the kernel's
     * (else it is when this thread read it), and the kernel's wall-clock time itself (0: none).
     */
    private record Received(Datagram datagram, boolean transmitStamp, boolean kernelTime, long kernelWall) {}

    /** One recvmsg; null when nothing is queued. */
    private Received receiveOne(int flags) throws LastErrorException {
        Libc.messageHeader(message, name, iov, buffer, buffer.size(), control);
        long n;
        try {
            n = Libc.recvmsg(fd, message, flags).longValue();
        } catch (LastErrorException e) {
            if (e.getErrorCode() == Libc.EAGAIN || e.getErrorCode() == Libc.EINTR) {
                return null;
            }
            throw e;
        }
        // both clocks read together: the kernel's timestamp is wall-clock time, round trips are monotonic
        long before = System.nanoTime();
        Instant wall = Instant.now();
        long now = before + (System.nanoTime() - before) / 2; // moved back to the kernel's receive time below
        byte[] data = buffer.getByteArray(0, (int) Math.min(n, buffer.size()));
        InetAddress from = address(name, message.getInt(P));
        int ttl = -1;
        Datagram.QueuedError error = null;
        long kernel = 0; // the kernel's time for it, wall-clock nanoseconds (0: none)
        boolean stamping = false;
        for (Libc.ControlMessage m :
                Libc.controlMessages(control, message.getNativeLong(5L * P).longValue())) {
            int level = m.level();
            int type = m.type();
            Pointer payload = m.data();
            if ((level == Libc.SOL_IP && type == Libc.IP_TTL)
                    || (level == Libc.SOL_IPV6 && type == Libc.IPV6_HOPLIMIT)) {
                ttl = payload.getInt(0);
            } else if (level == Libc.SOL_SOCKET && type == Libc.SO_TIMESTAMPNS) {
                kernel = Libc.timespec(payload);
            } else if (level == Libc.SOL_SOCKET && type == Libc.SO_TIMESTAMPING) {
                stamping = true;
                kernel = kernel == 0 ? Libc.timespec(payload) : kernel; // the first of three: the software timestamp
            } else if ((level == Libc.SOL_IP && type == Libc.IP_RECVERR)
                    || (level == Libc.SOL_IPV6 && type == Libc.IPV6_RECVERR)) {
                error = new Datagram.QueuedError(
                        payload.getInt(0),
                        payload.getByte(4) & 0xff,
                        payload.getByte(5) & 0xff,
                        payload.getByte(6) & 0xff,
                        payload.getInt(8),
                        address(payload.share(16), (int) (m.dataLength() - 16)));
            }
        }
        long late = wall.getEpochSecond() * 1_000_000_000L + wall.getNano() - kernel;
        boolean kernelTime = kernel != 0 && late > 0 && late < 1_000_000_000L; // a clock step makes it meaningless
        if (kernelTime) {
            now -= late;
        }
        boolean transmitStamp = (flags & Libc.MSG_ERRQUEUE) != 0
                && (error != null ? error.origin() == Libc.SO_EE_ORIGIN_TIMESTAMPING : stamping);
        return new Received(new Datagram(data, from, ttl, error, now), transmitStamp, kernelTime, kernel);
    }

    /** Reads a {@code sockaddr_in}/{@code sockaddr_in6}; null for anything else. */
    private static InetAddress address(Pointer p, int length) {
        if (length < 2) {
            return null;
        }
        int family = p.getShort(0) & 0xffff;
        try {
            if (family == Libc.AF_INET && length >= 8) {
                return InetAddress.getByAddress(p.getByteArray(4, 4));
            }
            if (family == Libc.AF_INET6 && length >= 24) {
                byte[] bytes = p.getByteArray(8, 16);
                int scope = length >= 28 ? p.getInt(24) : 0;
                return scope != 0 ? Inet6Address.getByAddress(null, bytes, scope) : InetAddress.getByAddress(bytes);
            }
        } catch (UnknownHostException e) {
            return null;
        }
        return null;
    }

    /** {@code sockaddr_in} or {@code sockaddr_in6} for sendto (port 0: ICMP has none). */
    static byte[] sockaddr(InetAddress to) {
        ByteBuffer b;
        if (to instanceof Inet4Address) {
            b = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
            b.putShort((short) Libc.AF_INET).putShort((short) 0).put(to.getAddress());
        } else {
            Inet6Address v6 = (Inet6Address) to;
            b = ByteBuffer.allocate(28).order(ByteOrder.nativeOrder());
            b.putShort((short) Libc.AF_INET6)
                    .putShort((short) 0)
                    .putInt(0)
                    .put(v6.getAddress())
                    .putInt(v6.getScopeId());
        }
        return b.array();
    }

    /** Closes the descriptor once; safe from any thread and idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (fd >= 0) {
                try {
                    Libc.close(fd);
                } catch (LastErrorException ignored) {
                    // the descriptor is gone either way
                }
                fd = -1;
            }
        } finally {
            lock.unlock();
        }
    }
}

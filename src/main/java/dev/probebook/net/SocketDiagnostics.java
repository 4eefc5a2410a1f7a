package dev.probebook.net;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the kernel's socket diagnostics (netlink {@code NETLINK_SOCK_DIAG}, {@code inet_diag}) tell about
 * sockets that {@code /proc/net/tcp} and {@code udp6} do not: a TCP listener's accept-queue limit (the
 * {@code backlog} its {@code listen(2)} asked for, capped by {@code net.core.somaxconn}; ss prints it as the
 * listener's Send-Q) and whether an IPv6 listener or UDP socket is IPv6-only (ss prints its wildcard as
 * {@code [::]} then, as {@code *} when it also takes IPv4). Without them a full accept queue could not be
 * told from a busy one.
 *
 * <p>Needs no privilege. Each call opens its own netlink socket, dumps TCP listeners (IPv4 and IPv6) and
 * IPv6 UDP sockets, and closes it; a call waits at most {@code timeoutMillis} in all (the kernel answers a
 * dump at once: the bound is for a kernel without the diagnostics module, which never answers). Thread-safe:
 * no state is shared between calls.
 */
public final class SocketDiagnostics {

    /**
     * One socket as the diagnostics describe it.
     *
     * @param acceptLimit a TCP listener's accept-queue limit; -1 for other sockets
     * @param v6Only an IPv6 socket that takes no IPv4 (bound to an IPv6 address, or with {@code IPV6_V6ONLY})
     */
    public record Diagnosis(long acceptLimit, boolean v6Only) {}

    /** Why the kernel could not be asked (no netlink, no diagnostics module, no native access). */
    public static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private static final int AF_NETLINK = 16;
    private static final int NETLINK_SOCK_DIAG = 4;
    private static final short SOCK_DIAG_BY_FAMILY = 20;
    private static final short NLM_F_REQUEST = 0x1;
    private static final short NLM_F_DUMP = 0x300;
    private static final int NLMSG_ERROR = 2;
    private static final int NLMSG_DONE = 3;
    private static final int IPPROTO_TCP = 6;
    private static final int IPPROTO_UDP = 17;
    private static final int TCP_LISTEN = 10;
    private static final int ALL_STATES = -1;
    private static final int INET_DIAG_SKV6ONLY = 11;
    private static final int HEADER = 16;
    private static final int REQUEST = 56;
    /** In inet_diag_msg: family, state, timer, retrans, the 48-byte socket id, expires, rqueue, then these. */
    private static final int WQUEUE_OFFSET = 4 + 48 + 4 + 4;

    private static final int INODE_OFFSET = WQUEUE_OFFSET + 4 + 4;
    private static final int MESSAGE = INODE_OFFSET + 4;

    private static final int INET_DIAG_INFO = 2;
    /** tcp_info's tcpi_rtt: the smoothed round trip in microseconds, after the handshake its first sample. */
    private static final int TCPI_RTT_OFFSET = 68;

    private static final int ENOENT = 2;

    private SocketDiagnostics() {}

    /**
     * One connected TCP socket as the kernel knows it: its handshake's round trip in microseconds (0: no sample) and
     * its inode (which finds its file descriptor, see {@link ReceiveStamps}).
     */
    public record Connection(long handshakeRttMicros, long inode) {}

    /**
     * The kernel's view of the just-established TCP connection with these addresses: the round trip of its handshake
     * as the kernel measured it (the SYN to the SYN-ACK: tcp_info's {@code tcpi_rtt}, whose first sample it is) and
     * its inode; empty when the kernel has no such socket. Asked by the connection's addresses, so it needs neither
     * privilege nor the socket's file descriptor, which Java does not give. Waits at most {@code timeoutMillis}.
     */
    public static Optional<Connection> connection(InetSocketAddress local, InetSocketAddress remote, int timeoutMillis)
            throws Unavailable {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        int fd = open();
        try {
            Memory pollFd = new Memory(8);
            byte[] buffer = new byte[8 * 1024];
            // a Java socket is often IPv6 with an IPv4-mapped address; the kernel finds it by either family
            int[] families = local.getAddress() instanceof Inet4Address
                    ? new int[] {Libc.AF_INET, Libc.AF_INET6}
                    : new int[] {Libc.AF_INET6};
            int sequence = 0;
            for (int family : families) {
                sendLookup(fd, ++sequence, family, local, remote);
                int n = receive(fd, pollFd, buffer, deadline);
                ByteBuffer in = ByteBuffer.wrap(buffer, 0, n).order(ByteOrder.nativeOrder());
                if (n >= HEADER + 4 && Short.toUnsignedInt(in.getShort(4)) == NLMSG_ERROR) {
                    int errno = -in.getInt(HEADER);
                    if (errno == ENOENT) {
                        continue;
                    }
                    throw new Unavailable("netlink socket diagnostics: " + Libc.message(errno));
                }
                int length = Math.min(n, in.getInt(0));
                if (length < HEADER + MESSAGE || Short.toUnsignedInt(in.getShort(4)) != SOCK_DIAG_BY_FAMILY) {
                    return Optional.empty();
                }
                int info = attribute(in, HEADER + MESSAGE, length, INET_DIAG_INFO, TCPI_RTT_OFFSET + 4);
                long rtt = info < 0 ? 0 : Integer.toUnsignedLong(in.getInt(info + TCPI_RTT_OFFSET));
                return Optional.of(new Connection(rtt, Integer.toUnsignedLong(in.getInt(HEADER + INODE_OFFSET))));
            }
            return Optional.empty();
        } finally {
            close(fd);
        }
    }

    /** An exact look-up of one TCP socket by its addresses, asking for its tcp_info. */
    private static void sendLookup(int fd, int sequence, int family, InetSocketAddress local, InetSocketAddress remote)
            throws Unavailable {
        ByteBuffer req = ByteBuffer.allocate(HEADER + REQUEST).order(ByteOrder.nativeOrder());
        req.putInt(HEADER + REQUEST).putShort(SOCK_DIAG_BY_FAMILY).putShort(NLM_F_REQUEST);
        req.putInt(sequence).putInt(0);
        req.put((byte) family)
                .put((byte) IPPROTO_TCP)
                .put((byte) (1 << (INET_DIAG_INFO - 1)))
                .put((byte) 0);
        req.putInt(ALL_STATES);
        req.put((byte) (local.getPort() >> 8)).put((byte) local.getPort()); // ports in network order
        req.put((byte) (remote.getPort() >> 8)).put((byte) remote.getPort());
        req.put(address(family, local.getAddress())).put(address(family, remote.getAddress()));
        req.putInt(0); // any interface
        req.putInt(-1).putInt(-1); // INET_DIAG_NOCOOKIE
        sendRequest(fd, req);
    }

    /** An address as the socket id holds it: 16 bytes, IPv4 in the first four or IPv4-mapped for IPv6. */
    private static byte[] address(int family, InetAddress address) {
        byte[] out = new byte[16];
        byte[] raw = address.getAddress();
        if (raw.length == 16) {
            System.arraycopy(raw, 0, out, 0, 16);
        } else if (family == Libc.AF_INET) {
            System.arraycopy(raw, 0, out, 0, 4);
        } else {
            out[10] = (byte) 0xff;
            out[11] = (byte) 0xff;
            System.arraycopy(raw, 0, out, 12, 4);
        }
        return out;
    }

    private static int open() throws Unavailable {
        try {
            return Libc.socket(AF_NETLINK, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
        } catch (LastErrorException e) {
            throw new Unavailable("netlink socket diagnostics: " + Libc.message(e.getErrorCode()));
        } catch (LinkageError e) {
            throw new Unavailable("netlink socket diagnostics need native access: " + e.getMessage());
        }
    }

    private static void close(int fd) {
        try {
            Libc.close(fd);
        } catch (LastErrorException e) {
            // nothing to do: what was asked is answered
        }
    }

    /** Every TCP listener and IPv6 UDP socket by its inode (the {@code inode} column of /proc/net/tcp). */
    public static Map<Long, Diagnosis> byInode(int timeoutMillis) throws Unavailable {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        int fd = open();
        try {
            Map<Long, Diagnosis> found = new HashMap<>();
            Memory pollFd = new Memory(8);
            byte[] buffer = new byte[32 * 1024];
            int sequence = 0;
            for (int[] dump : new int[][] {
                {Libc.AF_INET, IPPROTO_TCP, 1 << TCP_LISTEN},
                {Libc.AF_INET6, IPPROTO_TCP, 1 << TCP_LISTEN},
                {Libc.AF_INET6, IPPROTO_UDP, ALL_STATES}
            }) {
                send(fd, ++sequence, dump[0], dump[1], dump[2]);
                readDump(fd, pollFd, buffer, deadline, dump[1] == IPPROTO_TCP, found);
            }
            return found;
        } finally {
            close(fd);
        }
    }

    private static void send(int fd, int sequence, int family, int protocol, int states) throws Unavailable {
        ByteBuffer req = ByteBuffer.allocate(HEADER + REQUEST).order(ByteOrder.nativeOrder());
        req.putInt(HEADER + REQUEST).putShort(SOCK_DIAG_BY_FAMILY).putShort((short) (NLM_F_REQUEST | NLM_F_DUMP));
        req.putInt(sequence).putInt(0); // port id 0: the kernel
        req.put((byte) family).put((byte) protocol).put((byte) 0).put((byte) 0); // no extensions asked for
        req.putInt(states); // the socket id that follows stays zero: every socket in those states
        sendRequest(fd, req);
    }

    private static void sendRequest(int fd, ByteBuffer req) throws Unavailable {
        byte[] kernel = new byte[12]; // sockaddr_nl: nl_family, pad, nl_pid 0 (the kernel), nl_groups 0
        ByteBuffer.wrap(kernel).order(ByteOrder.nativeOrder()).putShort((short) AF_NETLINK);
        try {
            Libc.sendto(fd, req.array(), new NativeLong(req.capacity()), 0, kernel, kernel.length);
        } catch (LastErrorException e) {
            throw new Unavailable("netlink socket diagnostics: " + Libc.message(e.getErrorCode()));
        }
    }

    private static void readDump(
            int fd, Memory pollFd, byte[] buffer, long deadline, boolean listeners, Map<Long, Diagnosis> found)
            throws Unavailable {
        while (true) {
            int n = receive(fd, pollFd, buffer, deadline);
            ByteBuffer in = ByteBuffer.wrap(buffer, 0, n).order(ByteOrder.nativeOrder());
            int at = 0;
            while (at + HEADER <= n) {
                int length = in.getInt(at);
                int type = Short.toUnsignedInt(in.getShort(at + 4));
                if (length < HEADER || at + length > n) {
                    throw new Unavailable("netlink socket diagnostics: a message longer than its datagram");
                }
                if (type == NLMSG_DONE) {
                    return;
                }
                if (type == NLMSG_ERROR) {
                    throw new Unavailable("netlink socket diagnostics: " + Libc.message(-in.getInt(at + HEADER)));
                }
                if (type == SOCK_DIAG_BY_FAMILY && length >= HEADER + MESSAGE) {
                    int body = at + HEADER;
                    long inode = Integer.toUnsignedLong(in.getInt(body + INODE_OFFSET));
                    long limit = listeners ? Integer.toUnsignedLong(in.getInt(body + WQUEUE_OFFSET)) : -1;
                    found.put(inode, new Diagnosis(limit, v6Only(in, body + MESSAGE, at + length)));
                }
                at += align(length);
            }
        }
    }

    private static int receive(int fd, Memory pollFd, byte[] buffer, long deadline) throws Unavailable {
        int left = (int) ((deadline - System.nanoTime()) / 1_000_000L);
        pollFd.setInt(0, fd);
        pollFd.setShort(4, Libc.POLLIN);
        pollFd.setShort(6, (short) 0);
        try {
            if (left <= 0 || Libc.poll(pollFd, new NativeLong(1), left) <= 0) {
                throw new Unavailable("netlink socket diagnostics did not answer (no inet_diag in this kernel?)");
            }
            return Libc.recv(fd, buffer, new NativeLong(buffer.length), 0).intValue();
        } catch (LastErrorException e) {
            throw new Unavailable("netlink socket diagnostics: " + Libc.message(e.getErrorCode()));
        }
    }

    /** The INET_DIAG_SKV6ONLY attribute among the message's attributes (the kernel adds it for IPv6 sockets). */
    private static boolean v6Only(ByteBuffer in, int from, int end) {
        int flag = attribute(in, from, end, INET_DIAG_SKV6ONLY, 1);
        return flag >= 0 && in.get(flag) != 0;
    }

    /**
     * Where the payload of the first attribute of {@code type} with at least {@code minPayload} bytes starts among
     * the netlink attributes in [{@code from}, {@code end}); -1 when there is none.
     */
    private static int attribute(ByteBuffer in, int from, int end, int type, int minPayload) {
        int at = from;
        while (at + 4 <= end) {
            int length = Short.toUnsignedInt(in.getShort(at));
            if (length < 4) {
                return -1;
            }
            if (Short.toUnsignedInt(in.getShort(at + 2)) == type && length >= 4 + minPayload) {
                return at + 4;
            }
            at += align(length);
        }
        return -1;
    }

    private static int align(int length) {
        return (length + 3) & ~3;
    }
}

package dev.probebook.net;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;

/**
 * The few Linux C library calls ping and the socket diagnostics need (socket, setsockopt, sendto, recv, poll,
 * recvmsg, close), mapped
 * with JNA direct mapping, and the Linux constants they take. Calls that fail throw
 * {@link LastErrorException} carrying errno. Direct mapping binds every function once when this class is
 * initialised (first call), so no lookup cost lands inside a measured round trip. Constants are
 * compile-time values and do not initialise the class: loading ping never touches native code until it
 * sends. Where JNA cannot load the C library, the first call throws a {@link LinkageError}.
 */
public final class Libc {

    static {
        Native.register(Platform.C_LIBRARY_NAME);
    }

    private Libc() {}

    public static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int IPPROTO_ICMP = 1;
    static final int IPPROTO_ICMPV6 = 58;

    static final int SOL_IP = 0;
    static final int SOL_SOCKET = 1;
    /** Also the ancillary message's type ({@code SCM_TIMESTAMPNS}): the kernel's receive time, a timespec. */
    static final int SO_TIMESTAMPNS = 35;
    /** Also the ancillary message's type ({@code SCM_TIMESTAMPING}): three timespecs, the first the software one. */
    static final int SO_TIMESTAMPING = 37;
    /** A timestamp when the packet leaves through the device, to the error queue, without the packet itself. */
    static final int SOF_TIMESTAMPING_TX_SOFTWARE = 1 << 1;

    static final int SOF_TIMESTAMPING_SOFTWARE = 1 << 4;
    static final int SOF_TIMESTAMPING_OPT_TSONLY = 1 << 11;
    /** {@code sock_extended_err.ee_origin} of a transmit timestamp on the error queue. */
    static final int SO_EE_ORIGIN_TIMESTAMPING = 4;

    static final int IP_TTL = 2;
    static final int IP_RECVERR = 11;
    static final int IP_RECVTTL = 12;
    static final int SOL_RAW = 255;
    static final int ICMP_FILTER = 1;
    static final int SOL_IPV6 = 41;
    static final int ICMP6_FILTER = 1;
    static final int IPV6_RECVERR = 25;
    static final int IPV6_RECVHOPLIMIT = 51;
    static final int IPV6_UNICAST_HOPS = 16;
    static final int IPV6_HOPLIMIT = 52;

    static final int MSG_PEEK = 0x2;
    /** ioctl: the bytes waiting in a socket's receive queue (SIOCINQ); unlike a receive it never takes the error. */
    static final int FIONREAD = 0x541B;

    static final int MSG_DONTWAIT = 0x40;
    static final int MSG_ERRQUEUE = 0x2000;
    static final short POLLIN = 0x1;
    static final short POLLERR = 0x8;

    public static final int EPERM = 1;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int EMSGSIZE = 90;
    static final int EPROTONOSUPPORT = 93;
    static final int ESOCKTNOSUPPORT = 94;
    public static final int EAFNOSUPPORT = 97;
    public static final int ENETUNREACH = 101;
    public static final int EHOSTUNREACH = 113;

    public static native int socket(int domain, int type, int protocol) throws LastErrorException;

    static native int setsockopt(int fd, int level, int name, int[] value, int length) throws LastErrorException;

    static native NativeLong sendto(
            int fd, byte[] buffer, NativeLong length, int flags, byte[] address, int addressLength)
            throws LastErrorException;

    static native NativeLong recv(int fd, byte[] buffer, NativeLong length, int flags) throws LastErrorException;

    static native int poll(Pointer fds, NativeLong count, int timeoutMillis) throws LastErrorException;

    /** {@code ioctl} with an {@code int} argument, e.g. {@link #FIONREAD}. */
    static native int ioctl(int fd, NativeLong request, int[] value) throws LastErrorException;

    static native NativeLong recvmsg(int fd, Pointer message, int flags) throws LastErrorException;

    /**
     * Fills {@code message} (a {@code struct msghdr}: seven pointer-sized words) for one {@link #recvmsg} into the
     * first {@code length} bytes of {@code buffer} through {@code iov} (two words), with {@code control} for the
     * ancillary data; {@code name} (null: not wanted) receives the sender's address.
     */
    static void messageHeader(Memory message, Memory name, Memory iov, Pointer buffer, long length, Memory control) {
        int p = Native.POINTER_SIZE;
        iov.setPointer(0, buffer);
        iov.setNativeLong(p, new NativeLong(length));
        message.clear();
        if (name != null) {
            message.setPointer(0, name);
            message.setInt(p, (int) name.size());
        }
        message.setPointer(2L * p, iov);
        message.setNativeLong(3L * p, new NativeLong(1));
        message.setPointer(4L * p, control);
        message.setNativeLong(5L * p, new NativeLong(control.size()));
    }

    /** One ancillary message of a {@link #recvmsg}: its level, type and data (what follows its {@code cmsghdr}). */
    record ControlMessage(int level, int type, Pointer data, long dataLength) {}

    private static final int L = NativeLong.SIZE;
    private static final int CMSG_HEADER = cmsgAlign(L + 8);

    /** The ancillary messages the kernel wrote into {@code control}: {@code length} bytes ({@code msg_controllen}). */
    static List<ControlMessage> controlMessages(Memory control, long length) {
        List<ControlMessage> out = new ArrayList<>(2);
        long at = 0;
        while (at + CMSG_HEADER <= length) {
            long cmsgLength = control.getNativeLong(at).longValue();
            if (cmsgLength < CMSG_HEADER) {
                break;
            }
            out.add(new ControlMessage(
                    control.getInt(at + L),
                    control.getInt(at + L + 4),
                    control.share(at + CMSG_HEADER),
                    cmsgLength - CMSG_HEADER));
            at += cmsgAlign(cmsgLength);
        }
        return out;
    }

    /** A {@code struct timespec} as nanoseconds. */
    static long timespec(Pointer p) {
        return p.getNativeLong(0).longValue() * 1_000_000_000L
                + p.getNativeLong(L).longValue();
    }

    private static int cmsgAlign(long n) {
        return (int) ((n + L - 1) & ~(long) (L - 1));
    }

    public static native int close(int fd) throws LastErrorException;

    static native String strerror(int errno);

    /** The system's text for an errno ("Operation not permitted"), as perror would print it. */
    public static String message(int errno) {
        try {
            String s = strerror(errno);
            return s != null ? s : "errno " + errno;
        } catch (LinkageError e) {
            return "errno " + errno;
        }
    }
}

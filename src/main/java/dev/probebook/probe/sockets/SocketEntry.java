package dev.probebook.probe.sockets;

/** One row of a kernel socket table: an internet socket (tcp, udp, raw) or a UNIX domain socket. */
public sealed interface SocketEntry permits InetSocket, UnixSocket {

    /** The socket's inode, which links it to the processes holding it ({@code /proc/PID/fd/N -> socket:[inode]}). */
    long inode();
}

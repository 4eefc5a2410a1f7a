package dev.probebook.net;

import com.sun.jna.LastErrorException;

/**
 * The {@code socket(2)} call ping opens its ICMP socket with. Injectable so that tests can simulate a
 * machine without the privilege to open either kind of ICMP socket.
 */
@FunctionalInterface
public interface SocketOpener {

    /** Returns a file descriptor, or throws with errno ({@code EPERM}, {@code EACCES}, ...). */
    int open(int domain, int type, int protocol) throws LastErrorException;

    /** The real system call. */
    static SocketOpener system() {
        return (domain, type, protocol) -> Libc.socket(domain, type, protocol);
    }
}

package dev.probebook.net;

import java.net.InetAddress;

/**
 * One message read from an ICMP socket. For a raw IPv4 socket {@code data} starts with the IP header;
 * otherwise with the ICMP header. {@code ttl} is the received TTL / hop limit from ancillary data (-1 if
 * the kernel gave none). {@code error} is set for messages read from the socket's error queue, where the
 * kernel reports ICMP errors about what we sent on an unprivileged (datagram) socket; {@code data} is
 * then the echo request the error refers to.
 */
public record Datagram(byte[] data, InetAddress from, int ttl, QueuedError error, long receivedNanos) {

    /**
     * {@code struct sock_extended_err} with the offender address: an ICMP error the kernel matched to our
     * socket ({@code origin} {@link #ORIGIN_ICMP}/{@link #ORIGIN_ICMP6}) or a local send error.
     */
    record QueuedError(int errno, int origin, int type, int code, int info, InetAddress offender) {
        static final int ORIGIN_LOCAL = 1;
        static final int ORIGIN_ICMP = 2;
        static final int ORIGIN_ICMP6 = 3;
    }
}

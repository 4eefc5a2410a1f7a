package dev.probebook.net;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds ICMP / ICMPv6 echo requests as iputils ping does: 8-byte header (type, code, checksum, id,
 * sequence), then {@code size} data bytes filled with the pattern (default 0x00, 0x01, 0x02, ...) whose
 * first 16 bytes are overwritten by the send time ({@code struct timeval}) when there is room.
 */
public final class EchoRequest {

    static final int ICMP_ECHO = 8;
    static final int ICMP6_ECHO = 128;
    static final int HEADER = 8;
    private static final int TIMEVAL = 16;

    private EchoRequest() {}

    /**
     * @param pattern fill bytes ({@code -p}), or empty for the default counting fill
     * @param epochMicros send time written into the payload
     */
    public static byte[] build(boolean ipv6, int id, int seq, int size, byte[] pattern, long epochMicros) {
        byte[] packet = new byte[HEADER + size];
        packet[0] = (byte) (ipv6 ? ICMP6_ECHO : ICMP_ECHO);
        packet[4] = (byte) (id >> 8);
        packet[5] = (byte) id;
        packet[6] = (byte) (seq >> 8);
        packet[7] = (byte) seq;
        for (int i = 0; i < size; i++) {
            packet[HEADER + i] = pattern.length == 0 ? (byte) i : pattern[i % pattern.length];
        }
        if (size >= TIMEVAL) {
            ByteBuffer.wrap(packet, HEADER, TIMEVAL)
                    .order(ByteOrder.nativeOrder())
                    .putLong(epochMicros / 1_000_000)
                    .putLong(epochMicros % 1_000_000);
        }
        if (!ipv6) {
            // ICMPv6 checksums cover a pseudo header; the kernel fills them in for ICMPv6 sockets.
            int sum = checksum(packet, 0, packet.length);
            packet[2] = (byte) (sum >> 8);
            packet[3] = (byte) sum;
        }
        return packet;
    }

    /** The Internet checksum (RFC 1071) of {@code length} bytes: one's complement of the one's complement sum. */
    static int checksum(byte[] data, int offset, int length) {
        long sum = 0;
        int i = offset;
        int end = offset + length;
        while (i + 1 < end) {
            sum += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
            i += 2;
        }
        if (i < end) {
            sum += (data[i] & 0xff) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }
}

package dev.probebook.probe.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * tcpdump's packet dumps, each packet from its network-layer header on (the link-level header left out, as tcpdump
 * does): {@code -x} in hex, {@code -X} in hex and ASCII, {@code -A} in ASCII. The formats are those of tcpdump's
 * print-ascii.c: 16 bytes a line at {@code \t0x0010:}, the ASCII column showing only graphic characters (a space is
 * a dot), and {@code -A} keeping line breaks and tabs so a text protocol reads as text.
 */
enum PayloadDump {
    NONE,
    HEX,
    HEX_ASCII,
    ASCII;

    /** The dump's lines for one captured frame of link type {@code linkType}; none for {@link #NONE}. */
    List<String> lines(int linkType, byte[] frame) {
        if (this == NONE) {
            return List.of();
        }
        int from = Math.min(frame.length, networkOffset(linkType, frame));
        return switch (this) {
            case HEX -> hex(frame, from, false);
            case HEX_ASCII -> hex(frame, from, true);
            case ASCII -> ascii(frame, from);
            case NONE -> List.of();
        };
    }

    /** Where the network-layer header starts in a frame of this link type (VLAN tags included). */
    static int networkOffset(int linkType, byte[] frame) {
        return switch (linkType) {
            case PacketDecoder.DLT_EN10MB -> {
                int type = frame.length >= 14 ? (frame[12] & 0xff) << 8 | (frame[13] & 0xff) : 0;
                yield type == 0x8100 || type == 0x88a8 ? 18 : 14;
            }
            case PacketDecoder.DLT_LINUX_SLL -> 16;
            case PacketDecoder.DLT_LINUX_SLL2 -> 20;
            case PacketDecoder.DLT_NULL, PacketDecoder.DLT_LOOP -> 4;
            default -> 0;
        };
    }

    private static List<String> hex(byte[] b, int from, boolean withAscii) {
        List<String> lines = new ArrayList<>();
        for (int line = from; line < b.length; line += 16) {
            int end = Math.min(b.length, line + 16);
            StringBuilder hex = new StringBuilder();
            StringBuilder text = new StringBuilder();
            for (int i = line; i < end; i += 2) {
                hex.append(' ').append(String.format(Locale.ROOT, "%02x", b[i] & 0xff));
                if (i + 1 < end) {
                    hex.append(String.format(Locale.ROOT, "%02x", b[i + 1] & 0xff));
                }
                text.append(graphic(b[i]));
                if (i + 1 < end) {
                    text.append(graphic(b[i + 1]));
                }
            }
            String offset = String.format(Locale.ROOT, "\t0x%04x: ", line - from);
            lines.add(withAscii ? offset + String.format(Locale.ROOT, "%-40s", hex) + "  " + text : offset + hex);
        }
        return lines;
    }

    /** tcpdump's -A: graphic characters, spaces, tabs and line breaks as they are, a CR before a LF dropped. */
    private static List<String> ascii(byte[] b, int from) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < b.length; i++) {
            int c = b[i] & 0xff;
            if (c == '\r') {
                if (i + 1 >= b.length || b[i + 1] != '\n') {
                    text.append('.');
                }
            } else if (c == '\n' || c == '\t' || c == ' ' || (c >= 0x21 && c <= 0x7e)) {
                text.append((char) c);
            } else {
                text.append('.');
            }
        }
        return List.of(text.toString().split("\n", -1));
    }

    private static char graphic(byte b) {
        int c = b & 0xff;
        return c >= 0x21 && c <= 0x7e ? (char) c : '.';
    }
}

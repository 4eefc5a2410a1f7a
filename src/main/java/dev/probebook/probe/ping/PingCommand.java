package dev.probebook.probe.ping;

import dev.probebook.net.IpFamily;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A parsed {@code ping} / {@code ping6} command.
 *
 * @param count        echo requests to send ({@code -c}; 4 unless given, unlike Linux's endless ping)
 * @param countGiven   whether {@code -c} was given (with {@code -w} alone ping sends until the deadline)
 * @param interval     between requests ({@code -i})
 * @param replyTimeout how long to wait for a reply when nothing came back ({@code -W}); null: configured default
 * @param deadline     total run time ({@code -w}); null: none
 * @param size         data bytes per request ({@code -s})
 * @param pattern      hex fill pattern ({@code -p ff00}); empty for the default fill
 * @param tcpPort      set when {@code -p} was given a port, which ping does not have: a TCP check runs instead
 */
public record PingCommand(
        String word,
        String host,
        int count,
        boolean countGiven,
        Duration interval,
        Duration replyTimeout,
        Duration deadline,
        int size,
        IpFamily ipVersion,
        boolean quiet,
        String pattern,
        Integer tcpPort) {

    public static final int DEFAULT_COUNT = 4;
    public static final int DEFAULT_SIZE = 56;

    /** The fill pattern as bytes; iputils reads it two hex digits at a time, so "fff" is ff 0f. */
    public byte[] patternBytes() {
        if (pattern == null || pattern.isEmpty()) {
            return new byte[0];
        }
        byte[] out = new byte[(pattern.length() + 1) / 2];
        for (int i = 0; i < out.length; i++) {
            String pair = pattern.substring(2 * i, Math.min(pattern.length(), 2 * i + 2));
            out[i] = (byte) Integer.parseInt(pair, 16);
        }
        return out;
    }

    /** {@code PATTERN: 0xff00} as iputils prints it when {@code -p} is given. */
    public String patternLine() {
        return "PATTERN: 0x" + HexFormat.of().formatHex(patternBytes());
    }
}

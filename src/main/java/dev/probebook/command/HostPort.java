package dev.probebook.command;

/**
 * A {@code host[:port]} operand split into its parts, without validating either: {@code 10.0.0.2},
 * {@code 127.0.0.1:5353}, {@code [::1]:53}, {@code [::1]}, or a bare IPv6 literal {@code ::1}.
 * A word with exactly one colon is {@code host:port}; a word with two or more colons and no brackets
 * is all host (an IPv6 address cannot carry a port without brackets).
 *
 * <p>Used where a configured address takes an optional port (DNS servers, target policy rules).
 * Not for URLs (their authority splits at the first colon and needs brackets for IPv6) nor for
 * curl's {@code --resolve HOST:PORT:ADDR}: those grammars differ.
 *
 * @param host      the host as written, brackets removed
 * @param port      the text after the port colon (possibly empty), or null when there is no port
 * @param bracketed whether the host was written in brackets
 */
public record HostPort(String host, String port, boolean bracketed) {

    /** Splits {@code text}; throws IllegalArgumentException for a '[' without ']' or text after ']' that is not ':port'. */
    public static HostPort split(String text) {
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "' has '[' but no ']'");
            }
            String host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (rest.isEmpty()) {
                return new HostPort(host, null, true);
            }
            if (!rest.startsWith(":")) {
                throw new IllegalArgumentException("'" + text + "' has '" + rest + "' after ']' where ':port' belongs");
            }
            return new HostPort(host, rest.substring(1), true);
        }
        int colon = text.indexOf(':');
        if (colon >= 0 && text.indexOf(':', colon + 1) < 0) {
            return new HostPort(text.substring(0, colon), text.substring(colon + 1), false);
        }
        return new HostPort(text, null, false);
    }

    /** The port as a number, or {@code defaultPort} when none was written; NumberFormatException when not a number. */
    public int portOr(int defaultPort) {
        return port == null ? defaultPort : Integer.parseInt(port);
    }
}

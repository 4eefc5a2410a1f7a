package dev.probebook.policy;

import dev.probebook.command.HostPort;
import java.math.BigInteger;
import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One allow or deny entry: a CIDR ({@code 10.0.0.0/8}, {@code fd00::/8}), an address, a host pattern
 * ({@code *.corp.example}) or {@code *}, optionally followed by {@code :PORT} or {@code :LOW-HIGH}
 * (IPv6 in brackets when a port follows: {@code [fd00::/8]:443}).
 */
public record TargetRule(String text, byte[] network, int prefix, Pattern hostPattern, int portLow, int portHigh) {

    public static TargetRule parse(String text) {
        String spec = text.trim();
        int portLow = 1;
        int portHigh = 65535;
        HostPort hostPort;
        try {
            hostPort = HostPort.split(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad target rule '" + text + "'");
        }
        String target = hostPort.host();
        if (hostPort.port() != null) {
            int[] range = ports(hostPort.port(), text);
            portLow = range[0];
            portHigh = range[1];
        }
        if (target.equals("*") || target.isEmpty()) {
            return new TargetRule(text, null, 0, Pattern.compile(".*"), portLow, portHigh);
        }
        boolean looksNumeric = target.matches("[0-9.]+(/\\d+)?") || target.contains(":");
        if (looksNumeric) {
            String addr = target;
            int prefix = -1;
            if (target.contains("/")) {
                addr = target.substring(0, target.indexOf('/'));
                prefix = Integer.parseInt(target.substring(target.indexOf('/') + 1));
            }
            try {
                byte[] bytes = InetAddress.getByName(addr).getAddress();
                if (prefix < 0) {
                    prefix = bytes.length * 8;
                }
                if (prefix > bytes.length * 8) {
                    throw new IllegalArgumentException("bad prefix in target rule '" + text + "'");
                }
                return new TargetRule(text, bytes, prefix, null, portLow, portHigh);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("bad address in target rule '" + text + "'");
            }
        }
        String regex = Pattern.quote(target.toLowerCase(Locale.ROOT)).replace("*", "\\E[^.]*(\\.[^.]+)*\\Q");
        if (target.startsWith("*.")) {
            regex = "(.+\\.)?" + Pattern.quote(target.substring(2).toLowerCase(Locale.ROOT));
        }
        return new TargetRule(text, null, 0, Pattern.compile(regex), portLow, portHigh);
    }

    private static int[] ports(String p, String text) {
        try {
            if (p.contains("-")) {
                String[] lh = p.split("-", 2);
                return new int[] {Integer.parseInt(lh[0]), Integer.parseInt(lh[1])};
            }
            int port = Integer.parseInt(p);
            return new int[] {port, port};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in target rule '" + text + "'");
        }
    }

    public boolean matchesAddress(InetAddress address, int port) {
        if (port > 0 && (port < portLow || port > portHigh)) {
            return false;
        }
        if (network == null) {
            return hostPattern != null && hostPattern.pattern().equals(".*");
        }
        byte[] a = address.getAddress();
        if (a.length != network.length) {
            return false;
        }
        int bits = a.length * 8;
        BigInteger mask = prefix == 0
                ? BigInteger.ZERO
                : BigInteger.ONE
                        .shiftLeft(bits)
                        .subtract(BigInteger.ONE)
                        .shiftRight(bits - prefix)
                        .shiftLeft(bits - prefix);
        return new BigInteger(1, a).and(mask).equals(new BigInteger(1, network).and(mask));
    }

    public boolean matchesHost(String host, int port) {
        if (hostPattern == null || host == null) {
            return false;
        }
        if (port > 0 && (port < portLow || port > portHigh)) {
            return false;
        }
        return hostPattern.matcher(normalise(host)).matches();
    }

    /** Lower case, ASCII (IDN), no trailing dot: "Shop.Example." and "shop.example" are one host. */
    static String normalise(String host) {
        String h = host.strip();
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        try {
            h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            // not a valid IDN: match it as written
        }
        return h.toLowerCase(Locale.ROOT);
    }
}

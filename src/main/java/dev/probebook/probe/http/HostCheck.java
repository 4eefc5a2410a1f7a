package dev.probebook.probe.http;

import dev.probebook.command.HostSyntax;
import java.net.InetAddress;
import java.util.Locale;

/**
 * Whether a certificate names the host that was asked for, with the lines curl prints about it. Like
 * curl: subject alternative names decide when the certificate has any of the right kind (DNS names for
 * a name, IP addresses for an address); only a certificate without them falls back to its common name.
 * A wildcard stands for exactly one left-most label.
 *
 * @param matched     true when the host is covered
 * @param verboseLine the {@code -v} line (without the leading {@code * })
 * @param error       curl's error message when not matched, null when matched
 */
public record HostCheck(boolean matched, String verboseLine, String error) {

    public static HostCheck of(CertificateInfo cert, String host) {
        boolean ip = HostSyntax.isIpLiteral(host);
        String target = ip ? (host.contains(":") ? "ipv6 address" : "ipv4 address") : "host name";
        if (ip) {
            String wanted = normalise(host);
            if (!cert.ipAddresses().isEmpty() || !cert.dnsNames().isEmpty()) {
                for (String a : cert.ipAddresses()) {
                    if (a.equals(wanted)) {
                        return new HostCheck(
                                true, " subjectAltName: host \"" + host + "\" matched cert's IP address!", null);
                    }
                }
                return mismatch(host, target);
            }
        } else if (!cert.dnsNames().isEmpty()) {
            for (String name : cert.dnsNames()) {
                if (nameMatches(name, host)) {
                    return new HostCheck(
                            true, " subjectAltName: host \"" + host + "\" matched cert's \"" + name + "\"", null);
                }
            }
            return mismatch(host, target);
        }
        String cn = cert.commonName();
        if (cn != null && (ip ? normalise(cn).equals(normalise(host)) : nameMatches(cn, host))) {
            return new HostCheck(true, " common name: " + cn + " (matched)", null);
        }
        return new HostCheck(
                false,
                " common name: " + cn + " (does not match '" + host + "')",
                "SSL: certificate subject name '" + cn + "' does not match target " + target + " '" + host + "'");
    }

    private static HostCheck mismatch(String host, String target) {
        return new HostCheck(
                false,
                " subjectAltName does not match " + host,
                "SSL: no alternative certificate subject name matches target " + target + " '" + host + "'");
    }

    static boolean nameMatches(String pattern, String host) {
        String p = strip(pattern.toLowerCase(Locale.ROOT));
        String h = strip(host.toLowerCase(Locale.ROOT));
        if (p.startsWith("*.")) {
            String suffix = p.substring(1);
            int firstDot = h.indexOf('.');
            return firstDot > 0 && h.substring(firstDot).equals(suffix) && suffix.indexOf('.', 1) > 0;
        }
        return p.equals(h);
    }

    private static String strip(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String normalise(String ip) {
        try {
            return InetAddress.getByName(ip).getHostAddress();
        } catch (Exception e) {
            return ip;
        }
    }
}

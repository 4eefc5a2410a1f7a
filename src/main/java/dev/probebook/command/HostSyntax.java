package dev.probebook.command;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of host operands: IPv4 and IPv6 literals and DNS names (IDN allowed). No lookups. */
public final class HostSyntax {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");

    private HostSyntax() {}

    public static boolean isIpv4(String s) {
        return IPV4.matcher(s).matches();
    }

    public static boolean isIpv6(String s) {
        if (!s.contains(":") || !IPV6.matcher(s).matches()) {
            return false;
        }
        String addr = s.contains("%") ? s.substring(0, s.indexOf('%')) : s;
        int doubleColons = addr.split("::", -1).length - 1;
        if (doubleColons > 1) {
            return false;
        }
        String[] groups = addr.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g.isEmpty()) {
                continue;
            }
            if (i == groups.length - 1 && g.contains(".")) {
                if (!isIpv4(g)) {
                    return false;
                }
                count += 2;
            } else if (g.length() > 4 || g.contains(".")) {
                return false;
            } else {
                count++;
            }
        }
        return doubleColons == 1 ? count < 8 : count == 8;
    }

    public static boolean isIpLiteral(String s) {
        return isIpv4(s) || isIpv6(s);
    }

    /**
     * Returns the host in the form to connect to (brackets removed, IDN converted to ASCII, lower case)
     * or throws with a message that says what is wrong and what would work.
     */
    public static String validate(String raw) throws UsageException {
        if (raw == null || raw.isEmpty()) {
            throw new UsageException("missing host");
        }
        String s = raw;
        if (s.startsWith("-")) {
            throw new UsageException("'" + raw + "' is not a host (it looks like an option)");
        }
        if (s.contains("://")) {
            String bare = s.substring(s.indexOf("://") + 3)
                    .replaceFirst("[/?#].*$", "")
                    .replaceFirst("^[^@]*@", "");
            throw new UsageException("'" + raw + "' is a URL; give only the host name, e.g. '" + bare + "'");
        }
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
            if (!isIpv6(s)) {
                throw new UsageException("'" + raw + "' is not a valid IPv6 address");
            }
            return s.toLowerCase(Locale.ROOT);
        }
        if (isIpv4(s)) {
            return s;
        }
        if (s.contains(":")) {
            if (isIpv6(s)) {
                return s.toLowerCase(Locale.ROOT);
            }
            throw new UsageException("'" + raw + "' is not a valid host (a port goes in its own argument)");
        }
        if (s.matches("[0-9.]+")) {
            throw new UsageException("'" + raw + "' is not a valid IPv4 address");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(s, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new UsageException("'" + raw + "' is not a valid host name");
        }
        String name = ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
        if (name.isEmpty() || name.length() > 253) {
            throw new UsageException("'" + raw + "' is not a valid host name");
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new UsageException("'" + raw + "' is not a valid host name");
            }
        }
        return ascii.toLowerCase(Locale.ROOT);
    }
}

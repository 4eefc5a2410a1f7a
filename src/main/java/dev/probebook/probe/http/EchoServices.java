package dev.probebook.probe.http;

import java.util.Locale;
import java.util.Set;

/** Well-known "what is my IP" services: a plain GET answers with the caller's public address. */
final class EchoServices {

    /** {@code host} or {@code host/path}, lower case, without scheme, port or trailing slash. */
    private static final Set<String> KNOWN = Set.of(
            "ifconfig.me",
            "ifconfig.me/ip",
            "icanhazip.com",
            "ipv4.icanhazip.com",
            "ipv6.icanhazip.com",
            "ipinfo.io/ip",
            "api.ipify.org",
            "api4.ipify.org",
            "api6.ipify.org",
            "api64.ipify.org",
            "ifconfig.co",
            "ifconfig.co/ip",
            "checkip.amazonaws.com",
            "ident.me",
            "v4.ident.me",
            "v6.ident.me",
            "ipecho.net/plain");

    private EchoServices() {}

    /** True when the curl URL operand names one of the services (with or without http/https). */
    static boolean isEchoService(String urlWord) {
        String s = urlWord.toLowerCase(Locale.ROOT);
        if (s.startsWith("http://")) {
            s = s.substring(7);
        } else if (s.startsWith("https://")) {
            s = s.substring(8);
        } else if (s.contains("://")) {
            return false;
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return KNOWN.contains(s);
    }
}

package dev.probebook.command;

import java.util.Locale;

/** Parses a URL the way curl accepts it: a scheme is optional ({@code example.com:8080/x} means http). */
public final class UrlSyntax {

    /** The parts of a URL needed to connect and to print curl's lines. */
    public record Url(String scheme, String host, int port, boolean explicitPort, String pathAndQuery) {
        public boolean https() {
            return scheme.equals("https");
        }

        /** The URL as curl would rebuild it. */
        public String text() {
            String h = host.contains(":") ? "[" + host + "]" : host;
            return scheme + "://" + h + (explicitPort ? ":" + port : "") + pathAndQuery;
        }
    }

    private UrlSyntax() {}

    public static Url parse(String raw) throws UsageException {
        if (raw == null || raw.isBlank()) {
            throw new UsageException("missing URL");
        }
        String rest = raw;
        String scheme = "http";
        int sep = raw.indexOf("://");
        if (sep >= 0) {
            scheme = raw.substring(0, sep).toLowerCase(Locale.ROOT);
            rest = raw.substring(sep + 3);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new UsageException(
                        "unsupported protocol '" + scheme + "' in " + raw + " (http and https are supported)");
            }
        }
        int pathStart = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            if ("/?#".indexOf(rest.charAt(i)) >= 0) {
                pathStart = i;
                break;
            }
        }
        String authority = rest.substring(0, pathStart);
        String path = rest.substring(pathStart);
        if (path.isEmpty()) {
            path = "/";
        } else if (path.startsWith("?")) {
            path = "/" + path;
        }
        if (path.contains("#")) {
            path = path.substring(0, path.indexOf('#'));
        }
        if (authority.contains("@")) {
            authority = authority.substring(authority.lastIndexOf('@') + 1);
        }
        // Not HostPort.split: a URL authority splits at the first colon (IPv6 must be bracketed, RFC 3986,
        // so "a:b:80" is a bad port, not an IPv6 host), brackets stay on for HostSyntax.validate, and each
        // failure has its own curl-style message.
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new UsageException("bad IPv6 address in URL " + raw);
            }
            host = authority.substring(0, close + 1);
            if (close + 1 < authority.length()) {
                if (authority.charAt(close + 1) != ':') {
                    throw new UsageException("bad URL " + raw);
                }
                portText = authority.substring(close + 2);
            }
        } else {
            int colon = authority.indexOf(':');
            host = colon >= 0 ? authority.substring(0, colon) : authority;
            portText = colon >= 0 ? authority.substring(colon + 1) : null;
        }
        if (host.isEmpty()) {
            throw new UsageException("no host in URL " + raw);
        }
        String validHost = HostSyntax.validate(host);
        int port = scheme.equals("https") ? 443 : 80;
        boolean explicit = false;
        if (portText != null && !portText.isEmpty()) {
            if (!portText.matches("\\d{1,5}")) {
                throw new UsageException("bad port '" + portText + "' in URL " + raw);
            }
            port = Integer.parseInt(portText);
            if (port < 1 || port > 65535) {
                throw new UsageException("port " + portText + " in URL " + raw + " is out of range (1-65535)");
            }
            explicit = true;
        }
        return new Url(scheme, validHost, port, explicit, path);
    }
}

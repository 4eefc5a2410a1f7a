package dev.probebook.probe.whois;

/**
 * {@code whois [-h SERVER] [-p PORT] [--verbose] [-H] QUERY}.
 *
 * @param query   a domain name or an IP address, as typed (a Korean name stays Korean)
 * @param wire    the query as sent: an internationalised name in its ASCII form ({@code xn--...}), as whois sends it
 * @param server  the server named with {@code -h}, or null to start at IANA's and follow its referral
 * @param port    the port named with {@code -p}, or 0 for the configured one (43)
 * @param verbose {@code --verbose}: say which server is asked and with what
 */
public record WhoisCommand(String query, String wire, String server, int port, boolean verbose) {}

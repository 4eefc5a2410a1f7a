package dev.probebook.probe.dns;

import java.net.InetSocketAddress;

/**
 * A DNS server to ask. {@code label} is how the tools name it: the server operand as typed
 * ({@code dns.google}) or the address for servers from the configuration.
 */
record DnsServer(String label, InetSocketAddress address) {

    String ip() {
        return address.getAddress().getHostAddress().replaceFirst("%.*$", "");
    }

    /** {@code 127.0.0.1#53}, as nslookup and dig print a server. */
    String hashPort() {
        return ip() + "#" + address.getPort();
    }
}

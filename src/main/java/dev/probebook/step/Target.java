package dev.probebook.step;

import dev.probebook.net.AddressText;
import java.net.InetAddress;

/**
 * An address a run contacted (or was refused): {@code host} the name it came from (null for an address literal),
 * {@code endpoint} the address with its port ({@code 10.0.0.5:443}, {@code [::1]:22}; no port for ICMP or DNS).
 */
public record Target(String host, String endpoint, boolean allowed) {

    /** The target of a connection the engine reported ({@code port} 0: none). */
    public static Target of(String host, InetAddress address, int port, boolean allowed) {
        boolean literal = host == null || host.equals(address.getHostAddress()) || host.equals(AddressText.of(address));
        String endpoint = port <= 0 ? AddressText.of(address) : AddressText.withPort(address, port);
        return new Target(literal ? null : host, endpoint, allowed);
    }

    /** {@code example.com -> 93.184.216.34:443}, {@code 10.0.0.5:22 (denied)}. */
    public String text() {
        return (host == null ? "" : host + " -> ") + endpoint + (allowed ? "" : " (denied)");
    }
}

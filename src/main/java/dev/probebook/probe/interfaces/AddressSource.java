package dev.probebook.probe.interfaces;

import java.util.List;

/**
 * Where an interface's addresses come from when no kernel file lists them: IPv4 always (Linux has no
 * text file of IPv4 addresses), IPv6 only when {@code /proc/net/if_inet6} is missing. Lists are in the
 * kernel's order, primary address first.
 */
public interface AddressSource {

    List<IfAddress> ipv4(String iface);

    List<IfAddress> ipv6(String iface);
}

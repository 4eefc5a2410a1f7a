/**
 * {@code traceroute}: the routers on the way to a host, found with ICMP echo requests of rising TTL through the
 * same ICMP sockets ping uses.
 */
package dev.probebook.probe.traceroute;

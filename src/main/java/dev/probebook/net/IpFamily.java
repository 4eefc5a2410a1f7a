package dev.probebook.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** The address family a tool's {@code -4} / {@code -6} asks for (ping, tcping, nc, curl, traceroute), or either. */
public enum IpFamily {
    ANY,
    V4,
    V6;

    /** Whether an address of this family may be used. */
    public boolean admits(InetAddress address) {
        return switch (this) {
            case ANY -> true;
            case V4 -> address instanceof Inet4Address;
            case V6 -> address instanceof Inet6Address;
        };
    }
}

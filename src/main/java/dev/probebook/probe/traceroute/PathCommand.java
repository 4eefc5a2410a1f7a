package dev.probebook.probe.traceroute;

import dev.probebook.net.IpFamily;

/** A parsed path command: {@code traceroute} (one line per hop) or {@code mtr} (a report of repeated rounds). */
public sealed interface PathCommand permits TracerouteCommand, MtrCommand {

    /** The host to trace, as the command names it. */
    String host();

    /** Which address family to trace over ({@code -4}, {@code -6}, {@code traceroute6}). */
    IpFamily ipVersion();

    /** The command word, for messages ({@code traceroute}, {@code mtr}). */
    String tool();
}

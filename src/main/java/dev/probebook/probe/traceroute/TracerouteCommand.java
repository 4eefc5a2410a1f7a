package dev.probebook.probe.traceroute;

import dev.probebook.net.IpFamily;
import java.time.Duration;

/**
 * {@code traceroute [-I] [-n] [-4|-6] [-f FIRST] [-m MAX] [-q N] [-w SECONDS] HOST [PACKETLEN]}.
 *
 * @param firstTtl  the TTL of the first hop probed ({@code -f}, 1)
 * @param maxTtl    the last TTL probed ({@code -m}, 30)
 * @param queries   probes per hop ({@code -q}, 3)
 * @param maxWait   how long a hop's probes may stay unanswered ({@code -w}, 5 s)
 * @param packetLen the whole packet's length, IP header included, as the header line says; 0 for the default (60, or
 *                  80 for IPv6)
 * @param icmpAsked whether {@code -I} was given; without it traceroute would send UDP, and Probebook still sends ICMP
 */
public record TracerouteCommand(
        String host,
        IpFamily ipVersion,
        int firstTtl,
        int maxTtl,
        int queries,
        Duration maxWait,
        int packetLen,
        boolean icmpAsked)
        implements PathCommand {

    @Override
    public String tool() {
        return "traceroute";
    }
}

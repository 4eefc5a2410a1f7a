package dev.probebook.net;

/**
 * iputils ping's wording for ICMP and ICMPv6 errors, so that "From 10.0.0.1 icmp_seq=1 Destination Host
 * Unreachable" reads exactly as operators know it, plus what kind of problem each one is. {@code info}
 * is the second header word (MTU, gateway, pointer) where the type uses it.
 */
public final class IcmpErrors {

    /** What an error means for the verdict. */
    public enum Cause {
        /** No route, no ARP/NDP answer, host or network unknown. */
        UNREACHABLE,
        /** A router or firewall rejects the traffic administratively. */
        PROHIBITED,
        /** The TTL / hop limit ran out: a routing loop or a path longer than the TTL. */
        TIME_EXCEEDED,
        /** The packet is larger than the path MTU. */
        TOO_BIG,
        OTHER
    }

    public record Description(String text, Cause cause) {}

    private IcmpErrors() {}

    public static Description icmp4(int type, int code, long info) {
        return switch (type) {
            case 3 ->
                switch (code) {
                    case 0 -> unreachable("Destination Net Unreachable");
                    case 1 -> unreachable("Destination Host Unreachable");
                    case 2 -> unreachable("Destination Protocol Unreachable");
                    case 3 -> unreachable("Destination Port Unreachable");
                    case 4 -> new Description("Frag needed and DF set (mtu = " + (info & 0xffff) + ")", Cause.TOO_BIG);
                    case 5 -> unreachable("Source Route Failed");
                    case 6 -> unreachable("Destination Net Unknown");
                    case 7 -> unreachable("Destination Host Unknown");
                    case 8 -> unreachable("Source Host Isolated");
                    case 9 -> prohibited("Destination Net Prohibited");
                    case 10 -> prohibited("Destination Host Prohibited");
                    case 11 -> unreachable("Destination Net Unreachable for Type of Service");
                    case 12 -> unreachable("Destination Host Unreachable for Type of Service");
                    case 13 -> prohibited("Packet filtered");
                    case 14 -> prohibited("Precedence Violation");
                    case 15 -> prohibited("Precedence Cutoff");
                    default -> unreachable("Dest Unreachable, Bad Code: " + code);
                };
            case 4 -> other("Source Quench");
            case 5 ->
                other(
                        switch (code) {
                            case 0 -> "Redirect Network";
                            case 1 -> "Redirect Host";
                            case 2 -> "Redirect Type of Service and Network";
                            case 3 -> "Redirect Type of Service and Host";
                            default -> "Redirect, Bad Code: " + code;
                        });
            case 11 ->
                new Description(
                        switch (code) {
                            case 0 -> "Time to live exceeded";
                            case 1 -> "Frag reassembly time exceeded";
                            default -> "Time exceeded, Bad Code: " + code;
                        },
                        Cause.TIME_EXCEEDED);
            case 12 -> other("Parameter problem: pointer = " + ((info >>> 24) & 0xff));
            default -> other("Bad ICMP type: " + type);
        };
    }

    static Description icmp6(int type, int code, long info) {
        return switch (type) {
            case 1 ->
                switch (code) {
                    case 0 -> unreachable("Destination unreachable: No route");
                    case 1 -> prohibited("Destination unreachable: Administratively prohibited");
                    case 2 -> unreachable("Destination unreachable: Beyond scope of source address");
                    case 3 -> unreachable("Destination unreachable: Address unreachable");
                    case 4 -> unreachable("Destination unreachable: Port unreachable");
                    case 5, 6 -> prohibited("Destination unreachable: Source address failed ingress/egress policy");
                    default -> unreachable("Destination unreachable: Unknown code " + code);
                };
            case 2 -> new Description("Packet too big: mtu=" + info, Cause.TOO_BIG);
            case 3 ->
                new Description(
                        switch (code) {
                            case 0 -> "Time exceeded: Hop limit";
                            case 1 -> "Time exceeded: Defragmentation failure";
                            default -> "Time exceeded: code " + code;
                        },
                        Cause.TIME_EXCEEDED);
            case 4 ->
                other("Parameter problem: "
                        + switch (code) {
                            case 0 -> "Wrong header field ";
                            case 1 -> "Unknown header ";
                            case 2 -> "Unknown option ";
                            default -> "code " + code + " ";
                        }
                        + "at " + info);
            default -> other("Unknown type " + type);
        };
    }

    private static Description unreachable(String text) {
        return new Description(text, Cause.UNREACHABLE);
    }

    private static Description prohibited(String text) {
        return new Description(text, Cause.PROHIBITED);
    }

    private static Description other(String text) {
        return new Description(text, Cause.OTHER);
    }
}

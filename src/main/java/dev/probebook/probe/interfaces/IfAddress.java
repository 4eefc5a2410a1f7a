package dev.probebook.probe.interfaces;

import dev.probebook.net.AddressClass;

/**
 * One address of an interface.
 *
 * @param address numeric text ({@code 10.0.0.5}, {@code fe80::1})
 * @param broadcast IPv4 broadcast address, null when none
 * @param scope ip's scope name: {@code global}, {@code link}, {@code host} or {@code site}
 * @param kernelScope IPv6 scope bits as {@code /proc/net/if_inet6} and ifconfig's {@code scopeid} give them
 *                    (0 global, 0x10 host, 0x20 link, 0x40 site); 0 for IPv4
 * @param flags {@code IFA_F_*} bits ({@link #PERMANENT}, {@link #SECONDARY}, {@link #NODAD}, ...)
 * @param label the IPv4 label ({@code eth0}, {@code eth0:1}); null for IPv6
 */
public record IfAddress(
        boolean v6,
        String address,
        int prefix,
        String broadcast,
        String scope,
        int kernelScope,
        int flags,
        String label,
        AddressClass addressClass) {

    public static final int SECONDARY = 0x01;
    public static final int NODAD = 0x02;
    public static final int PERMANENT = 0x80;

    public static final int SCOPE_HOST = 0x10;
    public static final int SCOPE_LINK = 0x20;
    public static final int SCOPE_SITE = 0x40;
    public static final int SCOPE_COMPAT = 0x80;

    /** {@code 10.0.0.5/24}. */
    public String cidr() {
        return address + "/" + prefix;
    }

    /** ip's scope name for IPv6 scope bits. */
    public static String scopeName(int kernelScope) {
        return switch (kernelScope & ~SCOPE_COMPAT) {
            case SCOPE_HOST -> "host";
            case SCOPE_LINK -> "link";
            case SCOPE_SITE -> "site";
            default -> "global";
        };
    }
}

package dev.probebook.probe.interfaces;

import dev.probebook.net.AddressClass;
import dev.probebook.net.KernelHex;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Addresses from {@link NetworkInterface}. The JDK lists an interface's addresses last-first (it
 * prepends each one while enumerating), so they are reversed here to get the kernel's order, in which
 * the first IPv4 address is the primary one ifconfig shows. Alias interfaces ({@code eth0:1}) add their
 * addresses with their label.
 */
final class JavaAddressSource implements AddressSource {

    @Override
    public List<IfAddress> ipv4(String iface) {
        List<IfAddress> out = new ArrayList<>();
        NetworkInterface ni = lookup(iface);
        if (ni == null) {
            return out;
        }
        collectV4(ni, iface, out);
        for (NetworkInterface sub : Collections.list(ni.getSubInterfaces())) {
            collectV4(sub, sub.getName(), out);
        }
        markSecondaries(out);
        return out;
    }

    @Override
    public List<IfAddress> ipv6(String iface) {
        List<IfAddress> out = new ArrayList<>();
        NetworkInterface ni = lookup(iface);
        if (ni == null) {
            return out;
        }
        List<InterfaceAddress> all = new ArrayList<>(ni.getInterfaceAddresses());
        Collections.reverse(all);
        for (InterfaceAddress ia : all) {
            if (ia.getAddress() instanceof Inet6Address a) {
                int scope = a.isLoopbackAddress()
                        ? IfAddress.SCOPE_HOST
                        : a.isLinkLocalAddress()
                                ? IfAddress.SCOPE_LINK
                                : a.isSiteLocalAddress() ? IfAddress.SCOPE_SITE : 0;
                out.add(new IfAddress(
                        true,
                        KernelHex.toText(a.getAddress()),
                        ia.getNetworkPrefixLength(),
                        null,
                        IfAddress.scopeName(scope),
                        scope,
                        IfAddress.PERMANENT,
                        null,
                        AddressClass.of(a.getAddress())));
            }
        }
        return out;
    }

    private static void collectV4(NetworkInterface ni, String label, List<IfAddress> out) {
        List<InterfaceAddress> all = new ArrayList<>(ni.getInterfaceAddresses());
        Collections.reverse(all);
        for (InterfaceAddress ia : all) {
            if (ia.getAddress() instanceof Inet4Address a) {
                String text = a.getHostAddress();
                if (out.stream().anyMatch(x -> x.address().equals(text))) {
                    continue;
                }
                byte[] b = a.getAddress();
                String scope = (b[0] & 0xff) == 127
                        ? "host"
                        : ((b[0] & 0xff) == 169 && (b[1] & 0xff) == 254) ? "link" : "global";
                String broadcast =
                        ia.getBroadcast() == null ? null : ia.getBroadcast().getHostAddress();
                out.add(new IfAddress(
                        false,
                        text,
                        ia.getNetworkPrefixLength(),
                        broadcast,
                        scope,
                        0,
                        IfAddress.PERMANENT,
                        label,
                        AddressClass.of(b)));
            }
        }
    }

    /** The kernel marks every further address inside an existing address's subnet as secondary. */
    private static void markSecondaries(List<IfAddress> list) {
        for (int i = 1; i < list.size(); i++) {
            IfAddress a = list.get(i);
            for (int j = 0; j < i; j++) {
                IfAddress p = list.get(j);
                if ((p.flags() & IfAddress.SECONDARY) == 0
                        && p.prefix() == a.prefix()
                        && Ipv4.network(p.address(), p.prefix()) == Ipv4.network(a.address(), a.prefix())) {
                    list.set(
                            i,
                            new IfAddress(
                                    false,
                                    a.address(),
                                    a.prefix(),
                                    a.broadcast(),
                                    a.scope(),
                                    0,
                                    a.flags() | IfAddress.SECONDARY,
                                    a.label(),
                                    a.addressClass()));
                    break;
                }
            }
        }
    }

    static NetworkInterface lookup(String name) {
        try {
            return NetworkInterface.getByName(name);
        } catch (SocketException e) {
            return null;
        }
    }
}

package dev.probebook.probe.interfaces;

import dev.probebook.net.AddressClass;
import dev.probebook.probe.ProbeResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the addresses mean (the runbook's "서버 비공인 IP 확인"): each non-loopback address is classified, and
 * the summary says whether the host has a public address of its own or sits in a private network whose
 * public IP, if any, comes from NAT — which {@code curl ifconfig.me} reveals.
 */
final class InterfacesVerdict {

    private static final int MAX_PER_CLASS = 4;

    /** Most telling first: a public address answers the question, link-local ones are the least interesting. */
    private static final List<AddressClass> SUMMARY_ORDER = List.of(
            AddressClass.PUBLIC,
            AddressClass.PRIVATE,
            AddressClass.CGNAT,
            AddressClass.RESERVED,
            AddressClass.ULA,
            AddressClass.LINK_LOCAL);

    private InterfacesVerdict() {}

    static ProbeResult missing(String name, List<NetInterface> all) {
        String existing = all.stream().map(NetInterface::name).collect(Collectors.joining(", "));
        return ProbeResult.fail(
                "there is no interface " + name + " on this host; its interfaces are " + existing
                        + " (names differ between hosts: eth0, ens5, enp0s3, ...)",
                new InterfacesDetails(List.of(), name));
    }

    /** For {@code ip link}: the links and their states, down ones called out. */
    static ProbeResult links(List<NetInterface> shown, String requested) {
        List<InterfacesDetails.Iface> ifaces = shown.stream()
                .map(ni -> new InterfacesDetails.Iface(
                        ni.name(), ni.up(), ni.ipState(), ni.mtu(), ni.mac(), List.<InterfacesDetails.Addr>of()))
                .toList();
        String states = shown.stream().map(ni -> ni.name() + " " + ni.ipState()).collect(Collectors.joining(", "));
        List<String> down = shown.stream()
                .filter(ni -> !ni.loopback() && !ni.up())
                .map(NetInterface::name)
                .toList();
        String note = down.isEmpty()
                ? ""
                : "; down: " + String.join(", ", down) + " (no traffic until brought up; ip addr shows the addresses)";
        return ProbeResult.ok(
                (shown.isEmpty() ? "no link to show" : "links: " + states) + note, new InterfacesDetails(ifaces, null));
    }

    /** @param shown the interfaces listed, each with the addresses the view showed */
    static ProbeResult judge(Map<NetInterface, List<IfAddress>> shown, String requested) {
        Map<AddressClass, List<String>> byClass = new EnumMap<>(AddressClass.class);
        List<InterfacesDetails.Iface> ifaces = new ArrayList<>();
        for (Map.Entry<NetInterface, List<IfAddress>> e : shown.entrySet()) {
            NetInterface ni = e.getKey();
            List<InterfacesDetails.Addr> addrs = new ArrayList<>();
            for (IfAddress a : e.getValue()) {
                addrs.add(new InterfacesDetails.Addr(
                        a.v6() ? "inet6" : "inet",
                        a.address(),
                        a.prefix(),
                        a.scope(),
                        a.addressClass().label()));
                byClass.computeIfAbsent(a.addressClass(), k -> new ArrayList<>())
                        .add(a.address() + " (" + ni.name() + ")");
            }
            ifaces.add(new InterfacesDetails.Iface(ni.name(), ni.up(), ni.ipState(), ni.mtu(), ni.mac(), addrs));
        }
        InterfacesDetails details = new InterfacesDetails(ifaces, null);
        String down = requested == null
                ? ""
                : shown.keySet().stream()
                        .filter(ni -> !ni.up())
                        .findFirst()
                        .map(ni -> ". " + ni.name() + " is down: it carries no traffic until brought up (ip link set "
                                + ni.name() + " up)")
                        .orElse("");
        if (shown.isEmpty()) {
            return ProbeResult.ok(
                    "no interface to show in this view (ifconfig -a or ip addr lists every interface)", details);
        }
        List<String> parts = new ArrayList<>();
        for (AddressClass c : SUMMARY_ORDER) {
            List<String> found = byClass.getOrDefault(c, List.of());
            if (c == AddressClass.LINK_LOCAL) {
                // every IPv6 interface has an fe80:: address; only an IPv4 link-local one says something
                found = found.stream().filter(x -> !x.contains(":")).toList();
            }
            if (!found.isEmpty()) {
                parts.add(c.label() + ": " + list(found));
            }
        }
        if (parts.isEmpty()) {
            if (byClass.containsKey(AddressClass.LINK_LOCAL)) {
                return ProbeResult.ok(
                        "no routable address, only IPv6 link-local ones: " + list(byClass.get(AddressClass.LINK_LOCAL))
                                + "; the interface has neither IPv4 nor a global IPv6 address (DHCP or static configuration missing)"
                                + down,
                        details);
            }
            if (byClass.containsKey(AddressClass.LOOPBACK)) {
                return ProbeResult.ok(
                        "only loopback addresses: " + list(byClass.get(AddressClass.LOOPBACK))
                                + "; reachable from this host only"
                                + (requested == null
                                        ? "; no other interface is up with an address (ifconfig -a or ip addr lists all)"
                                        : "")
                                + down,
                        details);
            }
            return ProbeResult.ok(
                    "no address on "
                            + shown.keySet().stream().map(NetInterface::name).collect(Collectors.joining(", ")) + down,
                    details);
        }
        String head = String.join("; ", parts);
        String meaning;
        if (byClass.containsKey(AddressClass.PUBLIC)) {
            meaning = "this host has a public address of its own: other hosts on the internet reach it there directly"
                    + " (if firewalls and security groups allow); curl ifconfig.me should print it";
        } else {
            meaning = "no public address on any interface: this host is in a private network — its public IP, if any,"
                    + " comes from NAT (check with curl ifconfig.me)";
        }
        if (byClass.containsKey(AddressClass.LINK_LOCAL)
                && byClass.get(AddressClass.LINK_LOCAL).stream().anyMatch(s -> s.startsWith("169.254."))) {
            meaning += ". A 169.254.x.x address is self-assigned: DHCP got no answer on that interface";
        }
        return ProbeResult.ok(head + "; " + meaning + down, details);
    }

    private static String list(List<String> items) {
        Map<String, Boolean> unique = new LinkedHashMap<>();
        items.forEach(i -> unique.put(i, true));
        List<String> keys = new ArrayList<>(unique.keySet());
        String more = keys.size() > MAX_PER_CLASS ? " and " + (keys.size() - MAX_PER_CLASS) + " more" : "";
        return String.join(", ", keys.subList(0, Math.min(MAX_PER_CLASS, keys.size()))) + more;
    }
}

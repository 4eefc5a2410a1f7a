package dev.probebook.probe.interfaces;

import dev.probebook.probe.ProbeDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Structured result of an interface listing: the interfaces shown with their addresses and what kind of
 * network each address belongs to.
 *
 * @param missing the interface asked for when it does not exist, else null
 */
public record InterfacesDetails(List<Iface> interfaces, String missing) implements ProbeDetails {

    /** One interface. {@code state} is ip's operstate word ({@code UP}, {@code DOWN}, {@code UNKNOWN}). */
    public record Iface(String name, boolean up, String state, int mtu, String mac, List<Addr> addresses) {
        public Iface {
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * One address.
     *
     * @param family {@code inet} or {@code inet6}
     * @param addressClass {@code loopback}, {@code private}, {@code cgnat}, {@code link-local}, {@code ula},
     *                     {@code reserved} or {@code public}
     */
    public record Addr(String family, String address, int prefix, String scope, String addressClass) {}

    public InterfacesDetails {
        interfaces = List.copyOf(interfaces);
    }

    /** Each interface's state and addresses. */
    @Override
    public Map<String, String> facts() {
        Map<String, String> f = new LinkedHashMap<>();
        for (Iface i : interfaces) {
            f.put(
                    i.name(),
                    i.state()
                            + (i.addresses().isEmpty()
                                    ? ""
                                    : " "
                                            + String.join(
                                                    ", ",
                                                    i.addresses().stream()
                                                            .map(a -> a.address() + "/" + a.prefix())
                                                            .toList())));
        }
        return f;
    }
}

package dev.probebook.probe.whois;

import dev.probebook.probe.ProbeDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What whois found: the servers asked in order, and from the last answer the registration (registrar, expiry, name
 * servers) or the address block (network, range, holder, country). Fields are null when the answer has none.
 */
public record WhoisDetails(
        String query,
        List<String> servers,
        boolean found,
        String registrar,
        String expiry,
        Long daysLeft,
        List<String> nameServers,
        String network,
        String range,
        String holder,
        String country,
        String error)
        implements ProbeDetails {

    public WhoisDetails {
        servers = List.copyOf(servers);
        nameServers = List.copyOf(nameServers);
    }

    @Override
    public Map<String, String> facts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("registered", error != null ? error : found ? "yes" : "no");
        put(f, "registrar", registrar);
        put(f, "expires", expiry);
        if (daysLeft != null) {
            f.put("days left", String.valueOf(daysLeft));
        }
        if (!nameServers.isEmpty()) {
            f.put("name servers", String.join(", ", nameServers));
        }
        put(f, "network", network);
        put(f, "holder", holder);
        put(f, "country", country);
        return f;
    }

    private static void put(Map<String, String> f, String key, String value) {
        if (value != null) {
            f.put(key, value);
        }
    }
}

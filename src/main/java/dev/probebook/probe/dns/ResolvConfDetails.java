package dev.probebook.probe.dns;

import dev.probebook.probe.ProbeDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Structured result of reading the resolver's configuration.
 *
 * @param nameservers the file's name servers, in order
 * @param search the search domains
 * @param options the resolver options ({@code ndots:5}, {@code timeout:2}, ...)
 * @param probebookServers the servers Probebook's own DNS steps ask instead ({@code probebook.dns.servers}), empty
 *     when they follow the file
 */
public record ResolvConfDetails(
        List<String> nameservers, List<String> search, List<String> options, List<String> probebookServers)
        implements ProbeDetails {

    public ResolvConfDetails {
        nameservers = List.copyOf(nameservers);
        search = List.copyOf(search);
        options = List.copyOf(options);
        probebookServers = List.copyOf(probebookServers);
    }

    @Override
    public Map<String, String> facts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("nameservers", nameservers.isEmpty() ? "none" : String.join(" ", nameservers));
        f.put("search", search.isEmpty() ? "none" : String.join(" ", search));
        if (!options.isEmpty()) {
            f.put("options", String.join(" ", options));
        }
        return f;
    }
}

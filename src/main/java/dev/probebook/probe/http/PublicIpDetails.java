package dev.probebook.probe.http;

import dev.probebook.probe.ProbeDetails;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Result of asking an IP echo service. {@code publicIp} is null when the answer was not an address;
 * {@code localInterface} names the interface that holds it (null: none, so NAT or a load balancer sits
 * in front); {@code error} is curl's message when no answer came.
 */
public record PublicIpDetails(
        String url, Integer status, String answer, String publicIp, String localInterface, double millis, String error)
        implements ProbeDetails {

    /** The public address, and whether an interface holds it (no NAT). */
    @Override
    public Map<String, String> facts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("public IP", publicIp == null ? (error == null ? "no answer" : error) : publicIp);
        if (publicIp != null) {
            f.put("held by an interface", localInterface == null ? "no (NAT)" : localInterface);
        }
        return f;
    }
}

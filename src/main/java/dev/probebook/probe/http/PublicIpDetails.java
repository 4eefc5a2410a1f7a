package dev.probebook.probe.http;

import dev.probebook.probe.ProbeDetails;

/**
 * Result of asking an IP echo service. {@code publicIp} is null when the answer was not an address;
 * {@code localInterface} names the interface that holds it (null: none, so NAT or a load balancer sits
 * in front); {@code error} is curl's message when no answer came.
 */
public record PublicIpDetails(
        String url, Integer status, String answer, String publicIp, String localInterface, double millis, String error)
        implements ProbeDetails {}

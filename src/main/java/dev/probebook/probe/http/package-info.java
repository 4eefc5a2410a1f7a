/**
 * curl: {@link dev.probebook.probe.http.HttpProbe} for requests, and {@link dev.probebook.probe.http.PublicIpProbe}
 * for the one form that asks an IP echo service ({@code curl ifconfig.me}) what this server's public address is.
 * Both are curl and share its client settings, name resolution, terminal and error wording, so they live in one
 * package: probe packages never import each other.
 */
package dev.probebook.probe.http;

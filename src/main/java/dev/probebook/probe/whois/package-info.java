/**
 * {@code whois}: who holds a domain name or an address block, asked over TCP port 43 (RFC 3912) from the registry
 * down to the registrar, as Debian's whois client asks.
 */
package dev.probebook.probe.whois;

package dev.probebook.probe.http;

import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * The parts of a server certificate curl prints and operators ask about, read from an X.509
 * certificate. Names are printed as OpenSSL does ({@code C=KR; O=Example; CN=www.example.com}), dates as
 * {@code Jan  1 00:00:00 2026 GMT}.
 */
public record CertificateInfo(
        String subject,
        String issuer,
        String commonName,
        Instant notBefore,
        Instant notAfter,
        List<String> dnsNames,
        List<String> ipAddresses,
        boolean selfIssued) {

    private static final DateTimeFormatter CURL_DATE = DateTimeFormatter.ofPattern(
                    "MMM ppd HH:mm:ss yyyy 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> OID_NAMES = Map.of("1.2.840.113549.1.9.1", "emailAddress");

    public CertificateInfo {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
    }

    public static CertificateInfo of(X509Certificate cert) {
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == 2) {
                        dns.add(String.valueOf(san.get(1)));
                    } else if (type == 7) {
                        ips.add(normaliseIp(String.valueOf(san.get(1))));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // unreadable extension: treated as no SANs, as a client would
        }
        X500Principal subject = cert.getSubjectX500Principal();
        return new CertificateInfo(
                openSslName(subject),
                openSslName(cert.getIssuerX500Principal()),
                commonName(subject),
                cert.getNotBefore().toInstant(),
                cert.getNotAfter().toInstant(),
                dns,
                ips,
                subject.equals(cert.getIssuerX500Principal()));
    }

    /** All subject alternative names, DNS names first. */
    public List<String> subjectAltNames() {
        List<String> all = new ArrayList<>(dnsNames);
        all.addAll(ipAddresses);
        return all;
    }

    /** Whole days until expiry, negative once expired. */
    public long daysLeft(Instant now) {
        return Math.floorDiv(Duration.between(now, notAfter).toSeconds(), 86_400);
    }

    public static String curlDate(Instant instant) {
        return CURL_DATE.format(instant);
    }

    static String openSslName(X500Principal principal) {
        try {
            List<Rdn> rdns = new LdapName(principal.getName(X500Principal.RFC2253, OID_NAMES)).getRdns();
            List<String> parts = new ArrayList<>();
            for (Rdn rdn : rdns) { // LdapName lists the most significant (C=) first, as OpenSSL prints
                parts.add(rdn.getType() + "=" + rdn.getValue());
            }
            return String.join("; ", parts);
        } catch (InvalidNameException e) {
            return principal.getName();
        }
    }

    private static String commonName(X500Principal principal) {
        try {
            String cn = null;
            for (Rdn rdn : new LdapName(principal.getName(X500Principal.RFC2253)).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = String.valueOf(rdn.getValue());
                }
            }
            return cn;
        } catch (InvalidNameException e) {
            return null;
        }
    }

    private static String normaliseIp(String ip) {
        try {
            return InetAddress.getByName(ip).getHostAddress();
        } catch (Exception e) {
            return ip;
        }
    }
}

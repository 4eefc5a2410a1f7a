package dev.probebook.probe.http;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Handshake;

/** curl's {@code -v} lines about TLS: the session and the server certificate block. */
final class TlsLines {

    private static final Pattern JSSE_CIPHER =
            Pattern.compile("TLS_(ECDHE|DHE)_(RSA|ECDSA)_WITH_(AES_(128|256)_GCM|CHACHA20_POLY1305)_(SHA256|SHA384)");

    private TlsLines() {}

    /** The client's first handshake line and where it looks for trust anchors ({@code caFile} null with -k). */
    static void clientHello(CurlTerminal term, String caFile) {
        term.line("* TLSv1.3 (OUT), TLS handshake, Client hello (1):");
        if (caFile != null) {
            term.line("*  CAfile: " + caFile);
            term.line("*  CApath: none");
        }
    }

    /**
     * The handshake messages of the version agreed, as OpenSSL's message callback makes curl print them. JSSE does
     * not report each message; a full handshake of that version has these, in this order.
     */
    static void handshake(CurlTerminal term, Handshake h) {
        String v = h.tlsVersion().javaName();
        if (v.equals("TLSv1.3")) {
            for (String line : List.of(
                    "(IN), TLS handshake, Server hello (2):",
                    "(IN), TLS handshake, Encrypted Extensions (8):",
                    "(IN), TLS handshake, Certificate (11):",
                    "(IN), TLS handshake, CERT verify (15):",
                    "(IN), TLS handshake, Finished (20):",
                    "(OUT), TLS change cipher, Change cipher spec (1):",
                    "(OUT), TLS handshake, Finished (20):")) {
                term.line("* TLSv1.3 " + line);
            }
        } else if (v.equals("TLSv1.2")) {
            for (String line : List.of(
                    "(IN), TLS handshake, Server hello (2):",
                    "(IN), TLS handshake, Certificate (11):",
                    "(IN), TLS handshake, Server key exchange (12):",
                    "(IN), TLS handshake, Server finished (14):",
                    "(OUT), TLS handshake, Client key exchange (16):",
                    "(OUT), TLS change cipher, Change cipher spec (1):",
                    "(OUT), TLS handshake, Finished (20):",
                    "(IN), TLS change cipher, Change cipher spec (1):",
                    "(IN), TLS handshake, Finished (20):")) {
                term.line("* TLSv1.2 " + line);
            }
        }
    }

    /**
     * A handshake the client ended over the server's certificate: the server's messages up to its certificate, then
     * the alert OpenSSL sends for the problem (certificate expired 557, unknown CA 560, bad certificate 554).
     */
    static void rejected(CurlTerminal term, String version, CertificateProblem problem) {
        if (version == null || problem == null) {
            return;
        }
        List<String> server = version.equals("TLSv1.3")
                ? List.of("Server hello (2):", "Encrypted Extensions (8):", "Certificate (11):")
                : List.of("Server hello (2):", "Certificate (11):");
        for (String message : server) {
            term.line("* " + version + " (IN), TLS handshake, " + message);
        }
        String alert = switch (problem) {
            case EXPIRED -> "certificate expired (557)";
            case NOT_YET_VALID -> "bad certificate (554)";
            case SELF_SIGNED, SELF_SIGNED_IN_CHAIN, UNKNOWN_ISSUER -> "unknown CA (560)";
        };
        term.line("* " + version + " (OUT), TLS alert, " + alert + ":");
    }

    /**
     * After a successful handshake: session, ALPN ({@code alpn}: the protocol agreed, "" when none, null when
     * unknown), certificate, verify result.
     */
    static void established(CurlTerminal term, TlsObservation tls, String alpn, boolean insecure) {
        Handshake h = tls.handshake();
        if (h != null) {
            term.line("* SSL connection using " + h.tlsVersion().javaName() + " / "
                    + cipherName(h.cipherSuite().javaName()));
        }
        if (alpn == null || alpn.isEmpty()) {
            term.line("* ALPN: server did not agree on a protocol. Uses default.");
        } else {
            term.line("* ALPN: server accepted " + alpn);
        }
        certificate(term, tls, insecure);
        CertificateProblem p = tls.problem();
        term.line(
                p == null
                        ? "*  SSL certificate verify ok."
                        : "*  SSL certificate verify result: " + p.text() + " (" + p.code() + "), continuing anyway.");
    }

    /**
     * The certificate block. curl prints it only after a successful verification; Probebook prints it
     * on failures too, because the expire date and names are what the operator needs then.
     */
    static void certificate(CurlTerminal term, TlsObservation tls, boolean insecure) {
        CertificateInfo c = tls.leaf();
        if (c == null) {
            return;
        }
        term.line("* Server certificate:");
        term.line("*  subject: " + c.subject());
        term.line("*  start date: " + CertificateInfo.curlDate(c.notBefore()));
        term.line("*  expire date: " + CertificateInfo.curlDate(c.notAfter()));
        HostCheck host = tls.hostCheck();
        if (host != null && !insecure) {
            term.line("* " + host.verboseLine());
        }
        term.line("*  issuer: " + c.issuer());
    }

    /** OpenSSL's name for the common TLS 1.2 suites (what curl prints); TLS 1.3 names are the same in both. */
    static String cipherName(String jsse) {
        Matcher m = JSSE_CIPHER.matcher(jsse);
        if (!m.matches()) {
            return jsse;
        }
        String kx = m.group(1);
        String auth = m.group(2);
        String prefix = kx.equals("DHE") ? "DHE-" + auth : "ECDHE-" + auth;
        if (m.group(3).startsWith("CHACHA20")) {
            return prefix + "-CHACHA20-POLY1305";
        }
        return prefix + "-AES" + m.group(4) + "-GCM-" + m.group(5);
    }
}

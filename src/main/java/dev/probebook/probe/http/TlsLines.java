package dev.probebook.probe.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Handshake;
import okhttp3.Protocol;

/** curl's {@code -v} lines about TLS: the session and the server certificate block. */
final class TlsLines {

    private static final Pattern JSSE_CIPHER =
            Pattern.compile("TLS_(ECDHE|DHE)_(RSA|ECDSA)_WITH_(AES_(128|256)_GCM|CHACHA20_POLY1305)_(SHA256|SHA384)");

    private TlsLines() {}

    /** After a successful handshake: session, ALPN, certificate, verify result. */
    static void established(CurlTerminal term, TlsObservation tls, Protocol alpn, boolean insecure) {
        Handshake h = tls.handshake();
        if (h != null) {
            term.line("* SSL connection using " + h.tlsVersion().javaName() + " / "
                    + cipherName(h.cipherSuite().javaName()));
        }
        term.line("* ALPN: server accepted " + alpn);
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

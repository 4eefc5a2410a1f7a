package dev.probebook.probe.http;

import dev.probebook.net.ConnectOutcome;
import dev.probebook.probe.ProbeContext;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The lines {@code openssl s_client} (OpenSSL 3.0) prints, in the order a terminal shows them (stdout and stderr
 * interleaved), or, when piped into {@code openssl x509}, only what x509 prints. Lines that need what Java's TLS does
 * not report (bytes read and written, the peer's signature type, the server's key exchange group, the session
 * ticket) are left out rather than made up.
 */
final class OpensslView {

    /** OpenSSL prefixes its error lines with the thread's id; one that looks like it, stable within a run. */
    private final String threadId = String.format(
            Locale.ROOT,
            "%016X",
            0x40C7_0000_0000_0000L | (Thread.currentThread().threadId() << 16));

    private final OpensslCommand cmd;
    private final ProbeContext ctx;

    OpensslView(OpensslCommand cmd, ProbeContext ctx) {
        this.cmd = cmd;
        this.ctx = ctx;
    }

    private boolean x509() {
        return cmd.x509() != null;
    }

    private void out(String line) {
        ctx.out(line);
    }

    void lookupFailed() {
        if (x509()) {
            noCertificate();
            return;
        }
        out(threadId + ":error:10080002:BIO routines:BIO_lookup_ex:system lib:../crypto/bio/bio_addr.c:738:"
                + "Name or service not known");
        out("connect:errno=0");
    }

    void connectFailed(ConnectOutcome outcome) {
        if (x509()) {
            noCertificate();
            return;
        }
        String reason;
        String code;
        int errno;
        switch (outcome) {
            case ConnectOutcome.Refused r -> {
                reason = "Connection refused";
                code = "8000006F";
                errno = 111;
            }
            case ConnectOutcome.TimedOut t -> {
                reason = "Connection timed out";
                code = "8000006E";
                errno = 110;
            }
            case ConnectOutcome.Failed f
            when f.message().contains("No route") -> {
                reason = "No route to host";
                code = "80000071";
                errno = 113;
            }
            case null, default -> {
                reason = outcome instanceof ConnectOutcome.Failed f ? f.message() : "Connection failed";
                code = "80000005";
                errno = 5;
            }
        }
        out(threadId + ":error:" + code + ":system library:BIO_connect:" + reason
                + ":../crypto/bio/bio_sock2.c:117:calling connect()");
        out(threadId + ":error:10000067:BIO routines:BIO_connect:connect error:../crypto/bio/bio_sock2.c:119:");
        out("connect:errno=" + errno);
    }

    void connected() {
        if (!x509() && !cmd.brief()) {
            out("CONNECTED(00000003)");
        }
    }

    void handshake(TlsOutcome tls) {
        if (x509()) {
            x509Lines(tls);
            return;
        }
        verifyLines(tls);
        if (!tls.finished()) {
            String error = errorLine(tls);
            if (error != null) {
                out(threadId + ":error:" + error);
            }
        }
        if (cmd.brief()) {
            brief(tls);
            return;
        }
        out("---");
        if (!tls.chain().isEmpty()) {
            chain(tls.chain());
            out("---");
        }
        if (tls.finished() && !tls.chain().isEmpty()) {
            X509Certificate leaf = tls.chain().get(0);
            out("Server certificate");
            if (!cmd.showCerts()) {
                OpensslText.pem(leaf).forEach(this::out);
            }
            out("subject=" + OpensslText.name(leaf.getSubjectX500Principal()));
            out("issuer=" + OpensslText.name(leaf.getIssuerX500Principal()));
            out("---");
        } else {
            out("no peer certificate available");
            out("---");
        }
        out("No client certificate CA names sent");
        out("---");
        out(tls.problem() == null ? "Verification: OK" : "Verification error: " + tls.verifyText());
        out("---");
        boolean v13 = "TLSv1.3".equals(tls.protocol());
        if (tls.finished()) {
            out("New, " + tls.protocol() + ", Cipher is " + OpensslText.cipher(tls.cipher()));
            if (!tls.chain().isEmpty()) {
                out("Server public key is "
                        + OpensslText.keyBits(tls.chain().get(0).getPublicKey()) + " bit");
            }
        } else {
            out("New, (NONE), Cipher is (NONE)");
        }
        if (v13 || !tls.finished()) {
            out("Secure Renegotiation IS NOT supported");
        }
        out("Compression: NONE");
        out("Expansion: NONE");
        out("No ALPN negotiated");
        if (tls.finished() && !v13) {
            session(tls);
        } else {
            out("Early data was not sent");
            out("Verify return code: " + tls.verifyCode() + " (" + tls.verifyText() + ")");
        }
        out("---");
        if (tls.finished()) {
            out("DONE");
        }
    }

    /** The TLS 1.2 session block, with what Java reports of it (no master key, no ticket). */
    private void session(TlsOutcome tls) {
        out("SSL-Session:");
        out("    Protocol  : " + tls.protocol());
        out("    Cipher    : " + OpensslText.cipher(tls.cipher()));
        out("    Session-ID: "
                + (tls.sessionId() == null ? "" : HexFormat.of().withUpperCase().formatHex(tls.sessionId())));
        out("    Session-ID-ctx: ");
        out("    Start Time: " + tls.startSeconds());
        out("    Verify return code: " + tls.verifyCode() + " (" + tls.verifyText() + ")");
    }

    private void brief(TlsOutcome tls) {
        if (!tls.finished()) {
            return;
        }
        out("CONNECTION ESTABLISHED");
        out("Protocol version: " + tls.protocol());
        out("Ciphersuite: " + OpensslText.cipher(tls.cipher()));
        if (!tls.chain().isEmpty()) {
            out("Peer certificate: " + OpensslText.name(tls.chain().get(0).getSubjectX500Principal()));
        }
        out(tls.problem() == null ? "Verification: OK" : "Verification error: " + tls.verifyText());
        out("DONE");
    }

    private void chain(List<X509Certificate> chain) {
        out("Certificate chain");
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            out(" " + i + " s:" + OpensslText.name(c.getSubjectX500Principal()));
            out("   i:" + OpensslText.name(c.getIssuerX500Principal()));
            out("   a:PKEY: " + OpensslText.key(c.getPublicKey()) + "; sigalg: " + OpensslText.signatureAlgorithm(c));
            out("   v:NotBefore: " + date(c.getNotBefore().toInstant()) + "; NotAfter: "
                    + date(c.getNotAfter().toInstant()));
            if (cmd.showCerts()) {
                OpensslText.pem(c).forEach(this::out);
            }
        }
    }

    /**
     * The verify callback's lines, from the top of the chain down to the server's certificate: each depth once, and
     * the depth with the error twice (once failing, once accepted), as s_client prints them. With
     * {@code -verify_return_error} the failing depth is the last. {@code -brief} prints only the failing depth.
     */
    private void verifyLines(TlsOutcome tls) {
        List<X509Certificate> chain = tls.chain();
        if (chain.isEmpty()) {
            return;
        }
        int errorDepth = errorDepth(tls);
        for (int depth = chain.size() - 1; depth >= 0; depth--) {
            String at =
                    "depth=" + depth + " " + OpensslText.name(chain.get(depth).getSubjectX500Principal());
            if (depth != errorDepth) {
                if (!cmd.brief()) {
                    out(at);
                    out("verify return:1");
                }
                continue;
            }
            out(at);
            List<String> dates = dateLines(tls.problem(), chain.get(depth));
            out("verify error:num=" + tls.problem().code() + ":" + tls.problem().text());
            dates.forEach(this::out);
            if (tls.trouble() == TlsOutcome.Trouble.REJECTED) {
                return;
            }
            if (cmd.brief()) {
                continue;
            }
            out("verify return:1");
            if (tls.firstCertificateOnly()) {
                out(at);
                out("verify error:num=21:unable to verify the first certificate");
                out("verify return:1");
            }
            out(at);
            dates.forEach(this::out);
            out("verify return:1");
        }
    }

    /** Where in the chain OpenSSL reports the problem: the certificate it is about (-1: none). */
    private static int errorDepth(TlsOutcome tls) {
        CertificateProblem p = tls.problem();
        List<X509Certificate> chain = tls.chain();
        if (p == null) {
            return -1;
        }
        return switch (p) {
            case SELF_SIGNED -> 0;
            case SELF_SIGNED_IN_CHAIN, UNKNOWN_ISSUER -> chain.size() - 1;
            case EXPIRED, NOT_YET_VALID -> {
                Instant now = Instant.now();
                for (int d = chain.size() - 1; d >= 0; d--) { // OpenSSL checks from the top down
                    X509Certificate c = chain.get(d);
                    boolean bad = p == CertificateProblem.EXPIRED
                            ? c.getNotAfter().toInstant().isBefore(now)
                            : c.getNotBefore().toInstant().isAfter(now);
                    if (bad) {
                        yield d;
                    }
                }
                yield 0;
            }
        };
    }

    private static List<String> dateLines(CertificateProblem p, X509Certificate c) {
        if (p == CertificateProblem.EXPIRED) {
            return List.of("notAfter=" + date(c.getNotAfter().toInstant()));
        }
        if (p == CertificateProblem.NOT_YET_VALID) {
            return List.of("notBefore=" + date(c.getNotBefore().toInstant()));
        }
        return List.of();
    }

    /** OpenSSL's error line (after the thread id) for a handshake that did not finish; null when it prints none. */
    private static String errorLine(TlsOutcome tls) {
        return switch (tls.trouble()) {
            case REJECTED ->
                "0A000086:SSL routines:tls_post_process_server_certificate:certificate verify failed:"
                        + "../ssl/statem/statem_clnt.c:1889:";
            case NOT_TLS ->
                "0A00010B:SSL routines:ssl3_get_record:wrong version number:../ssl/record/ssl3_record.c:354:";
            case CLOSED -> "0A000126:SSL routines::unexpected eof while reading:../ssl/record/rec_layer_s3.c:308:";
            case ALERT -> alertLine(tls.detail());
            case TIMEOUT, OTHER, NONE -> null;
        };
    }

    /** {@code Received fatal alert: protocol_version} as OpenSSL's {@code tlsv1 alert protocol version}. */
    private static String alertLine(String detail) {
        String alert = detail == null ? "" : detail.replaceFirst(".*Received fatal alert: ", "");
        String text = switch (alert) {
            case "handshake_failure" ->
                "sslv3 alert handshake failure:../ssl/record/rec_layer_s3.c:1584:SSL alert number 40";
            case "protocol_version" ->
                "tlsv1 alert protocol version:../ssl/record/rec_layer_s3.c:1584:SSL alert number 70";
            case "unrecognized_name" ->
                "tlsv1 unrecognized name:../ssl/record/rec_layer_s3.c:1584:SSL alert number 112";
            case "internal_error" -> "tlsv1 alert internal error:../ssl/record/rec_layer_s3.c:1584:SSL alert number 80";
            default -> alert.replace('_', ' ');
        };
        return "0A000410:SSL routines:ssl3_read_bytes:" + text;
    }

    private void x509Lines(TlsOutcome tls) {
        if (!tls.finished() || tls.chain().isEmpty()) {
            noCertificate();
            return;
        }
        X509Certificate c = tls.chain().get(0);
        OpensslCommand.X509Print p = cmd.x509();
        for (String field : p.fields()) {
            switch (field) {
                case "subject" -> out("subject=" + OpensslText.name(c.getSubjectX500Principal()));
                case "issuer" -> out("issuer=" + OpensslText.name(c.getIssuerX500Principal()));
                case "dates" -> {
                    out("notBefore=" + date(c.getNotBefore().toInstant()));
                    out("notAfter=" + date(c.getNotAfter().toInstant()));
                }
                case "startdate" -> out("notBefore=" + date(c.getNotBefore().toInstant()));
                case "enddate" -> out("notAfter=" + date(c.getNotAfter().toInstant()));
                case "serial" -> out("serial=" + OpensslText.serial(c));
                case "fingerprint" -> out(OpensslText.fingerprint(c, p.digest()));
                default -> throw new IllegalStateException("x509 field " + field);
            }
        }
        if (p.subjectAltNames()) {
            CertificateInfo info = CertificateInfo.of(c);
            if (!info.subjectAltNames().isEmpty()) {
                List<String> names = new ArrayList<>();
                info.dnsNames().forEach(n -> names.add("DNS:" + n));
                info.ipAddresses().forEach(a -> names.add("IP Address:" + a));
                out("X509v3 Subject Alternative Name: ");
                out("    " + String.join(", ", names));
            }
        }
        if (!p.noout()) {
            OpensslText.pem(c).forEach(this::out);
        }
        if (p.checkendSeconds() != null) {
            boolean expires = c.getNotAfter().toInstant().isBefore(Instant.now().plusSeconds(p.checkendSeconds()));
            out(expires ? "Certificate will expire" : "Certificate will not expire");
        }
    }

    private void noCertificate() {
        out("Could not read certificate from <stdin>");
        out("Unable to load certificate");
    }

    private static String date(Instant instant) {
        return CertificateInfo.curlDate(instant);
    }
}

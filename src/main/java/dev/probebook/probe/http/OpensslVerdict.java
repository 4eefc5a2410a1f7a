package dev.probebook.probe.http;

import dev.probebook.net.ConnectOutcome;
import dev.probebook.net.ConnectSummaries;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an s_client run means, in the words the curl and tcp probes use for the same findings (so a runbook reads
 * the same whichever tool it used): refused is no listener or a REJECT rule, no answer is a dropped SYN, and a
 * certificate is expired, not yet valid, not trusted, or close to expiry, or does not name the host asked for.
 */
final class OpensslVerdict {

    /** A certificate this close to its end is a warning: renewals take lead time. */
    static final int RENEW_WITHIN_DAYS = 30;

    private OpensslVerdict() {}

    static ProbeResult unresolved(OpensslCommand cmd) {
        String host = cmd.host();
        return ProbeResult.fail(
                "cannot resolve " + host + ": the name is unknown to /etc/hosts and DNS here. Check the spelling"
                        + " (nslookup " + host + "), the DNS servers, or add 'IP " + host + "' to /etc/hosts",
                details(cmd, null, null, "cannot resolve " + host));
    }

    static ProbeResult notConnected(OpensslCommand cmd, ConnectOutcome o) {
        String address = o == null ? null : o.address().getHostAddress();
        String summary = ConnectSummaries.of(o, cmd.host(), cmd.port());
        return ProbeResult.fail(summary, details(cmd, address, null, summary));
    }

    static ProbeResult of(OpensslCommand cmd, TlsOutcome tls) {
        String where = cmd.host() + " port " + cmd.port();
        OpensslDetails details = details(cmd, tls.address().getHostAddress(), tls, tls.detail());
        HttpDetails.Certificate leaf =
                details.chain().isEmpty() ? null : details.chain().get(0);
        if (tls.problem() != null && leaf != null) {
            return ProbeResult.fail(certificateProblem(cmd, tls, leaf), details);
        }
        switch (tls.trouble()) {
            case NONE -> {}
            case NOT_TLS -> {
                return ProbeResult.fail(
                        where + " answers, but not with TLS: a plain-text service listens there (http?), or it is"
                                + " the wrong port",
                        details);
            }
            case TIMEOUT -> {
                return ProbeResult.fail(
                        "connected to " + where + ", but no TLS answer within " + tls.millis() + " ms: the network"
                                + " path is open; the service hangs or waits for the client to speak first",
                        details);
            }
            default -> {
                return ProbeResult.fail(
                        "TLS handshake with " + where + " failed (" + tls.detail() + "): check that this port speaks"
                                + " https and supports TLS 1.2/1.3",
                        details);
            }
        }
        String summary = "TLS to " + where + " works (" + tls.protocol() + ", " + tls.cipher() + ")"
                + (leaf == null
                        ? ""
                        : ": the certificate (" + leaf.subject() + ", issued by " + leaf.issuer()
                                + ") is trusted and valid until " + leaf.notAfter() + " (" + leaf.daysLeft()
                                + " day(s) left)");
        List<String> warnings = new ArrayList<>();
        if (leaf != null && leaf.daysLeft() <= RENEW_WITHIN_DAYS) {
            warnings.add("Its certificate expires in " + leaf.daysLeft() + " day(s) (" + leaf.notAfter()
                    + "): renew the server certificate");
        }
        String named = nameAsked(cmd);
        if (leaf != null && named != null) {
            HostCheck check = HostCheck.of(CertificateInfo.of(tls.chain().get(0)), named);
            if (!check.matched()) {
                warnings.add("the certificate of " + where + " does not name " + named + " (it names: "
                        + String.join(", ", leaf.subjectAltNames()) + "): use a name the certificate covers, or"
                        + " reissue the certificate with " + named);
            }
        }
        if (warnings.isEmpty()) {
            return ProbeResult.ok(summary, details);
        }
        return new ProbeResult(Verdict.WARN, summary + ". " + String.join(". ", warnings), details);
    }

    /** The name clients will ask for: the SNI name, else the host connected to (a name or an address). */
    private static String nameAsked(OpensslCommand cmd) {
        return cmd.serverName() != null ? cmd.serverName() : cmd.host();
    }

    private static String certificateProblem(OpensslCommand cmd, TlsOutcome tls, HttpDetails.Certificate leaf) {
        String host = cmd.host();
        String subject = " (" + leaf.subject() + ", issued by " + leaf.issuer() + ")";
        return switch (tls.problem()) {
            case EXPIRED ->
                "the server certificate of " + host + " expired on " + leaf.notAfter() + " ("
                        + Duration.between(Instant.parse(leaf.notAfter()), Instant.now())
                                .toDays() + " day(s) ago)"
                        + subject + ": renew the server certificate";
            case NOT_YET_VALID ->
                "the server certificate of " + host + " is not valid before " + leaf.notBefore() + subject
                        + ": check the clock on both machines";
            default ->
                "the server certificate of " + host + " is not trusted here: " + tls.verifyText() + subject
                        + (tls.firstCertificateOnly()
                                ? ". The server sends only its own certificate: configure the full chain (with the"
                                        + " intermediate certificates) on the server"
                                : "")
                        + ". Trust its CA (probebook.http.ca-file or -CAfile) or install a certificate from a CA the"
                        + " clients trust";
        };
    }

    static OpensslDetails details(OpensslCommand cmd, String address, TlsOutcome tls, String error) {
        List<HttpDetails.Certificate> chain = new ArrayList<>();
        if (tls != null) {
            Instant now = Instant.now();
            for (int i = 0; i < tls.chain().size(); i++) {
                chain.add(HttpDetails.Certificate.of(
                        CertificateInfo.of(tls.chain().get(i)),
                        now,
                        tls.problem() == null,
                        i == 0 && tls.problem() != null ? tls.verifyText() : null));
            }
        }
        return new OpensslDetails(
                cmd.host(),
                cmd.port(),
                address,
                cmd.serverName(),
                tls == null ? null : tls.protocol(),
                tls == null || tls.cipher() == null ? null : OpensslText.cipher(tls.cipher()),
                tls == null || tls.chain().isEmpty() ? -1 : tls.verifyCode(),
                tls == null || tls.chain().isEmpty() ? null : tls.verifyText(),
                chain,
                error);
    }
}

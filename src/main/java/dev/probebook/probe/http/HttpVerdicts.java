package dev.probebook.probe.http;

import dev.probebook.command.HostSyntax;
import dev.probebook.probe.ProbeResult;
import dev.probebook.probe.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a curl result means for an operator (the seed runbook's knowledge): any HTTP answer proves the
 * server is reachable; refused means nothing listens or a firewall rejects; a timeout means the SYN was
 * dropped on the way; certificate problems say what to fix.
 */
final class HttpVerdicts {

    /** A certificate this close to expiry is worth a warning even when everything else works. */
    static final long EXPIRY_WARNING_DAYS = 14;

    private HttpVerdicts() {}

    static ProbeResult of(CurlCommand cmd, CurlSession session, HttpDetails details) {
        if (session.setupError() != null) {
            return new ProbeResult(Verdict.ERROR, session.setupError(), details);
        }
        if (session.denied() != null) {
            return new ProbeResult(Verdict.ERROR, session.denied().getMessage(), details);
        }
        Transfer t = session.transfer();
        CurlFailure f = session.failure();
        if (f != null && t.status == 0) {
            return failure(f, cmd, session, details);
        }
        return answered(cmd, session, details);
    }

    private static ProbeResult answered(CurlCommand cmd, CurlSession session, HttpDetails details) {
        Transfer t = session.transfer();
        String where =
                t.url.host() + (t.url.port() == okhttp3.HttpUrl.defaultPort(t.url.scheme()) ? "" : ":" + t.url.port());
        String status = "HTTP " + t.status + (t.statusText == null || t.statusText.isEmpty() ? "" : " " + t.statusText);
        CurlFailure f = session.failure();
        String note = notes(cmd, session);
        if (f != null && f.kind() == CurlFailure.Kind.TOO_MANY_REDIRECTS) {
            return ProbeResult.fail(
                    "redirect loop: " + where + " still redirects after " + cmd.maxRedirects() + " redirects (last "
                            + status + "). Check the redirect rules (http->https, trailing slash, proxy headers)",
                    details);
        }
        if (f != null
                && (f.kind() == CurlFailure.Kind.TIMEOUT
                        || f.kind() == CurlFailure.Kind.RESET
                        || f.kind() == CurlFailure.Kind.RECEIVE
                        || f.kind() == CurlFailure.Kind.PARTIAL)) {
            return ProbeResult.warn(
                    where + " answered " + status + ", but the body did not arrive in full: " + f.message()
                            + ". The server is reachable; the app or a proxy stalls or aborts the transfer" + note,
                    details);
        }
        if (t.status >= 500) {
            return ProbeResult.warn(
                    where + " is reachable, but the application fails: " + status
                            + ". Check the app and what it depends on (logs, upstream), not the network" + note,
                    details);
        }
        String meaning;
        if (t.status >= 400) {
            meaning =
                    ": the server is reachable (the network path works); the app refuses this request (path, method or authentication)";
        } else if (t.status >= 300) {
            meaning = session.redirectUrl() != null
                    ? ": the server is reachable and redirects to " + session.redirectUrl() + " (add -L to follow it)"
                    : ": the server is reachable";
        } else {
            meaning = ": the server is reachable and the app answers";
        }
        String summary = where + " answered " + status + meaning + note;
        HttpDetails.Certificate cert = details.certificate();
        if (cert != null && cert.problem() != null) {
            return ProbeResult.warn(summary + certificateAdvice(cert), details);
        }
        if (cert != null && cert.daysLeft() < EXPIRY_WARNING_DAYS) {
            return ProbeResult.warn(
                    summary + ". Its certificate expires in " + cert.daysLeft() + " day(s) (" + cert.notAfter()
                            + "): renew the server certificate",
                    details);
        }
        return ProbeResult.ok(summary, details);
    }

    private static String notes(CurlCommand cmd, CurlSession session) {
        StringBuilder sb = new StringBuilder();
        if (!session.transfer().redirects.isEmpty()) {
            sb.append(" (after ").append(session.transfer().redirects.size()).append(" redirect(s))");
        }
        if (session.binaryWithheld()) {
            sb.append(". The body is binary and was not printed (curl would need -o FILE or --output -)");
        }
        if (cmd.output() instanceof CurlCommand.BodyOutput.NotSaved notSaved) {
            sb.append(". The body (")
                    .append(session.transfer().bodyBytes)
                    .append(" bytes) was not saved to ")
                    .append(notSaved.file())
                    .append(": probes never write files");
        }
        return sb.toString();
    }

    private static String certificateAdvice(HttpDetails.Certificate cert) {
        return ". But its certificate would be rejected without -k (" + cert.problem() + "): "
                + (cert.daysLeft() < 0
                        ? "renew the server certificate"
                        : "clients must trust its issuer (" + cert.issuer() + ")");
    }

    private static ProbeResult failure(CurlFailure f, CurlCommand cmd, CurlSession session, HttpDetails details) {
        Transfer t = session.transfer();
        String host = t.url != null ? t.url.host() : cmd.url().host();
        int port = t.url != null ? t.url.port() : cmd.url().port();
        String where = host + " port " + port;
        HttpDetails.Certificate cert = details.certificate();
        String summary = switch (f.kind()) {
            case RESOLVE ->
                "cannot resolve " + host + ": the name is unknown to /etc/hosts and DNS here. Check the spelling "
                        + "(nslookup " + host + "), the DNS servers, or add '" + "IP " + host + "' to /etc/hosts";
            case REFUSED ->
                "connection refused by " + where + ": nothing listens on " + port
                        + " or a firewall rejects it. " + portAdvice(cmd, port)
                        + (HostSyntax.isIpLiteral(host)
                                ? ""
                                : ". If the firewall already allows it, " + host
                                        + " may resolve to an external IP from here: " + "put 'INTERNAL_IP " + host
                                        + "' in /etc/hosts");
            case CONNECT_TIMEOUT ->
                "timed out connecting to " + where + " (no answer within " + t.elapsedMillis()
                        + " ms): the SYN was dropped on the way "
                        + "(firewall, security group) or the host is down. " + portAdvice(cmd, port)
                        + "; behind a VIP/load balancer, test the member servers directly";
            case CONNECT_FAILED ->
                "cannot connect to " + where + ": " + (f.cause() != null ? f.cause() : f.message())
                        + " (routing or network problem on this side)";
            case TIMEOUT ->
                "connected to " + where + ", but no HTTP answer within " + t.elapsedMillis()
                        + " ms: the network path is open; the app hangs or is overloaded (check it on the server)";
            case CERTIFICATE -> certificateFailure(session.tls().problem(), host, cert);
            case HOST_NAME ->
                "the certificate of " + where + " does not name " + host
                        + (cert != null ? " (it names: " + String.join(", ", cert.subjectAltNames()) + ")" : "")
                        + ": use a name the certificate covers, or reissue the certificate with " + host;
            case HANDSHAKE ->
                "TLS handshake with " + where + " failed (" + f.message().replaceFirst("^TLS connect error: ", "")
                        + "): check that this port speaks https and supports TLS 1.2/1.3";
            case EMPTY_REPLY ->
                where + " accepted the connection but closed it without an HTTP answer: the app or a proxy "
                        + "drops the request (plain http to an https port? check the app logs)";
            case RESET -> "the connection to " + where + " was reset: a firewall/IPS or the app aborted it";
            case RECEIVE, PARTIAL -> "the connection to " + where + " broke while receiving: " + f.message();
            case NOT_HTTP ->
                where + " answered, but not with HTTP: another service listens on this port"
                        + (cmd.url().https() ? "" : " (if it is an https port, use https://)");
            case TOO_MANY_REDIRECTS, HTTP_ERROR, WRITE -> f.message();
        };
        return new ProbeResult(Verdict.FAIL, summary, details);
    }

    private static long daysAgo(String instant) {
        return Duration.between(Instant.parse(instant), Instant.now()).toDays();
    }

    private static String portAdvice(CurlCommand cmd, int port) {
        if (cmd.url().explicitPort()) {
            return "Allow port " + port + " (the :" + port + " in the URL) in the firewall / security group";
        }
        return "Allow port " + port + " (" + (cmd.url().https() ? "443 for https" : "80 for http")
                + ") in the firewall / security group";
    }

    private static String certificateFailure(CertificateProblem problem, String host, HttpDetails.Certificate cert) {
        String subject = cert != null ? " (" + cert.subject() + ", issued by " + cert.issuer() + ")" : "";
        if (problem == CertificateProblem.EXPIRED) {
            String when =
                    cert != null ? " on " + cert.notAfter() + " (" + daysAgo(cert.notAfter()) + " day(s) ago)" : "";
            return "the server certificate of " + host + " expired" + when + subject + ": renew the server certificate";
        }
        if (problem == CertificateProblem.NOT_YET_VALID) {
            return "the server certificate of " + host + " is not valid before "
                    + (cert != null ? cert.notBefore() : "its start date") + subject
                    + ": check the clock on both machines";
        }
        String expired = cert != null && cert.daysLeft() < 0 ? "; it also expired on " + cert.notAfter() : "";
        return "the server certificate of " + host + " is not trusted here: "
                + (problem == null ? "unknown problem" : problem.text()) + subject + expired
                + ". Trust its CA (probebook.http.ca-file, or the system CA bundle) or use -k to inspect";
    }

    static HttpDetails details(CurlCommand cmd, CurlSession session) {
        Transfer t = session.transfer();
        CurlFailure f = session.failure();
        String notSaved = cmd.output() instanceof CurlCommand.BodyOutput.NotSaved n ? n.file() : null;
        String error = f != null
                ? f.message()
                : session.denied() != null ? session.denied().getMessage() : session.setupError();
        return new HttpDetails(
                cmd.url().text(),
                t.url == null ? cmd.url().text() : t.url.toString(),
                t.method == null ? cmd.effectiveMethod() : t.method,
                t.status == 0 ? null : t.status,
                t.statusText,
                t.httpVersion(),
                t.status == 0 ? List.of() : t.headers,
                t.timings(),
                t.remoteIp,
                t.remoteIp == null ? null : t.remotePort,
                session.tls().details(Instant.now()),
                t.redirects,
                t.bodyBytes,
                notSaved,
                f != null ? f.code() : 0,
                error);
    }
}

package dev.probebook.probe.http;

import dev.probebook.probe.ProbeDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Structured result of a curl run: what was asked, what answered, how long each phase took (ms from the
 * start, cumulative like curl's {@code time_*}), the server certificate and the redirects followed.
 *
 * @param status    the HTTP status of the last answer, null when nothing answered
 * @param notSavedTo the {@code -o FILE} that was counted but deliberately not written, null otherwise
 * @param exitCode  curl's exit code (0 success, 6 resolve, 7 connect, 28 timeout, 60 certificate, ...)
 * @param error     curl's error message, null on success
 */
public record HttpDetails(
        String url,
        String effectiveUrl,
        String method,
        Integer status,
        String statusText,
        String httpVersion,
        List<Header> headers,
        Timings timings,
        String remoteIp,
        Integer remotePort,
        Certificate certificate,
        List<Redirect> redirects,
        long size,
        String notSavedTo,
        int exitCode,
        String error)
        implements ProbeDetails {

    public HttpDetails {
        headers = List.copyOf(headers);
        redirects = List.copyOf(redirects);
    }

    public record Header(String name, String value) {}

    /** Milliseconds from the start of the run; 0 for a phase that did not happen. */
    public record Timings(double namelookup, double connect, double appconnect, double starttransfer, double total) {}

    /**
     * The server certificate. {@code daysLeft} is negative once expired; {@code verified} is true only when
     * both the chain and the host name checked out; {@code problem} says why not.
     */
    public record Certificate(
            String subject,
            String issuer,
            String notBefore,
            String notAfter,
            long daysLeft,
            List<String> subjectAltNames,
            boolean verified,
            String problem) {
        public Certificate {
            subjectAltNames = List.copyOf(subjectAltNames);
        }

        /** The record of {@code info} as seen at {@code now}: days left counted from then. */
        static Certificate of(CertificateInfo info, java.time.Instant now, boolean verified, String problem) {
            return new Certificate(
                    info.subject(),
                    info.issuer(),
                    info.notBefore().toString(),
                    info.notAfter().toString(),
                    info.daysLeft(now),
                    info.subjectAltNames(),
                    verified,
                    problem);
        }
    }

    public record Redirect(int status, String from, String to) {}

    /** Status, where it answered from, the certificate's days left and the phase timings. */
    @Override
    public Map<String, String> facts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("HTTP status", status == null ? (error == null ? "no answer" : error) : String.valueOf(status));
        if (remoteIp != null) {
            f.put("answered from", remoteIp + (remotePort == null ? "" : ":" + remotePort));
        }
        if (certificate != null) {
            f.put("certificate days left", String.valueOf(certificate.daysLeft()));
            f.put("certificate verified", certificate.verified() ? "yes" : "no");
        }
        if (timings != null && timings.total() > 0) {
            f.put("connect ms", ProbeDetails.number(timings.connect()));
            if (timings.appconnect() > 0) {
                f.put("TLS done ms", ProbeDetails.number(timings.appconnect()));
            }
            f.put("first byte ms", ProbeDetails.number(timings.starttransfer()));
            f.put("total ms", ProbeDetails.number(timings.total()));
        }
        return f;
    }
}

package dev.probebook.probe.http;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code openssl s_client -connect HOST:PORT [-servername NAME | -noservername] [-showcerts] [-CAfile FILE]
 * [-verify_return_error] [-tls1_2 | -tls1_3] [-brief]}, optionally piped into {@code openssl x509}.
 *
 * @param serverName the SNI name to send, or null for none (s_client sends the host of -connect when it is a name)
 * @param caFile     trust anchors added for this run ({@code -CAfile}), or null
 * @param protocol   the only TLS version offered ({@code TLSv1.2}, {@code TLSv1.3}), or null for both
 * @param x509       what a following {@code | openssl x509 ...} prints of the server certificate, or null
 */
public record OpensslCommand(
        String host,
        int port,
        String serverName,
        boolean showCerts,
        Path caFile,
        boolean verifyReturnError,
        String protocol,
        boolean brief,
        X509Print x509) {

    /**
     * {@code openssl x509 [-noout] [-subject] [-issuer] [-dates] [-startdate] [-enddate] [-serial] [-fingerprint
     * [-sha1|-sha256]] [-ext subjectAltName] [-checkend SECONDS]}.
     *
     * @param fields           the one-line fields in the order given ({@code subject}, {@code dates}, ...)
     * @param digest           the fingerprint's digest ({@code SHA1}, {@code sha256}, ...)
     * @param checkendSeconds  {@code -checkend}'s seconds, or null
     */
    public record X509Print(
            List<String> fields, String digest, boolean noout, boolean subjectAltNames, Long checkendSeconds) {
        public X509Print {
            fields = List.copyOf(fields);
        }
    }
}

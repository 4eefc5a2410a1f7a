package dev.probebook.probe.http;

import dev.probebook.command.Args;
import dev.probebook.command.HostPort;
import dev.probebook.command.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code openssl s_client} and the {@code | openssl x509} stage the shell line hands over as words after
 * {@code |}. Options are OpenSSL's single-dash long names; an option Probebook does not take is a usage error that
 * lists the ones it does, never silently ignored, except the ones that only change how stdin is read.
 */
final class OpensslParser {

    static final String SUPPORTED = "-connect HOST:PORT, -servername NAME, -noservername, -showcerts, -CAfile FILE,"
            + " -verify_return_error, -tls1_2, -tls1_3, -brief";

    static final String X509_SUPPORTED = "-noout, -subject, -issuer, -dates, -startdate, -enddate, -serial,"
            + " -fingerprint, -sha1, -sha256, -ext subjectAltName, -checkend SECONDS";

    private OpensslParser() {}

    /** Whether {@code words} (after {@code openssl}) are an s_client command, the only form this probe takes. */
    static boolean isSClient(List<String> words) {
        return !words.isEmpty() && words.get(0).equals("s_client");
    }

    static OpensslCommand parse(Args args) throws UsageException {
        if (!args.hasNext() || !args.next().equals("s_client")) {
            throw new UsageException("openssl: only 's_client' is built in (run other openssl commands in a shell)");
        }
        String connect = null;
        String serverName = null;
        boolean noServerName = false;
        boolean showCerts = false;
        Path caFile = null;
        boolean verifyReturnError = false;
        String protocol = null;
        boolean brief = false;
        OpensslCommand.X509Print x509 = null;
        while (args.hasNext()) {
            String w = args.next();
            switch (w) {
                case "-connect" -> connect = args.valueOf(w);
                case "-servername", "-sni" -> serverName = args.host(args.valueOf(w));
                case "-noservername" -> noServerName = true;
                case "-showcerts" -> showCerts = true;
                case "-CAfile" -> caFile = Path.of(args.valueOf(w));
                case "-verify_return_error" -> verifyReturnError = true;
                case "-tls1_2" -> protocol = "TLSv1.2";
                case "-tls1_3" -> protocol = "TLSv1.3";
                case "-brief" -> brief = true;
                case "-ign_eof", "-quiet", "-crlf" -> {
                    // how stdin is read: Probebook sends nothing and closes after the handshake, as with </dev/null
                }
                case "|" -> x509 = x509(args);
                default -> {
                    if (!w.startsWith("-") && connect == null) {
                        connect = w; // OpenSSL 3 takes HOST:PORT as an operand too
                    } else if (w.equals("-tls1") || w.equals("-tls1_1") || w.equals("-ssl3")) {
                        throw new UsageException("openssl s_client: " + w
                                + " (an old protocol version) is not offered by Java's TLS; use -tls1_2 or -tls1_3");
                    } else {
                        throw new UsageException(
                                "openssl s_client: unsupported option " + w + " (supported: " + SUPPORTED + ")");
                    }
                }
            }
        }
        if (connect == null) {
            throw new UsageException("openssl s_client: give the server: -connect HOST:PORT");
        }
        HostPort hp;
        try {
            hp = HostPort.split(connect);
        } catch (IllegalArgumentException e) {
            throw new UsageException("openssl s_client: " + e.getMessage());
        }
        String host = args.host(hp.host());
        int port = hp.port() == null || hp.port().isEmpty() ? 443 : args.port(hp.port());
        String sni = noServerName ? null : sniFor(serverName != null ? serverName : host);
        return new OpensslCommand(host, port, sni, showCerts, caFile, verifyReturnError, protocol, brief, x509);
    }

    /** SNI carries names only (RFC 6066): an IP address is not sent, as OpenSSL 3 does for the -connect host. */
    private static String sniFor(String host) {
        return dev.probebook.command.HostSyntax.isIpLiteral(host) ? null : host;
    }

    private static OpensslCommand.X509Print x509(Args args) throws UsageException {
        if (!args.hasNext()
                || !args.next().equals("openssl")
                || !args.hasNext()
                || !args.next().equals("x509")) {
            throw new UsageException("openssl s_client: only '| openssl x509' (or '| grep') may follow it");
        }
        List<String> fields = new ArrayList<>();
        String digest = "SHA1";
        boolean noout = false;
        boolean san = false;
        Long checkend = null;
        while (args.hasNext()) {
            String w = args.next();
            switch (w) {
                case "-noout" -> noout = true;
                case "-subject", "-issuer", "-dates", "-startdate", "-enddate", "-serial", "-fingerprint" ->
                    fields.add(w.substring(1));
                case "-sha1", "-sha256", "-sha384", "-sha512" -> digest = w.equals("-sha1") ? "SHA1" : w.substring(1);
                case "-ext" -> {
                    String ext = args.valueOf(w);
                    if (!ext.equals("subjectAltName")) {
                        throw new UsageException(
                                "openssl x509: -ext " + ext + " is not built in (-ext subjectAltName is)");
                    }
                    san = true;
                }
                case "-checkend" -> checkend = (long) Args.intValue(w, args.valueOf(w), 0, Integer.MAX_VALUE);
                case "-in" ->
                    throw new UsageException(
                            "openssl x509: reads the certificate s_client received here; -in FILE is not run");
                default ->
                    throw new UsageException(
                            "openssl x509: unsupported option " + w + " (supported: " + X509_SUPPORTED + ")");
            }
        }
        return new OpensslCommand.X509Print(fields, digest, noout, san, checkend);
    }
}

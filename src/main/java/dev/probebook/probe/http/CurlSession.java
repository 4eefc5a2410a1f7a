package dev.probebook.probe.http;

import dev.probebook.command.HostSyntax;
import dev.probebook.policy.PolicyDeniedException;
import dev.probebook.probe.ProbeContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One run of a curl command through okhttp: requests (and redirects with {@code -L}), curl's output, the
 * body, the error line and {@code -w}. Afterwards the accessors tell the verdict what happened.
 *
 * <p>Timeouts: {@code -m} (default {@code probebook.http.max-time}) bounds the whole run including
 * redirects, {@code --connect-timeout} each TCP connect; both are clamped to the run's deadline. Each
 * okhttp call is registered with the context, so a stop cancels it. Every run has its own connection
 * pool, evicted at the end, so each run really connects.
 */
final class CurlSession {

    /** Methods okhttp insists on sending a body with. */
    private static final Set<String> BODY_REQUIRED = Set.of("POST", "PUT", "PATCH", "PROPPATCH", "REPORT", "QUERY");

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int DISCARD_LIMIT = 1 << 20;

    private final CurlCommand cmd;
    private final ProbeContext ctx;
    private final CurlTerminal term;
    private final Transfer t = new Transfer();
    private final TlsObservation tls = new TlsObservation();

    private CurlFailure failure;
    private PolicyDeniedException denied;
    /** okhttp's own test for a host it connects to without a Dns lookup ({@code canParseAsIpAddress}). */
    private static final Pattern OKHTTP_IP_ADDRESS = Pattern.compile("([0-9a-fA-F]*:[0-9a-fA-F:.]*)|([\\d.]+)");

    private String setupError;
    private String redirectUrl;
    private boolean binaryWithheld;
    private long connectTimeoutMs;

    CurlSession(CurlCommand cmd, ProbeContext ctx) {
        this.cmd = cmd;
        this.ctx = ctx;
        this.term = new CurlTerminal(ctx);
    }

    Transfer transfer() {
        return t;
    }

    TlsObservation tls() {
        return tls;
    }

    /** curl's failure, null when the transfer succeeded. */
    CurlFailure failure() {
        return failure;
    }

    /** The target policy's refusal, null when none. */
    PolicyDeniedException denied() {
        return denied;
    }

    /** A local problem that kept the run from starting (unreadable CA file), null when none. */
    String setupError() {
        return setupError;
    }

    /** The {@code Location} of a final 3xx answer that was not followed, null otherwise. */
    String redirectUrl() {
        return redirectUrl;
    }

    boolean binaryWithheld() {
        return binaryWithheld;
    }

    /** What curl's "CAfile:" line names: the configured file of extra anchors, or the JDK's trust store. */
    private String caFileName() {
        Path file = ctx.settings().section(HttpSettings.SECTION).caFile();
        return file != null
                ? file + " (with the JDK's trust store)"
                : Path.of(System.getProperty("java.home"), "lib", "security", "cacerts")
                        .toString();
    }

    Duration totalTimeout() {
        Duration wanted = cmd.maxTime() != null
                ? cmd.maxTime()
                : ctx.settings().section(HttpSettings.SECTION).maxTime();
        return ctx.clamp(wanted);
    }

    void run() throws InterruptedException {
        try {
            exchange();
        } finally {
            if (t.endNanos < 0) {
                t.endNanos = t.now();
            }
        }
        finish();
    }

    private void verbose(String line) {
        if (cmd.verbose()) {
            term.line(line);
        }
    }

    private void exchange() throws InterruptedException {
        Duration total = totalTimeout();
        // without --connect-timeout, -m (the call's timeout) ends a hanging connect and curl says "Connection timed
        // out after N milliseconds"; the socket's own connect timeout is set past it so that it never fires first
        Duration connect = cmd.connectTimeout() == null
                ? total.plusSeconds(1)
                : ctx.clamp(cmd.connectTimeout()).compareTo(total) < 0 ? ctx.clamp(cmd.connectTimeout()) : total;
        connectTimeoutMs = connect.toMillis();
        for (ResolveOverride o : cmd.resolve()) {
            verbose("* Added " + o.text() + " to DNS cache");
        }
        OkHttpClient base;
        try {
            base = baseClient(connect, total);
        } catch (IOException | GeneralSecurityException e) {
            setupError = "cannot use the trusted CA file "
                    + ctx.settings().section(HttpSettings.SECTION).caFile() + " (probebook.http.ca-file): "
                    + e.getMessage();
            return;
        }
        try {
            HttpUrl url = HttpUrl.get(cmd.url().text());
            CurlDns dns = new CurlDns(ctx, url.port(), cmd.ipVersion(), cmd.resolve(), this::verbose);
            base = base.newBuilder().dns(dns).build();
            String method = cmd.effectiveMethod();
            RequestBody body = body(method, cmd.data());
            t.begin();
            for (int hop = 0; ; hop++) {
                if (ctx.cancelled()) {
                    throw new InterruptedException("stopped");
                }
                t.newHop(url, method);
                if (!allowedLiteral(url)) {
                    return;
                }
                dns.port(url.port());
                OkHttpClient client = base.newBuilder()
                        .socketFactory(new TimedSockets(t))
                        .eventListener(new PhaseListener(
                                term, cmd.verbose(), cmd.insecure(), t, tls, connectTimeoutMs, caFileName()))
                        .build();
                Call call = client.newCall(
                        new Request.Builder().url(url).method(method, body).build());
                long left = total.toMillis() - t.wall() / 1_000_000;
                call.timeout().timeout(Math.max(1, left), TimeUnit.MILLISECONDS);
                ctx.closeOnCancel(call::cancel);
                if (hop == 0) {
                    // curl's clock starts with the transfer: building this run's client (and, in a fresh JVM, loading
                    // its classes) is not the network's time, so it is not in time_namelookup or time_total
                    t.begin();
                }
                Response response;
                try {
                    response = call.execute();
                } catch (IOException e) {
                    if (ctx.cancelled()) {
                        throw new InterruptedException("stopped");
                    }
                    if (dns.denied() != null) {
                        deny(dns.denied());
                    } else {
                        fail(CurlFailure.classify(e, facts(url)));
                    }
                    return;
                }
                try (response) {
                    HttpUrl next = redirectTarget(response);
                    if (next == null) {
                        finalAnswer(response, url);
                        return;
                    }
                    discard(response.body());
                    verbose("* Connection #" + t.connectionId + " to host " + url.host() + " left intact");
                    if (hop >= cmd.maxRedirects()) {
                        fail(new CurlFailure(
                                47,
                                "Maximum (" + cmd.maxRedirects() + ") redirects followed",
                                CurlFailure.Kind.TOO_MANY_REDIRECTS));
                        return;
                    }
                    verbose("* Issue another request to this URL: '" + next + "'");
                    t.redirects.add(new HttpDetails.Redirect(response.code(), url.toString(), next.toString()));
                    if (cmd.method() == null && switchesToGet(response.code(), method)) {
                        method = "GET";
                        body = null;
                    }
                    url = next;
                } catch (IOException e) {
                    if (ctx.cancelled()) {
                        throw new InterruptedException("stopped");
                    }
                    fail(CurlFailure.classify(e, facts(url)));
                    return;
                }
            }
        } finally {
            base.connectionPool().evictAll();
        }
    }

    private OkHttpClient baseClient(Duration connect, Duration total) throws IOException, GeneralSecurityException {
        RecordingTrustManager trust = new RecordingTrustManager(
                TrustStores.trustManager(
                        ctx.settings().section(HttpSettings.SECTION).caFile()),
                cmd.insecure(),
                tls);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {trust}, null);
        ConnectionSpec tlsSpec = new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
                .allEnabledCipherSuites()
                .build();
        String userAgent = cmd.userAgent() != null
                ? cmd.userAgent()
                : ctx.settings().section(HttpSettings.SECTION).userAgent();
        return CurlLikeClient.builder(new ConnectionPool(5, 1, TimeUnit.MINUTES), connect)
                .readTimeout(Math.max(1, total.toMillis()), TimeUnit.MILLISECONDS)
                .writeTimeout(Math.max(1, total.toMillis()), TimeUnit.MILLISECONDS)
                .sslSocketFactory(ssl.getSocketFactory(), trust)
                .hostnameVerifier(new CurlHostnameVerifier(cmd.insecure(), tls))
                .connectionSpecs(List.of(tlsSpec, ConnectionSpec.CLEARTEXT))
                .protocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1))
                .addNetworkInterceptor(new ExchangePrinter(cmd, userAgent, term, t))
                .build();
    }

    private static RequestBody body(String method, String data) {
        if (data != null) {
            return RequestBody.create(data.getBytes(StandardCharsets.UTF_8), null);
        }
        return BODY_REQUIRED.contains(method.toUpperCase(Locale.ROOT)) ? RequestBody.create(new byte[0], null) : null;
    }

    /**
     * okhttp never asks a Dns for what it takes as an IP address, so those are checked against the policy
     * here. It takes more than strict literals: any host of digits and dots ({@code 2130706434},
     * {@code 127.1}) goes straight to {@code InetAddress}, which reads the short and decimal IPv4 forms; a
     * redirect to one must not slip past the policy.
     */
    private boolean allowedLiteral(HttpUrl url) throws InterruptedException {
        String host = url.host();
        if (!HostSyntax.isIpLiteral(host) && !OKHTTP_IP_ADDRESS.matcher(host).matches()) {
            return true;
        }
        try {
            ctx.checkTarget(null, InetAddress.getByName(host), url.port());
            return true;
        } catch (PolicyDeniedException e) {
            deny(e);
            return false;
        } catch (IOException e) {
            fail(new CurlFailure(6, "Could not resolve host: " + host, CurlFailure.Kind.RESOLVE));
            return false;
        }
    }

    private HttpUrl redirectTarget(Response response) {
        if (!REDIRECTS.contains(response.code())) {
            return null;
        }
        String location = response.header("Location");
        HttpUrl next = location == null ? null : response.request().url().resolve(location);
        if (!cmd.followRedirects()) {
            redirectUrl = next == null ? null : next.toString();
            return null;
        }
        return next;
    }

    /** curl turns a POST into a GET on 301/302, and anything but HEAD into a GET on 303. */
    private static boolean switchesToGet(int code, String method) {
        return (code == 303 && !method.equals("HEAD")) || ((code == 301 || code == 302) && method.equals("POST"));
    }

    private void finalAnswer(Response response, HttpUrl url) throws IOException, InterruptedException {
        if (cmd.failOnHttpError() && response.code() >= 400) {
            fail(new CurlFailure(
                    22, "The requested URL returned error: " + response.code(), CurlFailure.Kind.HTTP_ERROR));
            return;
        }
        readBody(response.body());
        t.endNanos = t.now();
        if (binaryWithheld) {
            return;
        }
        if (cmd.output() instanceof CurlCommand.BodyOutput.NotSaved notSaved && (!cmd.silent() || cmd.verbose())) {
            term.line("* Probebook: not saved to '" + notSaved.file() + "': the body (" + t.bodyBytes
                    + " bytes) was counted, not written (probes never write files on this server)");
        }
        if (t.closesConnection) {
            verbose("* Closing connection");
        } else {
            verbose("* Connection #" + t.connectionId + " to host " + url.host() + " left intact");
        }
    }

    /** Reads the body to its end (counting it), printing it when it goes to the terminal, bounded. */
    private void readBody(ResponseBody body) throws IOException, InterruptedException {
        if (t.starttransfer >= 0) {
            // from the answer's headers to reading its body this client was at work on the headers (a millisecond
            // and more in a fresh JVM, microseconds in curl); the body waits in the socket meanwhile
            t.leaveOutSince(t.starttransfer);
        }
        boolean print = cmd.output() instanceof CurlCommand.BodyOutput.Terminal;
        boolean binaryOk = cmd.output() instanceof CurlCommand.BodyOutput.Terminal terminal && terminal.binaryOk();
        long printLimit = ctx.settings().outputMaxBytes();
        long printed = 0;
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        try (InputStream in = body.byteStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                t.bodyBytes += n;
                if (!print) {
                    continue;
                }
                if (!binaryOk && containsNul(buf, n)) {
                    withholdBinary();
                    return;
                }
                if (printed < printLimit) {
                    printed += n;
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == '\n') {
                            term.write(pending.toString(StandardCharsets.UTF_8) + "\n");
                            pending.reset();
                        } else {
                            pending.write(buf[i]);
                        }
                    }
                }
            }
        } catch (IOException e) {
            if (ctx.cancelled()) {
                throw new InterruptedException("stopped");
            }
            flushPending(pending);
            throw e;
        }
        flushPending(pending);
    }

    private void flushPending(ByteArrayOutputStream pending) {
        if (pending.size() > 0) {
            term.write(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
        }
    }

    private static boolean containsNul(byte[] buf, int n) {
        for (int i = 0; i < n; i++) {
            if (buf[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** curl refuses to print a binary body to a terminal: a warning, then it stops the transfer (exit 23). */
    private void withholdBinary() {
        binaryWithheld = true;
        if (!cmd.silent()) {
            term.line("Warning: Binary output can mess up your terminal. Use \"--output -\" to tell");
            term.line("Warning: curl to output it to your terminal anyway, or consider \"--output");
            term.line("Warning: <FILE>\" to save to a file.");
        }
        failure = new CurlFailure(23, "Failure writing output to destination", CurlFailure.Kind.WRITE);
        verbose("* Failure writing output to destination");
        verbose("* Closing connection");
    }

    private static void discard(ResponseBody body) throws IOException {
        try (InputStream in = body.byteStream()) {
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while (total < DISCARD_LIMIT && (n = in.read(buf)) > 0) {
                total += n;
            }
        }
    }

    private CurlFailure.Facts facts(HttpUrl url) {
        return new CurlFailure.Facts(
                url.host(),
                url.port(),
                t.wall() / 1_000_000,
                t.tcpConnected,
                t.status > 0,
                t.bodyBytes,
                t.contentLength,
                url.isHttps() ? tls : null);
    }

    private void fail(CurlFailure f) {
        failure = f;
        t.endNanos = t.now();
        if (cmd.verbose()) {
            if (f.kind() == CurlFailure.Kind.CERTIFICATE) {
                TlsLines.rejected(term, tls.protocol(), tls.problem());
            }
            if (f.kind() == CurlFailure.Kind.CERTIFICATE || f.kind() == CurlFailure.Kind.HOST_NAME) {
                TlsLines.certificate(term, tls, cmd.insecure());
            }
            term.line("* " + f.message());
            term.line("* Closing connection");
        }
    }

    private void deny(PolicyDeniedException e) {
        denied = e;
        t.endNanos = t.now();
        term.line("Probebook: not connecting: " + e.getMessage());
    }

    /** The error line (unless {@code -s}), then {@code -w}, as curl ends a transfer. */
    private void finish() {
        if (failure != null && failure.code() != 23 && cmd.showsErrors()) {
            term.line(failure.line());
            if (failure.code() == 60) {
                term.line("More details here: https://curl.se/docs/sslcerts.html");
                term.line("");
                term.line("curl failed to verify the legitimacy of the server and therefore could not");
                term.line("establish a secure connection to it. To learn more about this situation and");
                term.line("how to fix it, please visit the web page mentioned above.");
            }
        }
        if (cmd.writeOut() != null && setupError == null && denied == null) {
            WriteOut.Rendered r =
                    WriteOut.render(cmd.writeOut(), writeOutVariables(), this::finalHeader, failure == null);
            r.warnings().forEach(term::line);
            term.write(r.text());
        }
        term.flush();
    }

    private String finalHeader(String lowerName) {
        for (HttpDetails.Header h : t.headers) {
            if (h.name().toLowerCase(Locale.ROOT).equals(lowerName)) {
                return h.value();
            }
        }
        return null;
    }

    Map<String, String> writeOutVariables() {
        Map<String, String> v = new LinkedHashMap<>();
        String code = String.format(Locale.ROOT, "%03d", t.status);
        v.put("http_code", code);
        v.put("response_code", code);
        String version = t.httpVersion();
        v.put("http_version", version == null ? "0" : version.substring("HTTP/".length()));
        v.put("time_namelookup", WriteOut.seconds(t.namelookup));
        v.put("time_connect", WriteOut.seconds(t.connect));
        v.put("time_appconnect", WriteOut.seconds(t.appconnect));
        v.put("time_pretransfer", WriteOut.seconds(Math.max(t.connect, t.appconnect)));
        v.put("time_starttransfer", WriteOut.seconds(t.starttransfer));
        v.put("time_total", WriteOut.seconds(t.endNanos));
        v.put("remote_ip", t.remoteIp == null ? "" : t.remoteIp);
        v.put("remote_port", t.remoteIp == null ? "0" : Integer.toString(t.remotePort));
        v.put("local_ip", t.localIp == null ? "" : t.localIp);
        v.put("local_port", t.localIp == null ? "0" : Integer.toString(t.localPort));
        v.put("size_download", Long.toString(t.bodyBytes));
        v.put("size_header", Long.toString(t.headerBytes));
        v.put(
                "size_upload",
                Long.toString(cmd.data() == null ? 0 : cmd.data().getBytes(StandardCharsets.UTF_8).length));
        double seconds = t.endNanos / 1e9;
        v.put("speed_download", Long.toString(seconds <= 0 ? 0 : Math.round(t.bodyBytes / seconds)));
        v.put("url", cmd.url().text());
        v.put("url_effective", t.url == null ? cmd.url().text() : t.url.toString());
        v.put("redirect_url", redirectUrl == null ? "" : redirectUrl);
        v.put("num_redirects", Integer.toString(t.redirects.size()));
        v.put("num_connects", Integer.toString(t.connects));
        v.put("content_type", t.contentType == null ? "" : t.contentType);
        v.put("scheme", cmd.url().scheme().toUpperCase(Locale.ROOT));
        v.put("method", t.method == null ? cmd.effectiveMethod() : t.method);
        v.put(
                "ssl_verify_result",
                Integer.toString(tls.problem() == null ? 0 : tls.problem().code()));
        v.put("exitcode", Integer.toString(failure == null ? 0 : failure.code()));
        v.put("errormsg", failure == null ? "" : failure.message());
        return v;
    }
}

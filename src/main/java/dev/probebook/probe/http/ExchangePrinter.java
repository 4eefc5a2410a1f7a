package dev.probebook.probe.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.Connection;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * okhttp network interceptor that makes the request curl would send and prints the exchange as curl
 * does: request headers in curl's order ({@code Host}, {@code User-Agent}, {@code Accept}, the
 * {@code -H} headers, then {@code Content-Length}/{@code Content-Type} for {@code -d}) without okhttp's
 * own {@code Connection}/{@code Accept-Encoding}; {@code > } and {@code < } lines for {@code -v}; the
 * response header block for {@code -I}/{@code -i}. Records the answer in the {@link Transfer}.
 */
final class ExchangePrinter implements Interceptor {

    private final CurlCommand cmd;
    private final String userAgent;
    private final CurlTerminal term;
    private final Transfer t;

    ExchangePrinter(CurlCommand cmd, String userAgent, CurlTerminal term, Transfer transfer) {
        this.cmd = cmd;
        this.userAgent = userAgent;
        this.term = term;
        this.t = transfer;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        Protocol protocol = connection != null ? connection.protocol() : Protocol.HTTP_1_1;
        Request request = curlRequest(chain.request());
        if (cmd.verbose()) {
            HttpUrl url = request.url();
            String target = url.encodedPath() + (url.encodedQuery() != null ? "?" + url.encodedQuery() : "");
            term.line("> " + request.method() + " " + target + " "
                    + (protocol == Protocol.HTTP_2 ? "HTTP/2" : "HTTP/1.1"));
            for (int i = 0; i < request.headers().size(); i++) {
                term.line("> " + request.headers().name(i) + ": "
                        + request.headers().value(i));
            }
            term.line("> ");
        }
        Response response = chain.proceed(request);
        record(response);
        printHeaders();
        return response;
    }

    private Request curlRequest(Request okhttp) {
        Set<String> custom = new HashSet<>();
        for (CurlCommand.CustomHeader h : cmd.headers()) {
            custom.add(h.name().toLowerCase(Locale.ROOT));
        }
        boolean crossHost = !okhttp.url().host().equalsIgnoreCase(cmd.url().host());
        Headers.Builder b = new Headers.Builder();
        if (!custom.contains("host")) {
            b.add("Host", hostHeader(okhttp.url()));
        }
        if (!custom.contains("user-agent") && !userAgent.isEmpty()) {
            b.add("User-Agent", userAgent);
        }
        if (!custom.contains("accept")) {
            b.add("Accept", "*/*");
        }
        for (CurlCommand.CustomHeader h : cmd.headers()) {
            String lower = h.name().toLowerCase(Locale.ROOT);
            boolean credential = lower.equals("authorization") || lower.equals("cookie");
            if (!h.removes() && !(crossHost && credential)) {
                b.addUnsafeNonAscii(h.name(), h.value());
            }
        }
        RequestBody body = okhttp.body();
        if (body != null) {
            long length = contentLength(body);
            if (length > 0 || cmd.data() != null) {
                if (!custom.contains("content-length") && length >= 0) {
                    b.add("Content-Length", Long.toString(length));
                }
                if (!custom.contains("content-type") && cmd.data() != null) {
                    b.add("Content-Type", "application/x-www-form-urlencoded");
                }
            }
        }
        return okhttp.newBuilder().headers(b.build()).build();
    }

    private static long contentLength(RequestBody body) {
        try {
            return body.contentLength();
        } catch (IOException e) {
            return -1;
        }
    }

    /** {@code host[:port]}, the port only when it is not the scheme's default (as curl sends it). */
    static String hostHeader(HttpUrl url) {
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
    }

    private void record(Response response) {
        t.status = response.code();
        t.statusText = response.message();
        t.protocol = response.protocol();
        List<HttpDetails.Header> headers = new ArrayList<>();
        Headers h = response.headers();
        long size = t.statusLine().length() + 2L + 2L;
        for (int i = 0; i < h.size(); i++) {
            headers.add(new HttpDetails.Header(h.name(i), h.value(i)));
            size += h.name(i).length() + 2L + h.value(i).length() + 2L;
        }
        t.headers = List.copyOf(headers);
        t.headerBytes += size;
        t.contentType = response.header("Content-Type");
        try {
            String length = response.header("Content-Length");
            t.contentLength = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            t.contentLength = -1;
        }
        t.closesConnection =
                response.protocol() == Protocol.HTTP_1_0 || "close".equalsIgnoreCase(response.header("Connection"));
    }

    /** {@code < } lines for -v and the plain header block for -I/-i, interleaved as on a terminal. */
    private void printHeaders() {
        boolean show = cmd.head() || cmd.include();
        if (!cmd.verbose() && !show) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(t.statusLine());
        for (HttpDetails.Header h : t.headers) {
            lines.add(h.name() + ": " + h.value());
        }
        lines.add("");
        for (String line : lines) {
            if (cmd.verbose()) {
                term.line("< " + line);
            }
            if (show) {
                term.line(line);
            }
        }
    }
}

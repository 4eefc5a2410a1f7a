package dev.probebook.probe.http;

import dev.probebook.command.UrlSyntax;
import dev.probebook.net.IpFamily;
import java.time.Duration;
import java.util.List;

/**
 * A parsed {@code curl} command line, as far as Probebook runs it.
 *
 * @param method          the request method from {@code -X}, null for curl's choice (GET, HEAD with -I, POST with -d)
 * @param data            the request body from {@code -d}/{@code --data-raw} (several joined with {@code &}), null for none
 * @param userAgent       {@code -A}, null for the configured user agent
 * @param connectTimeout  {@code --connect-timeout}, null for none (the total time bounds it)
 * @param maxTime         {@code -m}, null for the configured cap ({@code probebook.http.max-time})
 * @param writeOut        the {@code -w} format as curl received it, null for none
 */
public record CurlCommand(
        UrlSyntax.Url url,
        String method,
        List<CustomHeader> headers,
        String data,
        String userAgent,
        boolean verbose,
        boolean head,
        boolean include,
        boolean silent,
        boolean showError,
        boolean insecure,
        boolean followRedirects,
        int maxRedirects,
        boolean failOnHttpError,
        BodyOutput output,
        String writeOut,
        Duration connectTimeout,
        Duration maxTime,
        List<ResolveOverride> resolve,
        IpFamily ipVersion) {

    public CurlCommand {
        headers = List.copyOf(headers);
        resolve = List.copyOf(resolve);
    }

    /** The method curl sends on the first request. */
    public String effectiveMethod() {
        if (method != null) {
            return method;
        }
        if (head) {
            return "HEAD";
        }
        return data != null ? "POST" : "GET";
    }

    /** Error messages are printed unless {@code -s} without {@code -S}. */
    public boolean showsErrors() {
        return !silent || showError;
    }

    /**
     * A {@code -H} header. {@code value} null removes a header curl would send ({@code -H "Accept:"});
     * an empty value sends the header empty ({@code -H "X-Empty;"}).
     */
    public record CustomHeader(String name, String value) {
        public boolean removes() {
            return value == null;
        }
    }

    /** Where the response body goes ({@code -o}). */
    public sealed interface BodyOutput {
        /**
         * No {@code -o}, or {@code -o -}: the body is printed. {@code binaryOk} is true for {@code -o -},
         * which tells curl to print a binary body anyway.
         */
        record Terminal(boolean binaryOk) implements BodyOutput {}

        /** {@code -o /dev/null}: read and discarded. */
        record Discard() implements BodyOutput {}

        /** {@code -o FILE}: counted but never written, since probes run on a shared server. */
        record NotSaved(String file) implements BodyOutput {}
    }
}

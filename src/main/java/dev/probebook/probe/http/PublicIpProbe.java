package dev.probebook.probe.http;

import dev.probebook.command.Args;
import dev.probebook.command.HostSyntax;
import dev.probebook.command.UrlSyntax;
import dev.probebook.command.UsageException;
import dev.probebook.policy.PolicyDeniedException;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import dev.probebook.settings.SettingsSection;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Proxy;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code curl ifconfig.me} (and other IP echo services): prints the public IP this server's traffic
 * leaves with, and says whether NAT or a load balancer sits in front (no interface holds that IP). No
 * answer is a warning, not a failure: a server in a private subnet normally has no internet egress.
 * {@code probebook.public-ip.url} replaces the service (an internal echo service, or a test server).
 */
public final class PublicIpProbe implements Probe<PublicIpCommand> {

    private static final int MAX_ANSWER_BYTES = 4096;

    @Override
    public String name() {
        return "public-ip";
    }

    @Override
    public Set<String> commandWords() {
        return Set.of("curl");
    }

    @Override
    public List<SettingsSection<?>> settings() {
        return List.of(PublicIpSettings.SECTION, HttpSettings.SECTION);
    }

    @Override
    public boolean claims(String commandWord, List<String> words) {
        return PublicIpParser.parse(words).isPresent();
    }

    @Override
    public PublicIpCommand parse(String commandWord, Args args) throws UsageException {
        List<String> words = args.rest();
        return PublicIpParser.parse(words)
                .orElseThrow(
                        () -> new UsageException("curl: not an IP echo service command: " + String.join(" ", words)));
    }

    @Override
    public ProbeResult run(PublicIpCommand cmd, ProbeContext ctx) throws InterruptedException {
        String configured = ctx.settings().section(PublicIpSettings.SECTION).url();
        String target = configured == null || configured.isBlank() ? cmd.url() : configured.strip();
        HttpUrl url;
        try {
            url = HttpUrl.get(UrlSyntax.parse(target).text());
        } catch (UsageException | IllegalArgumentException e) {
            return ProbeResult.error("the IP echo service URL '" + target
                    + "' is not usable (probebook.public-ip.url): " + e.getMessage());
        }
        Duration timeout = ctx.settings().section(PublicIpSettings.SECTION).timeout();
        if (cmd.maxTime() != null && cmd.maxTime().compareTo(timeout) < 0) {
            timeout = cmd.maxTime();
        }
        timeout = ctx.clamp(timeout);
        CurlTerminal term = new CurlTerminal(ctx);
        long start = System.nanoTime();
        try {
            if (HostSyntax.isIpLiteral(url.host())) {
                ctx.checkTarget(null, InetAddress.getByName(url.host()), url.port());
            }
        } catch (PolicyDeniedException e) {
            return ProbeResult.error(e.getMessage());
        } catch (IOException e) {
            return ProbeResult.error("bad address " + url.host());
        }
        CurlDns dns = new CurlDns(ctx, url.port(), cmd.ipVersion(), List.of(), line -> {});
        AtomicBoolean connected = new AtomicBoolean();
        ConnectionPool pool = new ConnectionPool(1, 1, TimeUnit.SECONDS);
        // the call's timeout ends a hanging connect (curl -m: "Connection timed out after N milliseconds")
        OkHttpClient client = CurlLikeClient.builder(pool, timeout.plusSeconds(1))
                .dns(dns)
                .eventListener(new EventListener() {
                    @Override
                    public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
                        connected.set(true);
                    }
                })
                .build();
        Request request = new Request.Builder()
                .url(url)
                .header(
                        "User-Agent",
                        ctx.settings().section(HttpSettings.SECTION).userAgent())
                .header("Accept", "*/*")
                .build();
        Call call = client.newCall(request);
        call.timeout().timeout(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        ctx.closeOnCancel(call::cancel);
        try (Response response = call.execute()) {
            String answer = readAnswer(response);
            term.write(answer);
            term.flush();
            double millis = (System.nanoTime() - start) / 1e6;
            return verdict(url, response.code(), answer.strip(), millis);
        } catch (IOException e) {
            if (ctx.cancelled()) {
                throw new InterruptedException("stopped");
            }
            if (dns.denied() != null) {
                return ProbeResult.error(dns.denied().getMessage());
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            CurlFailure f = CurlFailure.classify(
                    e, CurlFailure.Facts.beforeAnswer(url.host(), url.port(), elapsed, connected.get()));
            if (cmd.showsErrors()) {
                term.line(f.line());
            }
            term.flush();
            return ProbeResult.warn(
                    "no answer from " + url.host() + " (" + (f.cause() != null ? f.cause() : f.message())
                            + "): no internet egress from here. "
                            + "That is normal for a server in a private subnet; it needs a NAT gateway or proxy to reach the internet",
                    new PublicIpDetails(url.toString(), null, null, null, null, elapsed, f.message()));
        } finally {
            pool.evictAll();
        }
    }

    private static String readAnswer(Response response) throws IOException {
        try (InputStream in = response.body().byteStream()) {
            byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static ProbeResult verdict(HttpUrl url, int status, String answer, double millis) {
        String firstLine = answer.lines().findFirst().orElse("").strip();
        boolean isIp = status >= 200
                && status < 300
                && HostSyntax.isIpLiteral(firstLine)
                && answer.lines().count() == 1;
        if (!isIp) {
            String shown = firstLine.length() > 80 ? firstLine.substring(0, 80) + "..." : firstLine;
            return ProbeResult.warn(
                    url.host() + " answered HTTP " + status + ", but not with an IP address ('" + shown
                            + "'): a proxy or captive portal may be in the way, or the service changed",
                    new PublicIpDetails(url.toString(), status, answer, null, null, millis, null));
        }
        String iface = localInterfaceHolding(firstLine);
        PublicIpDetails details = new PublicIpDetails(url.toString(), status, answer, firstLine, iface, millis, null);
        if (iface != null) {
            return ProbeResult.ok(
                    "the public IP is " + firstLine + " and interface " + iface
                            + " holds it: this server is directly on the internet (no NAT). Remote firewalls must allow "
                            + firstLine,
                    details);
        }
        return ProbeResult.ok(
                "the public IP is " + firstLine + ": traffic leaves through NAT (or a load balancer): the public IP "
                        + "is not on any interface here. Remote firewalls (e.g. an API server's inbound rules) must allow "
                        + firstLine
                        + ", not this server's own address",
                details);
    }

    /** The interface that holds this address, or null. Reads only local configuration. */
    static String localInterfaceHolding(String ip) {
        try {
            InetAddress wanted = InetAddress.getByName(ip); // a literal: no lookup
            Enumeration<NetworkInterface> all = NetworkInterface.getNetworkInterfaces();
            while (all != null && all.hasMoreElements()) {
                NetworkInterface ni = all.nextElement();
                Enumeration<InetAddress> addresses = ni.getInetAddresses();
                while (addresses.hasMoreElements()) {
                    InetAddress a = addresses.nextElement();
                    if (sameAddress(a, wanted)) {
                        return ni.getName();
                    }
                }
            }
        } catch (SocketException | UnknownHostException e) {
            return null;
        }
        return null;
    }

    private static boolean sameAddress(InetAddress a, InetAddress b) {
        return Arrays.equals(a.getAddress(), b.getAddress());
    }
}

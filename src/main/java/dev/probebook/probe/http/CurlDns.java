package dev.probebook.probe.http;

import dev.probebook.net.IpFamily;
import dev.probebook.net.NameResolver;
import dev.probebook.policy.PolicyDeniedException;
import dev.probebook.probe.ProbeContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.Dns;

/**
 * Name resolution for okhttp as curl would do it here: {@code --resolve} entries first, then the
 * configured hosts file and DNS servers ({@link NameResolver}), filtered by {@code -4}/{@code -6}.
 * Every address is checked against the target policy before okhttp may connect to it; a refusal is
 * kept in {@link #denied()} (okhttp only knows {@link UnknownHostException}) so the run can report it
 * as a policy error rather than as a failed lookup.
 *
 * <p>{@code --resolve} and the policy depend on the port, which okhttp does not pass to a {@link Dns}:
 * the run sets it with {@link #port(int)} before each request (redirect hop). One instance serves the
 * whole run so that okhttp can reuse a connection across redirects (its pool matches on the Dns too).
 * okhttp does not call a {@link Dns} for IP literals: the run checks those itself before each request.
 */
public final class CurlDns implements Dns {

    private final ProbeContext ctx;
    private volatile int port;
    private final IpFamily ipVersion;
    private final List<ResolveOverride> overrides;
    private final Consumer<String> verbose;
    private volatile PolicyDeniedException denied;

    /** @param verbose receives curl's {@code -v} lines about the lookup; may ignore them */
    public CurlDns(
            ProbeContext ctx, int port, IpFamily ipVersion, List<ResolveOverride> overrides, Consumer<String> verbose) {
        this.ctx = ctx;
        this.port = port;
        this.ipVersion = ipVersion;
        this.overrides = List.copyOf(overrides);
        this.verbose = verbose;
    }

    /** The port of the next request; called on the run thread before the request starts. */
    public void port(int next) {
        this.port = next;
    }

    @Override
    public List<InetAddress> lookup(String host) throws UnknownHostException {
        List<InetAddress> found = null;
        for (ResolveOverride o : overrides) {
            if (o.matches(host, port)) {
                verbose.accept("* Hostname " + host + " was found in DNS cache");
                found = o.addresses();
                break;
            }
        }
        if (found == null) {
            found = NameResolver.of(ctx).resolve(host).addresses();
        }
        List<InetAddress> usable = found.stream().filter(this::wanted).toList();
        if (usable.isEmpty()) {
            throw new UnknownHostException(host);
        }
        for (InetAddress a : usable) {
            try {
                ctx.checkTarget(host, a, port);
            } catch (PolicyDeniedException e) {
                denied = e;
                throw new UnknownHostException(e.getMessage());
            }
        }
        return usable;
    }

    private boolean wanted(InetAddress a) {
        return ipVersion.admits(a);
    }

    /** The policy refusal of the last lookup, or null. */
    public PolicyDeniedException denied() {
        return denied;
    }
}

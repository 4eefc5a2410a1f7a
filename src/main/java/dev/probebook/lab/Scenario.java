package dev.probebook.lab;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The faults the practice lab reproduces, one per case of the network-connectivity runbook, in the order the lab
 * lists them. Each names the lab host it is reached by and the port it prefers (so documentation can name it; a
 * taken port is replaced by a free one when the lab starts).
 */
public enum Scenario {
    OPEN(
            "app.lab.test",
            18443,
            "Open HTTPS service",
            "a healthy service: TCP checks connect, curl -v shows the TLS handshake under the lab CA and HTTP 200"),
    REFUSED(
            "closed.lab.test",
            18444,
            "Connection refused",
            "nothing listens on the port: the kernel answers the SYN with a RST, so every check says refused at once"),
    DROPPED(
            "dropped.lab.test",
            18445,
            "SYN dropped (timeout)",
            "a listener whose accept queue is full: the kernel drops the SYNs, as a dropping firewall does, so checks"
                    + " wait and time out instead of being refused"),
    EXPIRED(
            "expired.lab.test",
            18446,
            "Expired certificate",
            "an HTTPS service whose certificate (from the lab CA) expired: TCP checks connect, curl fails with"
                    + " 'certificate has expired' (curl -k still gets the page)"),
    NXDOMAIN(
            "gone.lab.test",
            OPEN.preferredPort,
            "Name does not exist",
            "the lab DNS answers NXDOMAIN: nslookup says the name does not exist and every check fails before it"
                    + " sends a packet to the service"),
    HOSTS_OVERRIDE(
            "shop.lab.test",
            OPEN.preferredPort,
            "Hosts file overrides DNS",
            "DNS says 127.0.0.1, where the service listens, but the lab hosts file pins the name to 127.0.0.3, where"
                    + " nothing does: nslookup looks right, yet connections by name are refused; getent hosts and"
                    + " cat /etc/hosts show the override"),
    VIP(
            "vip.lab.test",
            18447,
            "Intermittent virtual IP",
            "a load-balancer address with one bad backend: every connection is accepted, odd ones reach the service,"
                    + " even ones are reset as soon as they send, so curl fails every other time while TCP-only checks always"
                    + " succeed (the kernel completes the handshake before anyone decides to reset)");

    private final String host;
    private final int preferredPort;
    private final String title;
    private final String reproduces;

    Scenario(String host, int preferredPort, String title, String reproduces) {
        this.host = host;
        this.preferredPort = preferredPort;
        this.title = title;
        this.reproduces = reproduces;
    }

    /** Lower case with dashes, as typed on a command line or in a URL: {@code hosts-override}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A short title for lists. */
    public String title() {
        return title;
    }

    /** What the scenario reproduces and what the checks show, in one sentence. */
    public String reproduces() {
        return reproduces;
    }

    /** The lab host name the scenario is reached by. */
    public String host() {
        return host;
    }

    /** The port the scenario's service prefers; NXDOMAIN and HOSTS_OVERRIDE use the open service's port. */
    public int preferredPort() {
        return preferredPort;
    }

    /** The scenario with this {@link #id()} (case-insensitive; underscores are taken as dashes). */
    public static Optional<Scenario> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(s -> s.id().equals(wanted)).findFirst();
    }
}

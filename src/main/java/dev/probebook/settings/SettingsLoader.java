package dev.probebook.settings;

import dev.probebook.command.HostPort;
import dev.probebook.command.HostSyntax;
import dev.probebook.command.Typos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds {@link Settings} from flat {@code probebook.*} properties (prefix optional), with the
 * {@link SettingsReader}'s units, and names the keys nobody reads.
 */
public final class SettingsLoader {

    /**
     * Denied unless configured otherwise: link-local addresses and every cloud metadata or host-agent service (AWS,
     * GCP, Azure and OpenStack at 169.254.169.254, AWS over IPv6, Alibaba's 100.100.100.200, Azure's WireServer
     * 168.63.129.16), local-use NAT64 (which can reach any of them), multicast and broadcast. Loopback and private
     * ranges stay allowed: checking them is what Probebook is for.
     */
    public static final String DEFAULT_DENY = "169.254.0.0/16,fe80::/10,fd00:ec2::254/128,100.100.100.200/32,"
            + "168.63.129.16/32,64:ff9b:1::/48,224.0.0.0/4,ff00::/8,255.255.255.255/32";

    private SettingsLoader() {}

    /** Keys under {@code probebook.} that only the web app reads (sign-in, the runbooks folder). */
    public static final List<String> APP_KEY_PREFIXES = List.of("runbooks-dir", "users.", "oidc.", "allowed-hosts");

    /**
     * The {@code probebook.*} keys in {@code properties} that neither the core nor any of {@code sections} reads:
     * a misspelt key would otherwise be ignored without a word. Each comes with the closest known key when one is
     * near.
     */
    public static List<String> unknownKeys(Map<String, String> properties, Collection<SettingsSection<?>> sections) {
        SettingsReader r = new SettingsReader(Map.of());
        core(r, Map.of(), List.of());
        sections.forEach(s -> s.read(r));
        List<String> out = new ArrayList<>();
        for (String full : new TreeSet<>(properties.keySet())) {
            if (!full.startsWith("probebook.")) {
                continue;
            }
            String key = full.substring("probebook.".length());
            if (r.asked().contains(key) || APP_KEY_PREFIXES.stream().anyMatch(key::startsWith)) {
                continue;
            }
            out.add(full
                    + Typos.closest(key, r.asked(), 3)
                            .map(near -> " (did you mean probebook." + near + "?)")
                            .orElse(""));
        }
        return out;
    }

    /** The core settings; sections are read on first use. */
    public static Settings load(Map<String, String> properties) {
        return load(properties, List.of());
    }

    /** The core settings and {@code sections}, all read now, so that a bad value of any stops the start. */
    public static Settings load(Map<String, String> properties, Collection<SettingsSection<?>> sections) {
        return core(new SettingsReader(properties), properties, sections);
    }

    private static Settings core(
            SettingsReader r, Map<String, String> properties, Collection<SettingsSection<?>> sections) {
        for (String server : r.list("dns.servers", "")) {
            checkDnsServer(server);
        }
        Map<SettingsSection<?>, Object> read = new HashMap<>();
        for (SettingsSection<?> section : sections) {
            read.put(section, section.read(new SettingsReader(properties)));
        }
        return new Settings(
                Path.of(r.string("hosts-file", "/etc/hosts")),
                Path.of(r.string("data-dir", "data")),
                r.duration("probe-timeout", "60s"),
                r.integer("max-concurrent-probes", 32),
                r.integer("output.max-lines", 5000),
                r.size("output.max-bytes", "1MB"),
                r.size("runbook.max-bytes", "2MB"),
                r.duration("runbook.parse-budget", "10s"),
                new Settings.Dns(r.list("dns.servers", ""), r.duration("dns.timeout", "5s")),
                new Settings.PolicySettings(r.list("policy.allow", ""), r.list("policy.deny", DEFAULT_DENY)),
                new Settings.Limits(
                        r.integer("limits.per-user-concurrent", 4),
                        r.integer("limits.per-user-runs-per-minute", 60),
                        r.integer("limits.run-all-max-steps", 50)),
                new Settings.Roles(
                        r.role("roles.run", "operator"),
                        r.role("roles.capture", "admin"),
                        r.role("roles.hosts-write", "admin"),
                        r.role("roles.edit", "editor"),
                        r.role("roles.audit", "admin"),
                        r.role("roles.flood", "admin"),
                        r.role("roles.manage", "admin")),
                properties,
                read);
    }

    /** A DNS server must be an address literal, optionally with a port: names would need DNS themselves. */
    static void checkDnsServer(String server) {
        HostPort hostPort;
        try {
            hostPort = HostPort.split(server);
        } catch (IllegalArgumentException e) {
            throw notADnsServer(server);
        }
        String port = hostPort.port();
        boolean portOk = port == null
                || (port.matches("\\d{1,5}") && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535);
        if (!HostSyntax.isIpLiteral(hostPort.host()) || !portOk) {
            throw notADnsServer(server);
        }
    }

    private static IllegalArgumentException notADnsServer(String server) {
        return new IllegalArgumentException("probebook.dns.servers: '" + server
                + "' is not an address with an optional port (e.g. 10.0.0.2, 127.0.0.1:5353, [::1]:53)");
    }

    /** Collects {@code --probebook.x=y} arguments and {@code probebook.*} system properties. */
    public static Map<String, String> fromArgsAndSystem(List<String> args) {
        Map<String, String> props = new HashMap<>();
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("probebook.")) {
                props.put(k.toString(), v.toString());
            }
        });
        for (String a : args) {
            if (a.startsWith("--probebook.") && a.contains("=")) {
                int eq = a.indexOf('=');
                props.put(a.substring(2, eq), a.substring(eq + 1));
            }
        }
        return props;
    }
}

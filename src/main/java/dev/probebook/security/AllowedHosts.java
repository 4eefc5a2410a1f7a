package dev.probebook.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The host names a request may address the app by ({@code Host} header), as Jupyter Server checks them: a page on
 * another site that resolves its own name to this machine (DNS rebinding) must not reach the sign-in form or the
 * API with the browser's help. {@code probebook.allowed-hosts} lists them; by default: {@code localhost}, the
 * loopback addresses, the bound address, the machine's name, and, when bound to every interface, each interface's
 * addresses. Nothing here looks a name up: the machine's name is read from the kernel.
 */
final class AllowedHosts implements Predicate<String> {

    private final Set<String> names;

    private AllowedHosts(Set<String> names) {
        this.names = Collections.unmodifiableSet(names);
    }

    /**
     * @param configured {@code probebook.allowed-hosts}; when not empty it replaces the defaults
     * @param bound      {@code server.address} ({@code 0.0.0.0} or {@code ::} for every interface)
     */
    static AllowedHosts of(List<String> configured, String bound) {
        Set<String> names = new LinkedHashSet<>();
        if (!configured.isEmpty()) {
            configured.forEach(n -> names.add(normalise(n)));
            return new AllowedHosts(names);
        }
        names.addAll(List.of("localhost", "127.0.0.1", "::1"));
        String address = bound == null ? "" : bound.strip();
        boolean everywhere = address.isEmpty() || address.equals("0.0.0.0") || address.equals("::");
        if (!everywhere) {
            names.add(normalise(address));
        }
        machineName().ifPresent(n -> {
            names.add(n);
            int dot = n.indexOf('.');
            if (dot > 0) {
                names.add(n.substring(0, dot));
            }
        });
        if (everywhere) {
            names.addAll(interfaceAddresses());
        }
        return new AllowedHosts(names);
    }

    /** True when {@code host} (from the Host header, without the port) is one this app answers to. */
    @Override
    public boolean test(String host) {
        return host != null && names.contains(normalise(host));
    }

    Set<String> names() {
        return names;
    }

    private static String normalise(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    private static Optional<String> machineName() {
        try {
            String n = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!n.isEmpty()) {
                return Optional.of(normalise(n));
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall back to the environment
        }
        String env = System.getenv("HOSTNAME");
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(normalise(env));
    }

    private static Set<String> interfaceAddresses() {
        Set<String> out = new LinkedHashSet<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    String text = a.getHostAddress(); // a literal: no lookup
                    int scope = text.indexOf('%');
                    out.add(normalise(scope < 0 ? text : text.substring(0, scope)));
                }
            }
        } catch (SocketException e) {
            // no interfaces to list: the loopback names still stand
        }
        return out;
    }
}

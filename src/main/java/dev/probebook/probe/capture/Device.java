package dev.probebook.probe.capture;

import dev.probebook.command.Typos;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A capture device as libpcap lists it ({@code tcpdump -D}). The static helpers are pure, so the choice of
 * the default interface and the suggestions for a mistyped one are testable without libpcap.
 */
record Device(String name, String description, boolean up, boolean running, boolean loopback) {

    /** Pseudo devices tcpdump never picks by default. */
    private static final List<String> PSEUDO_PREFIXES =
            List.of("any", "nflog", "nfqueue", "dbus", "usbmon", "bluetooth");

    /** {@code 1.eth0 [Up, Running]}, as {@code tcpdump -D} prints it. */
    static List<String> listing(List<Device> devices) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            List<String> flags = new ArrayList<>();
            if (d.up()) {
                flags.add("Up");
            }
            if (d.running()) {
                flags.add("Running");
            }
            if (d.loopback()) {
                flags.add("Loopback");
            }
            lines.add((i + 1) + "." + d.name()
                    + (d.description() == null || d.description().isBlank() ? "" : " (" + d.description() + ")") + " ["
                    + (flags.isEmpty() ? "none" : String.join(", ", flags)) + "]");
        }
        return lines;
    }

    /** The interface tcpdump captures on without {@code -i}: the first up, non-loopback, real device. */
    static Optional<String> defaultDevice(List<Device> devices) {
        return devices.stream()
                .filter(d -> d.up() && !d.loopback() && PSEUDO_PREFIXES.stream().noneMatch(d.name()::startsWith))
                .map(Device::name)
                .findFirst();
    }

    /** {@code -i 2}: the second device of the {@code -D} list, as tcpdump allows; null when not a valid index. */
    static String byIndex(String iface, List<Device> devices) {
        if (!iface.matches("\\d{1,4}")) {
            return null;
        }
        int n = Integer.parseInt(iface);
        return n >= 1 && n <= devices.size() ? devices.get(n - 1).name() : null;
    }

    /** The device name closest to a mistyped one ({@code eho0 -> eth0}), or null when none is close. */
    static String closest(String wanted, List<Device> devices) {
        return Typos.closest(wanted, devices.stream().map(Device::name).toList(), 2)
                .orElse(null);
    }
}

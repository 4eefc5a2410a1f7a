package dev.probebook.probe.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why an interface could not be opened for capture, told the way tcpdump tells it plus what to do:
 * a missing device lists the real ones (the seed runbook itself has {@code -i eho0}), a permission
 * failure says how to grant the capability. Pure: built from libpcap's return code and message.
 *
 * @param lines   terminal output
 * @param summary the one-line verdict summary
 */
record OpenFailure(Kind kind, List<String> lines, String summary) {

    enum Kind {
        NO_SUCH_DEVICE,
        PERMISSION,
        NOT_UP,
        OTHER
    }

    /** libpcap's PCAP_ERROR_NO_SUCH_DEVICE and PCAP_ERROR_PERM_DENIED. */
    static final int PCAP_ERROR_NO_SUCH_DEVICE = -5;

    static final int PCAP_ERROR_PERM_DENIED = -8;
    static final int PCAP_ERROR_IFACE_NOT_UP = -9;

    static final String GRANT = "sudo setcap cap_net_raw,cap_net_admin=eip $(readlink -f $(which java))";

    static OpenFailure classify(String iface, Integer returnCode, String message, List<Device> devices) {
        String msg = message == null ? "" : message.strip();
        int rc = returnCode == null ? 0 : returnCode;
        if (rc == PCAP_ERROR_NO_SUCH_DEVICE || msg.contains("No such device")) {
            return noSuchDevice(iface, msg, devices);
        }
        if (rc == PCAP_ERROR_PERM_DENIED
                || msg.contains("Operation not permitted")
                || msg.toLowerCase(Locale.ROOT).contains("permission")) {
            return new OpenFailure(
                    Kind.PERMISSION,
                    List.of(
                            "tcpdump: " + iface + ": You don't have permission to perform this capture on that device",
                            "(" + msg + ")"),
                    "capturing packets needs root or the CAP_NET_RAW capability: run Probebook as root, or grant it to "
                            + "its Java once: " + GRANT);
        }
        if (rc == PCAP_ERROR_IFACE_NOT_UP || msg.contains("not up")) {
            return new OpenFailure(
                    Kind.NOT_UP,
                    List.of("tcpdump: " + iface + ": " + msg),
                    "interface " + iface + " is down: nothing passes through it. Capture on an interface that is up "
                            + "(tcpdump -D), or bring it up (ip link set " + iface + " up)");
        }
        return new OpenFailure(
                Kind.OTHER, List.of("tcpdump: " + iface + ": " + msg), "cannot capture on " + iface + ": " + msg);
    }

    static OpenFailure noSuchDevice(String iface, String message, List<Device> devices) {
        List<String> lines = new ArrayList<>();
        lines.add("tcpdump: " + iface + ": No such device exists");
        if (!message.isBlank()) {
            lines.add("(" + message + ")");
        }
        String names = devices.stream().map(Device::name).collect(Collectors.joining(", "));
        if (!devices.isEmpty()) {
            lines.add("Available interfaces (tcpdump -D):");
            lines.addAll(Device.listing(devices));
        }
        String closest = Device.closest(iface, devices);
        return new OpenFailure(
                Kind.NO_SUCH_DEVICE,
                List.copyOf(lines),
                "interface " + iface + " does not exist on this machine"
                        + (closest != null ? " (did you mean " + closest + "?)" : "")
                        + (names.isEmpty() ? "" : "; use one of: " + names)
                        + ". Fix -i, or leave it out to use the default interface");
    }
}

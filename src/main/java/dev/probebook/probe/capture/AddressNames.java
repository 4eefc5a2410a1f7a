package dev.probebook.probe.capture;

import dev.probebook.command.HostSyntax;
import dev.probebook.command.Services;
import dev.probebook.net.AddressText;
import dev.probebook.net.HostsFile;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How tcpdump names addresses and ports. Without {@code -n} tcpdump asks the resolver for the name of
 * every address; Probebook only uses the configured hosts file, because a reverse DNS query would itself
 * send packets (and show up in the capture). Ports become service names ({@code 443 -> https}).
 * With {@code -n} (or {@code -nn}) everything stays numeric, as in tcpdump 4.99.
 */
final class AddressNames {

    private final boolean numeric;
    private final Map<InetAddress, String> names;

    private AddressNames(boolean numeric, Map<InetAddress, String> names) {
        this.numeric = numeric;
        this.names = names;
    }

    static AddressNames numeric() {
        return new AddressNames(true, Map.of());
    }

    /** Names from a hosts file: the first name of the first line that lists an address. */
    static AddressNames fromHostsFile(Path hostsFile) {
        Map<InetAddress, String> names = new HashMap<>();
        try {
            for (HostsFile.Entry e : HostsFile.read(hostsFile).entries()) {
                if (HostSyntax.isIpLiteral(e.address()) && !e.names().isEmpty()) {
                    names.putIfAbsent(
                            InetAddress.getByName(e.address()), e.names().get(0));
                }
            }
        } catch (IOException e) {
            // an unreadable hosts file leaves addresses numeric, as a failed lookup would
        }
        return new AddressNames(false, Map.copyOf(names));
    }

    static AddressNames of(boolean numeric, Path hostsFile) {
        return numeric ? numeric() : fromHostsFile(hostsFile);
    }

    String address(InetAddress a) {
        String name = numeric ? null : names.get(a);
        return name != null ? name : AddressText.of(a);
    }

    String tcpPort(int port) {
        String name = numeric ? null : Services.tcpName(port);
        return name != null ? name : String.valueOf(port);
    }

    String udpPort(int port) {
        String name = numeric ? null : Services.udpName(port);
        return name != null ? name : String.valueOf(port);
    }
}

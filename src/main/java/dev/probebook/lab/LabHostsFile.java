package dev.probebook.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The lab's hosts file, written into the lab directory (never /etc/hosts): the usual loopback lines and the one
 * override of the HOSTS_OVERRIDE scenario, which pins its name to an address where nothing listens. Probes read it
 * through {@code probebook.hosts-file}, so {@code getent hosts} and {@code cat /etc/hosts} show it and every
 * connection by that name goes where it says, as with the real file.
 */
final class LabHostsFile {

    private LabHostsFile() {}

    /** The file's text, with {@code overrideIp} as the pinned address of the overridden name. */
    static String text(String overrideIp) {
        return """
                # Probebook practice lab: the hosts file probes read in the lab (probebook.hosts-file).
                # It is not /etc/hosts; the lab rewrites it each time it starts.
                127.0.0.1	localhost
                ::1	localhost ip6-localhost ip6-loopback

                # HOSTS_OVERRIDE: DNS says 127.0.0.1, this line wins for programs on this machine,
                # and nothing listens at this address.
                %s	%s
                """.formatted(overrideIp, Scenario.HOSTS_OVERRIDE.host());
    }

    /** Writes the file whole (a temporary file renamed over it). */
    static void write(Path file, String overrideIp) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text(overrideIp), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

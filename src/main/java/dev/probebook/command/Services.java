package dev.probebook.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Port numbers and service names as in {@code /etc/services} ({@code 443 <-> https}), used to parse
 * {@code nc host https} and to print {@code [tcp/http-alt]} or {@code host.https} like the real tools.
 * Falls back to a built-in table when the file is missing.
 */
public final class Services {

    private static final Map<String, Integer> BY_NAME = new HashMap<>();
    private static final Map<String, String> TCP_BY_PORT = new HashMap<>();
    private static final Map<String, String> UDP_BY_PORT = new HashMap<>();

    static {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/etc/services"), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            lines = List.of();
        }
        if (lines.isEmpty()) {
            lines = List.of(
                    "ftp 21/tcp",
                    "ssh 22/tcp",
                    "telnet 23/tcp",
                    "smtp 25/tcp",
                    "domain 53/tcp",
                    "domain 53/udp",
                    "http 80/tcp",
                    "pop3 110/tcp",
                    "ntp 123/udp",
                    "imap2 143/tcp",
                    "https 443/tcp",
                    "https 443/udp",
                    "submission 587/tcp",
                    "imaps 993/tcp",
                    "mysql 3306/tcp",
                    "postgresql 5432/tcp",
                    "http-alt 8080/tcp",
                    "redis 6379/tcp");
        }
        for (String line : lines) {
            String body = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            String[] f = body.trim().split("\\s+");
            if (f.length < 2 || !f[1].contains("/")) {
                continue;
            }
            String[] portProto = f[1].split("/");
            try {
                int port = Integer.parseInt(portProto[0]);
                Map<String, String> byPort = portProto[1].equals("udp") ? UDP_BY_PORT : TCP_BY_PORT;
                byPort.putIfAbsent(String.valueOf(port), f[0]);
                for (int i = 0; i < f.length; i++) {
                    if (i != 1) {
                        BY_NAME.putIfAbsent(f[i].toLowerCase(Locale.ROOT), port);
                    }
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException ignored) {
                // malformed line in /etc/services: skip it
            }
        }
    }

    private Services() {}

    /** Port for a service name, or -1. */
    public static int port(String name) {
        return BY_NAME.getOrDefault(name.toLowerCase(Locale.ROOT), -1);
    }

    /** Service name for a TCP port, or null. */
    public static String tcpName(int port) {
        return TCP_BY_PORT.get(String.valueOf(port));
    }

    /** Service name for a UDP port, or null. */
    public static String udpName(int port) {
        return UDP_BY_PORT.get(String.valueOf(port));
    }
}

package dev.probebook.probe.sockets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/** uid to user name from a passwd file, for netstat's {@code -e} User column (numeric when unknown). */
final class UserNames implements IntFunction<String> {

    private final Map<Integer, String> names = new HashMap<>();

    UserNames(Path passwd) {
        try {
            for (String line : Files.readAllLines(passwd, StandardCharsets.UTF_8)) {
                String[] f = line.split(":");
                if (f.length > 2) {
                    try {
                        names.putIfAbsent(Integer.parseInt(f[2]), f[0]);
                    } catch (NumberFormatException ignored) {
                        // not a passwd entry
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no passwd file: every user shows as a number
        }
    }

    @Override
    public String apply(int uid) {
        return names.get(uid);
    }
}

package dev.probebook.probe.shell;

import java.util.List;

/** {@code yum install [-y] PKG...} (or dnf, apt, apt-get, apk add, zypper) for packages Probebook replaces. */
public record InstallCommand(String manager, List<String> packages) {
    public InstallCommand {
        packages = List.copyOf(packages);
    }
}

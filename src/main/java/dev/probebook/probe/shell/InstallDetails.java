package dev.probebook.probe.shell;

import dev.probebook.probe.ProbeDetails;
import java.util.List;

/** An install step that was not needed: the package manager and the packages whose tools are built in. */
public record InstallDetails(String manager, List<String> packages) implements ProbeDetails {
    public InstallDetails {
        packages = List.copyOf(packages);
    }
}

package dev.probebook.probe;

import dev.probebook.probe.hosts.HostsProbe;
import dev.probebook.probe.shell.InstallProbe;
import dev.probebook.probe.shell.NotRunProbe;
import dev.probebook.probe.tcp.TcpProbe;

import java.util.List;

/** The probes Probebook ships, in catalogue order (a probe listed earlier wins a shared command word). */
final class StandardProbes {

    private StandardProbes() {
    }

    static List<Probe<?>> all() {
        return List.of(
                new TcpProbe(),
                // hosts before install before none: hosts takes cat/vi/echo on /etc/hosts, install takes
                // "yum install tcping", none takes the rest of those words (it also declines their forms).
                new HostsProbe(),
                new InstallProbe(),
                new NotRunProbe());
    }
}

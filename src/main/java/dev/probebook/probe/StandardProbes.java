package dev.probebook.probe;

import dev.probebook.probe.interfaces.InterfacesProbe;
import dev.probebook.probe.sockets.SocketsProbe;
import dev.probebook.probe.tcp.TcpProbe;

import java.util.List;

/** The probes Probebook ships, in catalogue order (a probe listed earlier wins a shared command word). */
final class StandardProbes {

    private StandardProbes() {
    }

    static List<Probe<?>> all() {
        return List.of(
                new TcpProbe(),
                new SocketsProbe(),
                new InterfacesProbe());
    }
}

package dev.probebook.registry;

import dev.probebook.probe.Probe;
import dev.probebook.probe.capture.CaptureProbe;
import dev.probebook.probe.dns.DnsProbe;
import dev.probebook.probe.dns.ResolvConfProbe;
import dev.probebook.probe.hosts.HostsProbe;
import dev.probebook.probe.http.HttpProbe;
import dev.probebook.probe.http.OpensslProbe;
import dev.probebook.probe.http.PublicIpProbe;
import dev.probebook.probe.interfaces.InterfacesProbe;
import dev.probebook.probe.neighbours.NeighboursProbe;
import dev.probebook.probe.ping.PingProbe;
import dev.probebook.probe.routes.RoutesProbe;
import dev.probebook.probe.shell.InstallProbe;
import dev.probebook.probe.shell.NotRunProbe;
import dev.probebook.probe.sockets.LsofProbe;
import dev.probebook.probe.sockets.SocketsProbe;
import dev.probebook.probe.sockets.SummaryProbe;
import dev.probebook.probe.tcp.NmapProbe;
import dev.probebook.probe.tcp.TcpProbe;
import dev.probebook.probe.traceroute.TracerouteProbe;
import dev.probebook.probe.whois.WhoisProbe;
import java.util.List;

/** The probes Probebook ships, in catalogue order (a probe listed earlier wins a shared command word). */
final class StandardProbes {

    private StandardProbes() {}

    static List<Probe<?>> all() {
        return List.of(
                new TcpProbe(),
                new NmapProbe(),
                new DnsProbe(),
                new ResolvConfProbe(),
                // public-ip before http: it claims curl only for IP echo services
                new PublicIpProbe(),
                new HttpProbe(),
                new OpensslProbe(), // s_client only; other openssl commands stay not run
                new WhoisProbe(),
                new PingProbe(),
                new TracerouteProbe(),
                new CaptureProbe(),
                new RoutesProbe(), // before sockets and interfaces: it takes ip route, netstat -r
                new NeighboursProbe(),
                new SummaryProbe(), // ss -s, before the listings
                new SocketsProbe(),
                new LsofProbe(),
                new InterfacesProbe(),
                // hosts before install before none: hosts takes cat/vi/echo on /etc/hosts, install takes
                // "yum install tcping", none takes the rest of those words (it also declines their forms).
                new HostsProbe(),
                new InstallProbe(),
                new NotRunProbe());
    }
}

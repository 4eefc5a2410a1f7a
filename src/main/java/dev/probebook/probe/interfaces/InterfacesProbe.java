package dev.probebook.probe.interfaces;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Interface and address listings: {@code ifconfig [-a] [IFACE]}, {@code ip [-4|-6] [-br] addr|link [show [dev] IFACE]},
 * printed as net-tools ifconfig and iproute2 ip print them, with every address classified (private, public,
 * CGNAT, ...) in the verdict. Reads local state only, so no timeout applies.
 */
public final class InterfacesProbe implements Probe<InterfacesCommand> {

    private final Supplier<List<NetInterface>> reader;

    public InterfacesProbe() {
        this(() -> new InterfaceReader().read());
    }

    /** @param reader the interface snapshot to show (tests pass fixtures) */
    InterfacesProbe(Supplier<List<NetInterface>> reader) {
        this.reader = reader;
    }

    @Override
    public String name() {
        return "interfaces";
    }

    @Override
    public Set<String> commandWords() {
        return Set.of("ifconfig", "ip");
    }

    /** {@code ip} is taken only for its {@code addr} and {@code link} objects; {@code ip route} is another tool's. */
    @Override
    public boolean claims(String word, List<String> words) {
        return word.equals("ifconfig") || InterfacesParser.objectOf(words) != null;
    }

    @Override
    public InterfacesCommand parse(String word, Args args) throws UsageException {
        return word.equals("ifconfig") ? InterfacesParser.ifconfig(args) : InterfacesParser.ip(args);
    }

    @Override
    public ProbeResult run(InterfacesCommand cmd, ProbeContext ctx) {
        List<NetInterface> all = reader.get();
        if (cmd.iface() != null && all.stream().noneMatch(ni -> ni.name().equals(cmd.iface()))) {
            ctx.out(
                    cmd instanceof IfconfigCommand
                            ? cmd.iface() + ": error fetching interface information: Device not found"
                            : "Device \"" + cmd.iface() + "\" does not exist.");
            return InterfacesVerdict.missing(cmd.iface(), all);
        }
        Map<NetInterface, List<IfAddress>> shown = new LinkedHashMap<>();
        switch (cmd) {
            case IfconfigCommand c -> {
                for (NetInterface ni : IfconfigView.order(all)) {
                    if (c.iface() != null ? ni.name().equals(c.iface()) : c.all() || ni.up()) {
                        IfconfigView.block(ni).forEach(ctx::out);
                        List<IfAddress> v4 = ni.addresses().stream()
                                .filter(a -> !a.v6())
                                .limit(1)
                                .toList();
                        shown.put(
                                ni,
                                Stream.concat(
                                                v4.stream(),
                                                ni.addresses().stream().filter(IfAddress::v6))
                                        .toList());
                    }
                }
            }
            case IpCommand c -> {
                for (NetInterface ni : all) {
                    if ((c.iface() == null || ni.name().equals(c.iface()))
                            && (!c.upOnly() || ni.up())
                            && IpView.listed(c, ni)) {
                        IpView.block(c, ni).forEach(ctx::out);
                        shown.put(ni, c.object() == IpCommand.Object.LINK ? List.of() : IpView.addresses(c, ni));
                    }
                }
            }
        }
        if (cmd instanceof IpCommand c && c.object() == IpCommand.Object.LINK) {
            return InterfacesVerdict.links(List.copyOf(shown.keySet()), cmd.iface());
        }
        return InterfacesVerdict.judge(shown, cmd.iface());
    }
}

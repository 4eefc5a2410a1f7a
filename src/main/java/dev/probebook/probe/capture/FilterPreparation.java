package dev.probebook.probe.capture;

import dev.probebook.net.AddressText;
import dev.probebook.net.NameResolver;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * A command's filter made ready for libpcap, for a live capture and a saved one alike: host names resolved by
 * Probebook (hosts file, configured DNS; never by libpcap, which would ask the system resolver), then compiled
 * once on a dead handle (no privilege needed) so that a bad filter is an error before anything opens.
 */
final class FilterPreparation {

    /** The filter cannot be used; {@link #result()} says why, as the run's result. Its lines are printed already. */
    static final class Refused extends Exception {
        private final transient ProbeResult result;

        Refused(ProbeResult result) {
            super(result.summary());
            this.result = result;
        }

        ProbeResult result() {
            return result;
        }
    }

    private FilterPreparation() {}

    /** The expression to hand to libpcap (blank: no filter). */
    static String prepare(CaptureCommand cmd, ProbeContext ctx) throws Refused {
        String expression;
        try {
            expression = cmd.filter().expression(resolveHostNames(cmd, ctx));
        } catch (UnknownHostException e) {
            ctx.out("tcpdump: unknown host '" + e.getMessage() + "'");
            throw new Refused(ProbeResult.fail(
                    "cannot resolve " + e.getMessage() + " (in the capture filter): check the name (nslookup "
                            + e.getMessage() + "), add it to /etc/hosts, or write the IP address in the filter",
                    null));
        }
        String invalid = compileError(cmd, expression);
        if (invalid != null) {
            throw new Refused(badFilter(cmd, ctx, invalid));
        }
        return expression;
    }

    /** The result for a filter libpcap refused, its message printed as tcpdump prints it. */
    static ProbeResult badFilter(CaptureCommand cmd, ProbeContext ctx, String message) {
        ctx.out("tcpdump: " + message);
        return ProbeResult.error("the capture filter '" + cmd.filter().text() + "' is not valid pcap-filter syntax ("
                + message + "). Write it like: host 10.0.0.5 and tcp port 443");
    }

    private static Map<String, List<String>> resolveHostNames(CaptureCommand cmd, ProbeContext ctx)
            throws UnknownHostException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : cmd.filter().hostNames()) {
            List<String> addresses = new ArrayList<>();
            for (InetAddress a : NameResolver.of(ctx).resolve(name).addresses()) {
                addresses.add(AddressText.of(a));
            }
            if (addresses.isEmpty()) {
                throw new UnknownHostException(name);
            }
            out.put(name, addresses);
        }
        return out;
    }

    /** libpcap's own compiler on a dead handle: needs no privilege. Null when the filter compiles. */
    private static String compileError(CaptureCommand cmd, String expression) {
        if (expression.isBlank()) {
            return null;
        }
        try (PcapHandle dead = Pcaps.openDead(DataLinkType.EN10MB, cmd.snaplen())) {
            dead.compileFilter(expression, BpfProgram.BpfCompileMode.OPTIMIZE, PcapHandle.PCAP_NETMASK_UNKNOWN)
                    .free();
            return null;
        } catch (PcapNativeException e) {
            return e.getMessage();
        } catch (NotOpenException e) {
            return "cannot compile the filter: " + e.getMessage();
        }
    }
}

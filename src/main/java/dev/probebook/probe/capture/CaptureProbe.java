package dev.probebook.probe.capture;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.probe.CommandNeeds;
import dev.probebook.probe.Probe;
import dev.probebook.probe.ProbeContext;
import dev.probebook.probe.ProbeResult;
import dev.probebook.settings.SettingsSection;
import java.util.List;
import java.util.Set;

/**
 * Packet capture: {@code tcpdump [-i IFACE] [-c N] [-n] [-w FILE] [-v] ... FILTER}, through libpcap (pcap4j)
 * and {@code tcpdump -r FILE} of a capture Probebook saved,
 * with libpcap's own filter compiler. Prints packets as tcpdump does, then judges the TCP connections it saw
 * the way the runbook reads a dump: handshake completed, SYN dropped on the way, or refused.
 *
 * <p>Bounded whatever the command says: {@code probebook.capture.max-packets}, {@code max-duration} (and the
 * run's deadline), {@code max-bytes} for {@code -w}, whose file always goes under the data directory.
 * Capturing needs root or CAP_NET_RAW; libpcap must be installed ({@code libpcap0.8}).
 */
public final class CaptureProbe implements Probe<CaptureCommand> {

    @Override
    public String name() {
        return "capture";
    }

    @Override
    public Set<String> commandWords() {
        return Set.of("tcpdump");
    }

    @Override
    public List<SettingsSection<?>> settings() {
        return List.of(CaptureSettings.SECTION);
    }

    @Override
    public CaptureCommand parse(String commandWord, Args args) throws UsageException {
        return TcpdumpParser.parse(args);
    }

    /** Every tcpdump form needs the capture permission; a capture also holds its interface, one at a time. */
    @Override
    public CommandNeeds needs(CaptureCommand command) {
        if (command.listInterfaces() || command.reads()) {
            return new CommandNeeds(CommandNeeds.Permission.CAPTURE, null); // a saved capture's packets: as private
        }
        String on = command.iface() == null ? "the default interface" : command.iface();
        return new CommandNeeds(CommandNeeds.Permission.CAPTURE, "a capture on " + on);
    }

    @Override
    public ProbeResult run(CaptureCommand command, ProbeContext ctx) throws InterruptedException {
        try {
            return command.reads() ? new SavedCapture(command, ctx).run() : new LiveCapture(command, ctx).run();
        } catch (LinkageError e) {
            // UnsatisfiedLinkError on first use, NoClassDefFoundError afterwards: libpcap (or JNA) cannot load
            String why = e.getMessage() == null
                    ? e.toString()
                    : e.getMessage().lines().findFirst().orElse(e.toString());
            ctx.out("tcpdump: cannot load libpcap: " + why);
            return ProbeResult.error("libpcap cannot be loaded (" + e.getClass().getSimpleName()
                    + "): install libpcap (apt-get install libpcap0.8) and run again");
        }
    }
}

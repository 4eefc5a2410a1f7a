package dev.probebook.probe.traceroute;

import dev.probebook.net.AddressText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * mtr's report as mtr 0.95 prints it (compared on loopback and through a router in network namespaces): a
 * {@code Start:} line, the header, and one line per hop with its columns at mtr's fixed places. mtr writes each field
 * at its offset, so the {@code %} of a 100.0% loss is overwritten by the next column ({@code 100.0     3}); the host
 * column is 25 characters, or as wide as its longest entry with {@code -w}.
 */
final class MtrReport {

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT);
    private static final int NARROW = 33;

    private MtrReport() {}

    /** This machine's name as mtr's HOST: line shows it, read from the kernel (never looked up). */
    static String localHost() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            return name.isEmpty() ? "localhost" : name;
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }

    static String start(ZonedDateTime when) {
        return "Start: " + START.format(when);
    }

    static List<String> lines(MtrCommand cmd, String localHost, List<MtrHop> hops) {
        List<String> names = hops.stream().map(MtrReport::name).toList();
        int hostWidth =
                cmd.wide() ? names.stream().mapToInt(String::length).max().orElse(3) : NARROW;
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "HOST: %-" + (cmd.wide() ? hostWidth : hostWidth - 6) + "s", localHost)
                + " Loss%   Snt   Last   Avg  Best  Wrst StDev");
        for (int i = 0; i < hops.size(); i++) {
            MtrHop h = hops.get(i);
            StringBuilder line = new StringBuilder(String.format(
                    Locale.ROOT, "%3d.|-- %-" + (cmd.wide() ? hostWidth : hostWidth - 8) + "s", h.ttl, names.get(i)));
            field(line, String.format(Locale.ROOT, " %4.1f%%", h.lossPercent()), 6);
            field(line, String.format(Locale.ROOT, " %5d", h.sentCount()), 6);
            field(line, " ", 1);
            for (double v : new double[] {h.last(), h.average(), h.best(), h.worst(), h.deviation()}) {
                field(line, String.format(Locale.ROOT, " %5.1f", v), 6);
            }
            out.add(line.toString());
        }
        return out;
    }

    /** A field written at the line's end and cut to its width, as mtr's next field overwrites what runs over. */
    private static void field(StringBuilder line, String text, int width) {
        line.append(text.length() > width ? text.substring(0, width) : text);
    }

    private static String name(MtrHop h) {
        return h.address() == null ? "???" : AddressText.withScope(h.address());
    }
}

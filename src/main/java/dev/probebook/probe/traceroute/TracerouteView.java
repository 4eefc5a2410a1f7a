package dev.probebook.probe.traceroute;

import dev.probebook.net.AddressText;
import java.net.InetAddress;
import java.util.Locale;

/**
 * A hop's line as {@code traceroute -n} prints it: {@code " 1  10.0.0.1  0.512 ms  0.430 ms  0.401 ms"}; an
 * address again only when it changes within the line; {@code *} for a probe nobody answered; the unreachable mark
 * ({@code !H}) after the time.
 */
final class TracerouteView {

    private TracerouteView() {}

    static String line(Hop hop) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%2d ", hop.ttl()));
        InetAddress last = null;
        for (Hop.Answer a : hop.answers()) {
            if (a.from() == null) {
                sb.append(" *");
                continue;
            }
            if (!a.from().equals(last)) {
                sb.append(' ').append(AddressText.withScope(a.from()));
                last = a.from();
            }
            sb.append(String.format(Locale.ROOT, "  %.3f ms", a.millis()));
            if (a.annotation() != null) {
                sb.append(' ').append(a.annotation());
            }
        }
        return sb.toString();
    }
}

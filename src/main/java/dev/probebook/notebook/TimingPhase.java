package dev.probebook.notebook;

import dev.probebook.probe.http.HttpDetails;
import java.util.ArrayList;
import java.util.List;

/**
 * One segment of an HTTP run's timing bar: DNS, connect, TLS, waiting for the first byte, transfer. A run that
 * ended inside a phase (a connect that timed out, a server that never answered) shows that phase as unfinished,
 * reaching the end of the run, and nothing after it: 30 s of waiting for a SYN-ACK is "connect (no answer)",
 * never "transfer".
 */
record TimingPhase(int index, String key, double ms, boolean unfinished) {

    static List<TimingPhase> of(HttpDetails.Timings tm, boolean https) {
        List<TimingPhase> out = new ArrayList<>();
        double total = tm.total();
        double dns = Math.max(0, tm.namelookup());
        if (dns > 0) {
            out.add(new TimingPhase(0, "dns", dns, false));
        }
        if (tm.connect() <= 0) {
            out.add(new TimingPhase(1, "connect", total - dns, true));
            return out;
        }
        out.add(new TimingPhase(1, "connect", tm.connect() - dns, false));
        double ready = tm.connect();
        if (https) {
            if (tm.appconnect() <= 0) {
                out.add(new TimingPhase(2, "tls", total - ready, true));
                return out;
            }
            out.add(new TimingPhase(2, "tls", tm.appconnect() - ready, false));
            ready = tm.appconnect();
        }
        if (tm.starttransfer() <= 0) {
            out.add(new TimingPhase(3, "first-byte", total - ready, true));
            return out;
        }
        out.add(new TimingPhase(3, "first-byte", tm.starttransfer() - ready, false));
        out.add(new TimingPhase(4, "transfer", total - tm.starttransfer(), false));
        return out;
    }
}

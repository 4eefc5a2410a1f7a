package dev.probebook.probe.traceroute;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One hop's probes over an mtr run: the address that answered first, how many were sent, and the round trip of each
 * (null where none came back), as mtr counts them for Loss%, Snt, Last, Avg, Best, Wrst and StDev. Not thread-safe:
 * filled by the run's one thread.
 */
final class MtrHop {

    final int ttl;
    private InetAddress address;
    private String annotation;
    private boolean reached;
    private final List<Double> millis = new ArrayList<>();

    MtrHop(int ttl) {
        this.ttl = ttl;
    }

    /** A probe went out; returns its index among this hop's probes. */
    int sent() {
        millis.add(null);
        return millis.size() - 1;
    }

    void answered(int probe, Hop.Answer answer) {
        millis.set(probe, answer.millis());
        if (address == null) {
            address = answer.from();
        }
        if (answer.kind() == Hop.Kind.REACHED) {
            reached = true;
        } else if (answer.kind() == Hop.Kind.UNREACHABLE && annotation == null) {
            annotation = answer.annotation();
        }
    }

    InetAddress address() {
        return address;
    }

    boolean reached() {
        return reached;
    }

    String annotation() {
        return annotation;
    }

    List<Double> millis() {
        return Collections.unmodifiableList(millis);
    }

    int sentCount() {
        return millis.size();
    }

    List<Double> received() {
        return millis.stream().filter(m -> m != null).toList();
    }

    double lossPercent() {
        return millis.isEmpty() ? 0 : 100.0 * (millis.size() - received().size()) / millis.size();
    }

    /** The last answered probe's round trip, 0 when none was. */
    double last() {
        for (int i = millis.size() - 1; i >= 0; i--) {
            if (millis.get(i) != null) {
                return millis.get(i);
            }
        }
        return 0;
    }

    double average() {
        return received().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    double best() {
        return received().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    double worst() {
        return received().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** The sample standard deviation of the round trips, as mtr computes it (0 for fewer than two). */
    double deviation() {
        List<Double> r = received();
        if (r.size() < 2) {
            return 0;
        }
        double mean = average();
        double sum = r.stream().mapToDouble(m -> (m - mean) * (m - mean)).sum();
        return Math.sqrt(sum / (r.size() - 1));
    }
}

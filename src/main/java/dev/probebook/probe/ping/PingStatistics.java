package dev.probebook.probe.ping;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counters and round-trip times of one ping run, and iputils' way of printing them. Times are kept in
 * microseconds like iputils, so printed values match its rounding. Not thread-safe: the session owns it.
 */
final class PingStatistics {

    private int transmitted;
    private int received;
    private int duplicates;
    private int errors;
    private long minMicros = Long.MAX_VALUE;
    private long maxMicros;
    private long sumMicros;
    private double sumSquares;
    private int timed;

    void sent() {
        transmitted++;
    }

    /** A reply; duplicates count separately but take part in the times, as in iputils. */
    void reply(long micros, boolean duplicate) {
        if (duplicate) {
            duplicates++;
        } else {
            received++;
        }
        timed++;
        minMicros = Math.min(minMicros, micros);
        maxMicros = Math.max(maxMicros, micros);
        sumMicros += micros;
        sumSquares += (double) micros * micros;
    }

    void error() {
        errors++;
    }

    int transmitted() {
        return transmitted;
    }

    int received() {
        return received;
    }

    int duplicates() {
        return duplicates;
    }

    int errors() {
        return errors;
    }

    long maxMicros() {
        return maxMicros;
    }

    /** Packet loss in percent (0 when nothing was sent). */
    double lossPercent() {
        return transmitted == 0 ? 0 : (transmitted - received) * 100.0 / transmitted;
    }

    boolean hasTimes() {
        return timed > 0;
    }

    double minMillis() {
        return timed == 0 ? 0 : minMicros / 1000.0;
    }

    double maxMillis() {
        return maxMicros / 1000.0;
    }

    double avgMillis() {
        return timed == 0 ? 0 : (double) sumMicros / timed / 1000.0;
    }

    /** Mean deviation as iputils computes it: sqrt(mean of squares - square of mean). */
    double mdevMillis() {
        if (timed == 0) {
            return 0;
        }
        double mean = (double) sumMicros / timed;
        double variance = sumSquares / timed - mean * mean;
        return Math.sqrt(Math.max(0, variance)) / 1000.0;
    }

    /** The statistics block that ends every ping, after an empty line. */
    List<String> lines(String target, long elapsedMillis) {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("--- " + target + " ping statistics ---");
        StringBuilder counts = new StringBuilder();
        counts.append(transmitted)
                .append(" packets transmitted, ")
                .append(received)
                .append(" received");
        if (duplicates > 0) {
            counts.append(", +").append(duplicates).append(" duplicates");
        }
        if (errors > 0) {
            counts.append(", +").append(errors).append(" errors");
        }
        if (transmitted > 0) {
            counts.append(", ").append(percent((float) lossPercent())).append("% packet loss");
            counts.append(", time ").append(elapsedMillis).append("ms");
        }
        out.add(counts.toString());
        if (received > 0 || duplicates > 0) {
            out.add(String.format(
                    Locale.ROOT,
                    "rtt min/avg/max/mdev = %.3f/%.3f/%.3f/%.3f ms",
                    minMillis(),
                    avgMillis(),
                    maxMillis(),
                    mdevMillis()));
        }
        return out;
    }

    /** C's {@code %g} for the loss figure: six significant digits, no trailing zeros (33.3333, 25, 100). */
    static String percent(float value) {
        BigDecimal d =
                new BigDecimal(Float.toString(value)).round(new MathContext(6)).stripTrailingZeros();
        return d.toPlainString();
    }

    /** A reply's time as iputils prints it: 3 decimals below 1 ms, 2 below 10, 1 below 100, none above. */
    static String replyTime(long micros) {
        if (micros >= 100_000 - 50) {
            return Long.toString((micros + 500) / 1000);
        }
        if (micros >= 10_000 - 5) {
            long tenths = (micros + 50) / 100;
            return tenths / 10 + "." + tenths % 10;
        }
        if (micros >= 1000) {
            long hundredths = (micros + 5) / 10;
            return hundredths / 100 + "." + String.format(Locale.ROOT, "%02d", hundredths % 100);
        }
        return micros / 1000 + "." + String.format(Locale.ROOT, "%03d", micros % 1000);
    }
}

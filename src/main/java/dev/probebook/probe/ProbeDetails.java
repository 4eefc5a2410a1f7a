package dev.probebook.probe;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Structured result of one probe run (timings, certificate, DNS answers, packets, sockets, ...).
 * Each probe package defines its own record implementing this; the CLI serialises it to JSON as
 * {@code details} and the web notebook renders it with a view per record type.
 */
public interface ProbeDetails {

    /**
     * What this result says, fact by fact, for comparing one run with another by meaning rather than by text:
     * a name people read ({@code "answer A"}, {@code "port 443 on 10.0.0.5"}, {@code "HTTP status"}) to its value.
     * A value that is a plain number ({@code "123.4"}) is compared as one (a timing delta, days left). In order.
     */
    default Map<String, String> facts() {
        return Map.of();
    }

    /** A number as a fact value: no trailing zeros, at most three decimals. */
    static String number(double value) {
        return BigDecimal.valueOf(Math.round(value * 1000) / 1000.0)
                .stripTrailingZeros()
                .toPlainString();
    }
}

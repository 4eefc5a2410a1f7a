package dev.probebook.probe.traceroute;

import dev.probebook.net.IpFamily;
import java.time.Duration;

/**
 * {@code mtr -r [-w] [-n] [-4|-6] [-c COUNT] [-i SECONDS] [-m MAX_TTL] HOST}: rounds of probes to every hop, reported
 * as mtr's report prints them.
 *
 * @param cycles   rounds of probes ({@code -c}, {@code --report-cycles}; 10)
 * @param interval the time between rounds ({@code -i}; 1 s)
 * @param maxTtl   the last hop probed ({@code -m}; 30)
 * @param wide     {@code -w}, {@code --report-wide}: the host column as wide as its longest entry
 */
public record MtrCommand(String host, IpFamily ipVersion, int cycles, Duration interval, int maxTtl, boolean wide)
        implements PathCommand {

    @Override
    public String tool() {
        return "mtr";
    }
}

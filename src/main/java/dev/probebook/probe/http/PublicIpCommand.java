package dev.probebook.probe.http;

import dev.probebook.net.IpFamily;
import java.time.Duration;

/**
 * {@code curl ifconfig.me} and friends: the echo service URL as written, and the harmless flags that
 * may come with it. {@code maxTime} is {@code -m}, null when not given.
 */
public record PublicIpCommand(String url, boolean silent, boolean showError, IpFamily ipVersion, Duration maxTime) {

    public boolean showsErrors() {
        return !silent || showError;
    }
}

package dev.probebook.probe.tcp;

import dev.probebook.net.ConnectAttempt;
import dev.probebook.probe.ProbeDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Structured result of a TCP check: every attempt with its outcome and time, and any banner read. */
public record TcpDetails(String host, List<ConnectAttempt> attempts, List<String> banner) implements ProbeDetails {

    public TcpDetails {
        attempts = List.copyOf(attempts);
        banner = List.copyOf(banner);
    }

    /** Each address and port with its last outcome, and the connect time of the last attempt. */
    @Override
    public Map<String, String> facts() {
        Map<String, String> f = new LinkedHashMap<>();
        for (ConnectAttempt a : attempts) {
            f.put("port " + a.port() + " on " + a.address(), a.outcome());
        }
        if (!attempts.isEmpty()) {
            f.put(
                    "connect ms",
                    ProbeDetails.number(attempts.get(attempts.size() - 1).millis()));
        }
        return f;
    }
}

package dev.probebook.probe.traceroute;

import java.net.InetAddress;
import java.util.List;

/**
 * One TTL's probes and what answered each: a router's time-exceeded error, the host's echo reply, an unreachable
 * error (with traceroute's annotation, {@code !H}), or nothing.
 */
record Hop(int ttl, List<Answer> answers) {

    Hop {
        answers = List.copyOf(answers);
    }

    /** One probe's answer; {@code from} null when none came within the wait. */
    record Answer(InetAddress from, double millis, Kind kind, String annotation) {
        static Answer none() {
            return new Answer(null, 0, Kind.NONE, null);
        }
    }

    enum Kind {
        NONE,
        /** A router on the way: the TTL ran out there. */
        ROUTER,
        /** The destination answered the echo. */
        REACHED,
        /** Unreachable or prohibited: the path ends here. */
        UNREACHABLE
    }

    boolean reached() {
        return answers.stream().anyMatch(a -> a.kind() == Kind.REACHED);
    }

    boolean unreachable() {
        return answers.stream().anyMatch(a -> a.kind() == Kind.UNREACHABLE);
    }

    boolean silent() {
        return answers.stream().allMatch(a -> a.kind() == Kind.NONE);
    }

    /** The first address that answered, or null. */
    InetAddress address() {
        return answers.stream()
                .map(Answer::from)
                .filter(a -> a != null)
                .findFirst()
                .orElse(null);
    }

    /** The annotation of an unreachable answer ({@code !H}), or null. */
    String annotation() {
        return answers.stream()
                .map(Answer::annotation)
                .filter(a -> a != null)
                .findFirst()
                .orElse(null);
    }
}

package dev.probebook.probe.hosts;

import java.util.List;

/** The forms of the hosts probe. All of them read the configured hosts file; none of them writes it. */
public sealed interface HostsCommand {

    /**
     * {@code cat [-n] /etc/hosts}, {@code less}/{@code more /etc/hosts}, {@code head|tail [-n N] /etc/hosts}.
     * {@code head}/{@code tail} are the number of first/last lines to print, 0 for all.
     */
    record Show(String tool, int head, int tail, boolean numbered) implements HostsCommand {}

    /** {@code vi|vim|nano /etc/hosts}: a read-only view; no editor is opened. */
    record Edit(String editor) implements HostsCommand {}

    /** {@code getent hosts|ahosts|ahostsv4|ahostsv6 [KEY...]}; no key lists the hosts file. */
    record Getent(String database, List<String> keys) implements HostsCommand {
        public Getent {
            keys = List.copyOf(keys);
        }
    }

    /**
     * A mapping someone wants in the hosts file: a bare hosts line written as a step ({@link Form#LINE},
     * what the runbook tells the operator to type in the editor) or {@code echo "..." >> /etc/hosts}
     * ({@link Form#APPEND}). Only previewed against the current file.
     */
    record Add(String address, List<String> names, Form form) implements HostsCommand {
        public enum Form {
            LINE,
            APPEND
        }

        public Add {
            names = List.copyOf(names);
        }

        public String line() {
            return address + " " + String.join(" ", names);
        }
    }
}

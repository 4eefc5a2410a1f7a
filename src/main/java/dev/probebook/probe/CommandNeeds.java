package dev.probebook.probe;

/**
 * What running a parsed command needs, declared by its probe so that the access rules can decide without knowing
 * any probe: the permission it counts as, and an exclusive resource that only one run may hold at a time (null
 * when none). The resource is named as a person reads it ("a capture on lo"): it is both the key and the words of
 * the refusal.
 */
public record CommandNeeds(Permission permission, String exclusive) {

    /** The permissions a command can need; each maps to a role setting ({@code probebook.roles.*}). */
    public enum Permission {
        /** an ordinary probe run */
        RUN,
        /** reading packets off an interface */
        CAPTURE,
        /** changing the machine's hosts file */
        HOSTS_WRITE,
        /** sending at flood rates or in oversized packets ({@code ping -i 0.01}, {@code ping -s 65000}) */
        FLOOD
    }

    /** An ordinary run that holds nothing exclusively. */
    public static final CommandNeeds RUN = new CommandNeeds(Permission.RUN, null);
}

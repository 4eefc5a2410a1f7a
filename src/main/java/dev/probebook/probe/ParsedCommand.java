package dev.probebook.probe;

/**
 * A command line parsed by the probe that will run it. Keeps the probe and its command record
 * together so that running is type-safe without casts at the call site.
 */
public record ParsedCommand<C>(Probe<C> probe, String commandWord, C command) {

    public String probeName() {
        return probe.name();
    }

    /** What running it needs, as its probe declares. */
    public CommandNeeds needs() {
        return probe.needs(command);
    }

    public ProbeResult run(ProbeContext ctx) throws InterruptedException {
        return probe.run(command, ctx);
    }
}

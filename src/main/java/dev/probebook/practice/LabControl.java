package dev.probebook.practice;

import dev.probebook.lab.PracticeLab;
import dev.probebook.step.Admission;
import dev.probebook.step.RunRefusal;
import dev.probebook.step.RunRefusedException;
import dev.probebook.step.StepRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The practice lab as the web app holds it: at most one at a time, started and stopped by an admin, with its own step
 * runner whose probes resolve through the lab's DNS server and hosts file, trust the lab's CA and may reach loopback
 * only. Runs through it are audited and recorded like any other (the runner has the app's observers).
 *
 * <p>Thread-safe. A page that started in the lab asks for the runner at each run ({@link #current}), so a lab stopped
 * mid-drill refuses the next run with "lab not running" ({@link #refusing}, {@link #admission}) instead of probing
 * something else.
 */
public final class LabControl implements AutoCloseable {

    /** The refusal when a lab run is asked for while no lab runs. */
    public static final String NOT_RUNNING = "lab not running: an admin starts it on the Lab page (or ./probebook lab)";

    private final Path dir;
    private final Function<Map<String, String>, StepRunner> runners;
    private Running running;

    /** A lab and the runner bound to it. */
    public record Running(PracticeLab lab, StepRunner steps) {}

    /**
     * @param dir     where the lab writes its hosts file and CA certificate
     * @param runners builds a step runner (with its own engine, closed on stop) from the lab's {@code probebook.*}
     *                properties laid over the app's
     */
    public LabControl(Path dir, Function<Map<String, String>, StepRunner> runners) {
        this.dir = dir;
        this.runners = runners;
    }

    /** Starts the lab, or returns the one running. */
    public synchronized Running start() throws IOException {
        if (running != null && running.lab().running()) {
            return running;
        }
        PracticeLab lab = PracticeLab.start(dir, true); // free ports: a port must not name the fault
        try {
            running = new Running(lab, runners.apply(lab.properties()));
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
        return running;
    }

    /** Stops the lab and its runner; runs in flight end as stopped. */
    public synchronized void stop() {
        if (running != null) {
            running.steps().engine().close();
            running.lab().close();
            running = null;
        }
    }

    public synchronized Optional<Running> current() {
        return running != null && running.lab().running() ? Optional.of(running) : Optional.empty();
    }

    /** Refuses every run: no lab runs. */
    public static Admission refusing() {
        return invocations -> {
            throw new RunRefusedException(RunRefusal.Kind.UNAVAILABLE, NOT_RUNNING, 0);
        };
    }

    /** Admits as {@code base} does while {@code running} still runs; refuses once it stopped. */
    public static Admission admission(Running running, Admission base) {
        return invocations -> {
            if (!running.lab().running()) {
                throw new RunRefusedException(RunRefusal.Kind.UNAVAILABLE, NOT_RUNNING, 0);
            }
            return base.admit(invocations);
        };
    }

    @Override
    public void close() {
        stop();
    }
}

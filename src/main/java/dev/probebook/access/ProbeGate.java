package dev.probebook.access;

import dev.probebook.audit.AuditAction;
import dev.probebook.audit.AuditEvent;
import dev.probebook.audit.AuditException;
import dev.probebook.audit.AuditLog;
import dev.probebook.engine.Invocation;
import dev.probebook.engine.ProbeRunner;
import dev.probebook.engine.RunListener;
import dev.probebook.engine.RunResult;
import dev.probebook.net.AddressText;
import dev.probebook.probe.capture.CaptureCommand;
import java.net.InetAddress;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one door through which the web app runs probes (pages, Run all, the HTTP API): it checks the
 * actor's role for the probe, the per-user limits and that the audit trail can be written, then starts
 * the run on the engine and appends one audit record when it ends (who, where, the command as run after
 * variable substitution, the resolved targets, verdict, duration). A refused run ends at once with verdict
 * {@code error} and the reason, and is audited as such.
 *
 * <p>Fail closed: when an audit record cannot be written, the run that produced it has already happened,
 * so the gate refuses every further run until the log can be written again.
 *
 * <p>Threading: {@link #start} is called on request threads and never blocks on a probe; the audit
 * append at the end of a run happens on the probe's thread before the caller's listener hears the finish.
 */
public final class ProbeGate {

    private static final int MAX_TARGETS = 8;

    private final ProbeRunner runner;
    private final AccessRules rules;
    private final UserLimiter limiter;
    private final AuditLog audit;
    private final Clock clock;
    private volatile String auditProblem;

    public ProbeGate(ProbeRunner runner, AccessRules rules, UserLimiter limiter, AuditLog audit, Clock clock) {
        this.runner = runner;
        this.rules = rules;
        this.limiter = limiter;
        this.audit = audit;
        this.clock = clock;
    }

    public AccessRules rules() {
        return rules;
    }

    /** A starter that runs as {@code actor} from {@code place}: what the UI hands its widgets. */
    public dev.probebook.engine.RunStarter starter(Actor actor, RunPlace place) {
        return (invocation, listener) -> start(actor, place, invocation, listener);
    }

    /** What {@link #admit} did: started the run, or refused it (the handle is then already finished). */
    public sealed interface Admission {
        ProbeRunner.RunHandle handle();
    }

    public record Admitted(ProbeRunner.RunHandle handle) implements Admission {}

    public record Refused(ProbeRunner.RunHandle handle, AccessDeniedException why) implements Admission {
        public String reason() {
            return why.getMessage();
        }
    }

    /** Starts the run if the actor may; otherwise returns a finished, refused run. */
    public ProbeRunner.RunHandle start(Actor actor, RunPlace place, Invocation invocation, RunListener listener) {
        return admit(actor, place, invocation, listener).handle();
    }

    /** As {@link #start}, telling a refusal apart (the HTTP API answers it with 403). */
    public Admission admit(Actor actor, RunPlace place, Invocation invocation, RunListener listener) {
        String probe = invocation.command().probeName();
        Action action = AccessRules.actionFor(probe);
        UserLimiter.Permit permit;
        try {
            rules.check(actor, action);
            String problem = auditProblem;
            if (problem != null) {
                throw auditRefusal(problem);
            }
            permit = limiter.acquire(actor.name(), captureInterface(invocation));
            try {
                // on disk before the first packet: a run whose end is never recorded (the JVM died) still shows
                recordOrThrow(new AuditEvent(
                        clock.instant(),
                        actor.name(),
                        AuditAction.RUN_START,
                        place.runbook(),
                        place.step(),
                        invocation.text(),
                        null,
                        null,
                        null,
                        place.via()));
            } catch (AuditException e) {
                permit.close();
                throw auditRefusal(e.getMessage());
            }
        } catch (AccessDeniedException e) {
            record(new AuditEvent(
                    clock.instant(),
                    actor.name(),
                    AuditAction.RUN_DENIED,
                    place.runbook(),
                    place.step(),
                    invocation.text(),
                    null,
                    "error",
                    0L,
                    withVia(place, e.getMessage())));
            return new Refused(runner.refused(invocation, e.getMessage(), listener), e);
        }
        Set<String> targets = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
        java.util.concurrent.atomic.AtomicInteger moreTargets = new java.util.concurrent.atomic.AtomicInteger();
        return new Admitted(runner.start(invocation, new RunListener() {
            @Override
            public void line(String line) {
                listener.line(line);
            }

            @Override
            public void target(String host, InetAddress address, int port, boolean allowed) {
                if (targets.size() >= MAX_TARGETS) {
                    moreTargets.incrementAndGet();
                } else {
                    boolean literal = host == null
                            || host.equals(address.getHostAddress())
                            || host.equals(AddressText.of(address));
                    targets.add(
                            (literal ? "" : host + " -> ") + endpoint(address, port) + (allowed ? "" : " (denied)"));
                }
                listener.target(host, address, port, allowed);
            }

            @Override
            public void finished(RunResult result) {
                permit.close();
                String target;
                synchronized (targets) {
                    target = targets.isEmpty()
                            ? null
                            : String.join(", ", targets)
                                    + (moreTargets.get() > 0 ? " (+" + moreTargets.get() + " more)" : "");
                }
                record(new AuditEvent(
                        clock.instant(),
                        actor.name(),
                        AuditAction.RUN,
                        place.runbook(),
                        place.step(),
                        invocation.text(),
                        target,
                        result.verdict().label(),
                        result.elapsedMs(),
                        withVia(place, result.summary())));
                listener.finished(result);
            }
        }));
    }

    /** Appends, remembering a failure so that later runs are refused (and a success clears it). */
    public void record(AuditEvent event) {
        try {
            recordOrThrow(event);
        } catch (AuditException e) {
            System.err.println("probebook: AUDIT LOG NOT WRITTEN: " + e.getMessage() + " -- event: " + event);
        }
    }

    /** Appends or throws: for changes (hosts file, runbooks) that must not happen unaudited. */
    public void recordOrThrow(AuditEvent event) throws AuditException {
        try {
            audit.append(event);
        } catch (AuditException e) {
            auditProblem = e.getMessage();
            throw e;
        }
        auditProblem = null;
    }

    private static AccessDeniedException auditRefusal(String problem) {
        return new AccessDeniedException(
                "runs are refused until the audit log can be written again: " + problem,
                AccessDeniedException.Kind.AUDIT,
                0);
    }

    private static String withVia(RunPlace place, String text) {
        return place.via() == null ? text : "(" + place.via() + ") " + text;
    }

    private static String endpoint(InetAddress address, int port) {
        return port <= 0 ? AddressText.of(address) : AddressText.withPort(address, port);
    }

    /** The interface a capture takes ("" for the default one), or null when this run captures nothing. */
    private static String captureInterface(Invocation invocation) {
        if (invocation.command().command() instanceof CaptureCommand c && !c.listInterfaces()) {
            return c.iface() == null ? "" : c.iface();
        }
        return null;
    }
}

package dev.probebook.access;

import dev.probebook.engine.Invocation;
import dev.probebook.probe.CommandNeeds;
import dev.probebook.step.Admission;
import dev.probebook.step.RunRefusal;
import dev.probebook.step.RunRefusedException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may run what in the web app and the HTTP API: the {@link Admission} every web run goes through. From what
 * each command declares it needs ({@link CommandNeeds}) it checks the actor's role for that permission, then takes
 * a slot of the per-user limits and the exclusive resources; it refuses at once, with a reason a person can act on,
 * and never waits. It knows no probe: the commands describe themselves.
 *
 * <p>The audit trail is not kept here: it is a {@link dev.probebook.step.RunObserver} of the step runner, which
 * hears every run, refused ones included.
 */
public final class ProbeGate {

    private final AccessRules rules;
    private final UserLimiter limiter;

    public ProbeGate(AccessRules rules, UserLimiter limiter) {
        this.rules = rules;
        this.limiter = limiter;
    }

    public AccessRules rules() {
        return rules;
    }

    /** The admission of runs started by {@code actor}: what the UI and the API hand the step runner. */
    public Admission admission(Actor actor) {
        return invocations -> admit(actor, invocations);
    }

    private Admission.Permit admit(Actor actor, List<Invocation> invocations) throws RunRefusedException {
        Set<String> exclusive = new LinkedHashSet<>();
        try {
            for (Invocation invocation : invocations) {
                CommandNeeds needs = invocation.command().needs();
                rules.check(actor, AccessRules.actionFor(needs.permission()));
                if (needs.exclusive() != null) {
                    exclusive.add(needs.exclusive());
                }
            }
            UserLimiter.Permit permit = limiter.acquire(actor.name(), new ArrayList<>(exclusive));
            return permit::close;
        } catch (AccessDeniedException e) {
            throw new RunRefusedException(kind(e), e.getMessage(), e.retryAfterSeconds());
        }
    }

    private static RunRefusal.Kind kind(AccessDeniedException e) {
        return switch (e.kind()) {
            case ROLE -> RunRefusal.Kind.ROLE;
            case LIMIT -> RunRefusal.Kind.LIMIT;
        };
    }
}

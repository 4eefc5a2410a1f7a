package dev.probebook.step;

/** Thrown by an {@link Admission} or a {@link RunObserver} to refuse a run before it starts. */
public final class RunRefusedException extends Exception {

    private final RunRefusal refusal;

    public RunRefusedException(RunRefusal.Kind kind, String reason, long retryAfterSeconds) {
        super(reason);
        this.refusal = new RunRefusal(kind, reason, retryAfterSeconds);
    }

    public RunRefusedException(RunRefusal.Kind kind, String reason) {
        this(kind, reason, 0);
    }

    public RunRefusal refusal() {
        return refusal;
    }
}

package dev.probebook.policy;

/** A target refused by the target policy; the message names the rule that refused it. */
public class PolicyDeniedException extends Exception {
    public PolicyDeniedException(String message) {
        super(message);
    }
}

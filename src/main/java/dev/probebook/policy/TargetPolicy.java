package dev.probebook.policy;

import dev.probebook.settings.Settings;
import java.net.InetAddress;
import java.util.List;

/**
 * Who may be contacted: deny rules win, then, if any allow rule exists, the target must match one.
 * Probes call {@link #check} with the address they are about to connect to, after resolution and for
 * every redirect, so a name that resolves to a denied address is refused too.
 */
public final class TargetPolicy {

    private final List<TargetRule> allow;
    private final List<TargetRule> deny;

    public TargetPolicy(List<String> allow, List<String> deny) {
        this.allow = allow.stream().map(TargetRule::parse).toList();
        this.deny = deny.stream().map(TargetRule::parse).toList();
    }

    public static TargetPolicy from(Settings.PolicySettings settings) {
        return new TargetPolicy(settings.allow(), settings.deny());
    }

    /** A policy that allows everything (tests of probes that do not exercise the policy). */
    public static TargetPolicy allowAll() {
        return new TargetPolicy(List.of(), List.of());
    }

    /** Checks a host name before resolution (host patterns only); {@code port} 0 means any. */
    public void checkHost(String host, int port) throws PolicyDeniedException {
        for (TargetRule rule : deny) {
            if (rule.matchesHost(host, port)
                    && rule.network() == null
                    && !rule.hostPattern().pattern().equals(".*")) {
                throw new PolicyDeniedException("target " + host + " denied by rule 'deny " + rule.text() + "'");
            }
        }
    }

    /** Checks a resolved address; {@code host} is the name it came from (may be null). */
    public void check(String host, InetAddress address, int port) throws PolicyDeniedException {
        String shown = address.getHostAddress() + (port > 0 ? " port " + port : "");
        for (TargetRule rule : deny) {
            for (InetAddress same : AddressAliases.of(address)) {
                if (rule.matchesAddress(same, port)) {
                    String via = same.equals(address) ? "" : " (the same host as " + same.getHostAddress() + ")";
                    throw new PolicyDeniedException(
                            "target " + shown + via + " denied by rule 'deny " + rule.text() + "'");
                }
            }
            if (rule.matchesHost(host, port)) {
                throw new PolicyDeniedException("target " + shown + " denied by rule 'deny " + rule.text() + "'");
            }
        }
        if (!allow.isEmpty()) {
            for (TargetRule rule : allow) {
                if (rule.matchesAddress(address, port) || rule.matchesHost(host, port)) {
                    return;
                }
            }
            throw new PolicyDeniedException("target " + shown + " is not in the allow list (probebook.policy.allow)");
        }
    }
}

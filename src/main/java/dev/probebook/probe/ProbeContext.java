package dev.probebook.probe;

import dev.probebook.command.UsageException;
import dev.probebook.policy.PolicyDeniedException;
import dev.probebook.settings.Settings;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything one probe run may use, handed to it by the engine.
 *
 * <p>Threading: a probe's {@code run} is called on a worker thread owned by the engine and may block.
 * {@link #out(String)} may be called from that thread or from threads the probe starts; it never blocks
 * for long. Cancellation ({@link #cancelled()}) can flip at any time from another thread.
 *
 * <p>Timeouts: the engine owns the hard deadline ({@link #deadline()}) and cancels the run when it
 * passes. A probe owns its tool-level timeouts ({@code -W}, {@code --connect-timeout}, {@code -w}) and
 * must clamp them to {@link #remaining()}. Blocking I/O that does not react to interrupts must be
 * registered with {@link #closeOnCancel(AutoCloseable)} so that a stop unblocks it.
 */
public interface ProbeContext {

    /** Emits one line of terminal output, as the real tool would print it (no trailing newline). */
    void out(String line);

    /** The engine settings (timeouts, hosts file, DNS servers, ...). */
    Settings settings();

    /** True once the user stopped the run or its deadline passed. */
    boolean cancelled();

    /** When the engine will cancel this run. */
    Instant deadline();

    /** Time left until {@link #deadline()}, never negative. */
    default Duration remaining() {
        Duration left = Duration.between(Instant.now(), deadline());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Clamps a tool-level timeout to the time left in this run. */
    default Duration clamp(Duration wanted) {
        Duration left = remaining();
        return wanted.compareTo(left) < 0 ? wanted : left;
    }

    /** Registers a resource that the engine closes when the run is cancelled (to unblock I/O). */
    void closeOnCancel(AutoCloseable resource);

    /**
     * Checks a resolved target against the target policy. Call it with the address actually about to
     * be contacted (after DNS, per redirect), so rebinding and redirects are covered. {@code host} is the
     * name the address came from (null for literals); {@code port} 0 means no port (ICMP, DNS name).
     */
    void checkTarget(String host, InetAddress address, int port) throws PolicyDeniedException;

    /**
     * Runs another built-in command as part of this run, for a tool that hands one of its forms over to another
     * ({@code ping HOST -p PORT} checks the port as {@code tcping} would). The command shares this run's output,
     * deadline, cancellation and target policy, and returns its own result for the caller to word. {@code words}
     * start with the command word and are parsed strictly; a line that does not parse throws.
     */
    ProbeResult runCommand(List<String> words) throws InterruptedException, UsageException;

    /** True when the command was piped into {@code grep}: output lines are filtered by the engine. */
    boolean filtered();

    /** True when the given line would survive the {@code grep} filter (always true without one). */
    boolean passesFilter(String line);

    /**
     * The pattern as written when the output goes through exactly one plain {@code grep PATTERN} (not
     * {@code -v}, one expression), so a verdict can name it ("nothing listens on port 8080"); null otherwise.
     */
    default String grepPattern() {
        return null;
    }
}

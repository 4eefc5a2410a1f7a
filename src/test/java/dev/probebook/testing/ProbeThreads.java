package dev.probebook.testing;

import dev.probebook.engine.ProbeRunner;
import java.net.URL;
import java.security.CodeSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Finds threads still at work in Probebook's main code (a frame of a class from {@code target/classes} in
 * their stack), whatever their state: a probe worker that did not go back to the pool, or a thread a probe
 * started and left running. Idle pool workers ({@code probe-N} parked in the executor's queue until their
 * keep-alive ends) have no such frame and do not count, nor do test helpers. Compare against a snapshot
 * taken before the scenario, so a thread an earlier test left behind is not blamed on this one.
 */
public final class ProbeThreads {

    private static final URL MAIN =
            location(ProbeRunner.class.getProtectionDomain().getCodeSource());
    private static final Map<String, Boolean> MAIN_CLASS = new ConcurrentHashMap<>();

    private ProbeThreads() {}

    /** Threads other than the caller that have a frame of main code in their stack now. */
    public static Map<Thread, StackTraceElement[]> busy() {
        Map<Thread, StackTraceElement[]> out = new LinkedHashMap<>();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t != Thread.currentThread()
                    && t.isAlive()
                    && Arrays.stream(stack).anyMatch(ProbeThreads::isMain)) {
                out.put(t, stack);
            }
        });
        return out;
    }

    /** Waits until every thread busy in main code, except {@code before}, has left it; fails naming them. */
    public static void awaitIdle(Set<Thread> before, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        Map<Thread, StackTraceElement[]> left;
        do {
            left = busy();
            left.keySet().removeAll(before);
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < end);
        throw new AssertionError("threads still busy in probe code " + within.toMillis() + " ms after the run ended:\n"
                + left.entrySet().stream()
                        .map(e -> e.getKey().getName() + " (" + e.getKey().getState() + ")\n\tat "
                                + Arrays.stream(e.getValue())
                                        .limit(25)
                                        .map(String::valueOf)
                                        .collect(Collectors.joining("\n\tat ")))
                        .collect(Collectors.joining("\n")));
    }

    private static boolean isMain(StackTraceElement frame) {
        String name = frame.getClassName();
        if (!name.startsWith("dev.probebook.")) {
            return false;
        }
        return MAIN_CLASS.computeIfAbsent(name, n -> {
            try {
                Class<?> c = Class.forName(n, false, ProbeThreads.class.getClassLoader());
                return Objects.equals(location(c.getProtectionDomain().getCodeSource()), MAIN);
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        });
    }

    private static URL location(CodeSource source) {
        return source == null ? null : source.getLocation();
    }
}

package dev.probebook.cli;

import dev.probebook.engine.ProbeRunner;

/**
 * Ctrl+C in the CLI behaves like in the real tools: the first stops the running probe (ping prints its
 * statistics, tcpdump the packets it caught) and no further steps start; a second exits at once.
 */
final class StopOnInterrupt {

    private static volatile boolean stopped;

    private StopOnInterrupt() {}

    static boolean stopped() {
        return stopped;
    }

    @SuppressWarnings("removal")
    static void install(ProbeRunner runner) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> {
                if (stopped) {
                    Runtime.getRuntime().halt(130);
                }
                stopped = true;
                runner.stopAll();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // no signal support on this platform: Ctrl+C ends the JVM as usual
        }
    }
}

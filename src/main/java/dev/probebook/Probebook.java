package dev.probebook;

import dev.probebook.cli.Cli;
import dev.probebook.security.PasswordHashCommand;

/**
 * Entry point of {@code probebook.jar}: with no arguments it starts the web notebook, with a command
 * ({@code steps}, {@code run}, {@code exec}, {@code lab}, {@code help}) it runs the headless CLI without starting
 * Spring.
 */
public final class Probebook {

    private Probebook() {}

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("hash-password")) {
            System.exit(PasswordHashCommand.run(System.out, System.err));
        }
        if (Cli.isCliInvocation(args)) {
            noLibraryLogging();
            System.exit(Cli.main(args, System.out, System.err));
        }
        ProbebookApplication.start(args);
    }

    /**
     * The CLI prints the tools' lines and nothing else. Without Spring nobody configures logback, whose default
     * prints every INFO line to stdout (pcap4j says "successfully loaded" on each capture), and starting it costs
     * about 70 ms of a CLI run that should take 300: so the CLI routes library logging to SLF4J's no-op provider
     * (unless {@code -Dslf4j.provider} names another). Probes report their failures in their own lines and verdicts.
     */
    private static void noLibraryLogging() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.internal.verbosity", "WARN"); // no "attempting to load provider" line
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        }
    }
}

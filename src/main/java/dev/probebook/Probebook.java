package dev.probebook;

import dev.probebook.cli.Cli;
import dev.probebook.security.PasswordHashCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
            quietLibraryLogging();
            System.exit(Cli.main(args, System.out, System.err));
        }
        ProbebookApplication.start(args);
    }

    /**
     * Without Spring nobody configures logback, whose default prints every INFO line to stdout; libraries
     * (pcap4j says "successfully loaded" on each capture) would then mix into the tool output.
     */
    private static void quietLibraryLogging() {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}

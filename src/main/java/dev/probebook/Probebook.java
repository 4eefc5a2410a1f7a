package dev.probebook;

import dev.probebook.cli.Cli;

/**
 * Entry point of {@code probebook.jar}: with no arguments it starts the web notebook, with a command
 * ({@code steps}, {@code run}, {@code exec}, {@code help}) it runs the headless CLI without starting Spring.
 */
public final class Probebook {

    private Probebook() {
    }

    public static void main(String[] args) {
        if (Cli.isCliInvocation(args)) {
            System.exit(Cli.main(args, System.out, System.err));
        }
        ProbebookApplication.start(args);
    }
}

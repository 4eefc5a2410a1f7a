package dev.probebook.cli;

import java.io.PrintStream;

/** Placeholder replaced below. */
public final class Cli {
    private Cli() {
    }

    public static boolean isCliInvocation(String[] args) {
        return args.length > 0 && !args[0].startsWith("--") ;
    }

    public static int main(String[] args, PrintStream out, PrintStream err) {
        return 2;
    }
}

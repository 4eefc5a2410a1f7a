package dev.probebook.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code probebook hash-password}: reads a password (without echo on a terminal, else one line of
 * standard input) and prints the {@code {bcrypt}} hash to put in {@code probebook.users.NAME.password-hash}.
 */
public final class PasswordHashCommand {

    private PasswordHashCommand() {}

    /**
     * A terminal to prompt on. From JDK 22 {@code System.console()} exists even when input is piped, so
     * ask {@code isTerminal()} where the JDK has it (compiled for 21, hence the reflection).
     */
    private static boolean interactive(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    public static int run(PrintStream out, PrintStream err) {
        String password;
        Console console = System.console();
        try {
            if (interactive(console)) {
                char[] first = console.readPassword("password: ");
                char[] again = console.readPassword("again: ");
                if (first == null || again == null || !new String(first).equals(new String(again))) {
                    err.println("probebook: the passwords differ");
                    return 2;
                }
                password = new String(first);
            } else {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
        } catch (IOException e) {
            err.println("probebook: cannot read the password: " + e.getMessage());
            return 2;
        }
        if (password == null || password.length() < 8) {
            err.println("probebook: give a password of at least 8 characters");
            return 2;
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            err.println("probebook: bcrypt uses at most 72 bytes of a password; give a shorter one");
            return 2;
        }
        out.println("{bcrypt}" + new BCryptPasswordEncoder().encode(password));
        return 0;
    }
}

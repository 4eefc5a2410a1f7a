package dev.probebook.security;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Single-owner mode (no users configured): the way Jupyter does it, the console gets a sign-in link with
 * a random token, never a fixed default password. A link works once; using it prints the next one, so
 * whoever can read the server console can always sign in another browser, and nobody else can.
 * Thread-safe.
 */
final class OwnerLink {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String owner;
    private final PrintStream console;
    private volatile Supplier<String> baseUrl = () -> "http://127.0.0.1:8080";
    private String token;

    OwnerLink(String owner, PrintStream console) {
        this.owner = owner;
        this.console = console;
        this.token = newToken();
    }

    String owner() {
        return owner;
    }

    void baseUrl(Supplier<String> url) {
        this.baseUrl = url;
    }

    /** Prints the current link, with a headline saying what it is for. */
    synchronized void print(String headline) {
        console.println();
        console.println("  " + headline);
        console.println("      " + baseUrl.get() + "/signin?token=" + token);
        console.println();
        console.flush();
    }

    /** True (once) when {@code candidate} is the current token; then a new token replaces it. */
    synchronized boolean consume(String candidate) {
        if (candidate == null
                || !MessageDigest.isEqual(
                        candidate.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        token = newToken();
        return true;
    }

    /** For tests in the same JVM. */
    synchronized String currentToken() {
        return token;
    }

    private static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

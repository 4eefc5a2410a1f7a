package dev.probebook.command;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code | grep PATTERN} stage applied to a probe's output lines, as grep would: basic regular
 * expressions by default, {@code -E} extended, {@code -F} fixed strings, {@code -i}, {@code -v},
 * {@code -w}, {@code -e PATTERN} (repeatable).
 */
public record GrepFilter(List<Pattern> patterns, boolean invert, String text) {

    /**
     * Whether grep would print the line. Patterns come from runbooks and users and lines from remote
     * peers, so matching is guarded: it gives up (no match) when the thread is interrupted (the run was
     * stopped or hit its deadline) or the pattern recurses too deep, instead of spinning or crashing.
     */
    public boolean matches(String line) {
        boolean any = false;
        try {
            CharSequence guarded = new InterruptibleChars(line);
            for (Pattern p : patterns) {
                if (p.matcher(guarded).find()) {
                    any = true;
                    break;
                }
            }
        } catch (StackOverflowError | InterruptibleChars.Stopped e) {
            return false;
        }
        return any != invert;
    }

    /** A line that stops a runaway regex: every 4096 reads it checks whether its thread was interrupted. */
    private record InterruptibleChars(String text, int[] reads) implements CharSequence {
        InterruptibleChars(String text) {
            this(text, new int[1]);
        }

        static final class Stopped extends RuntimeException {
            Stopped() {
                super("grep stopped", null, false, false);
            }
        }

        @Override
        public char charAt(int index) {
            if ((++reads[0] & 4095) == 0 && Thread.currentThread().isInterrupted()) {
                throw new Stopped();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new InterruptibleChars(text.substring(start, end), reads);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The fixed text of the pattern when it is a plain word or number (for verdicts such as "nothing on port 8080"). */
    public String plainPattern() {
        return patterns.size() == 1 && !invert ? text : null;
    }

    /** Parses the words after {@code grep} (or {@code egrep}/{@code fgrep}, named by {@code command}). */
    public static GrepFilter parse(String command, List<String> words) throws UsageException {
        boolean extended = command.equals("egrep");
        boolean fixed = command.equals("fgrep");
        boolean ignoreCase = false;
        boolean invert = false;
        boolean word = false;
        List<String> expressions = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("--")) {
                switch (w) {
                    case "--ignore-case" -> ignoreCase = true;
                    case "--invert-match" -> invert = true;
                    case "--extended-regexp" -> extended = true;
                    case "--fixed-strings" -> fixed = true;
                    case "--word-regexp" -> word = true;
                    case "--color", "--colour", "--color=auto", "--color=never", "--colour=auto" -> {}
                    default -> throw new UsageException("grep: unsupported option " + w);
                }
            } else if (w.startsWith("-") && w.length() > 1 && operands.isEmpty()) {
                for (int k = 1; k < w.length(); k++) {
                    char c = w.charAt(k);
                    switch (c) {
                        case 'i' -> ignoreCase = true;
                        case 'v' -> invert = true;
                        case 'E' -> extended = true;
                        case 'F' -> fixed = true;
                        case 'w' -> word = true;
                        case 'e' -> {
                            String rest = w.substring(k + 1);
                            if (rest.isEmpty()) {
                                if (i + 1 >= words.size()) {
                                    throw new UsageException("grep: option -e needs a pattern");
                                }
                                expressions.add(words.get(++i));
                            } else {
                                expressions.add(rest);
                            }
                            k = w.length();
                        }
                        default ->
                            throw new UsageException(
                                    "grep: unsupported option -" + c + " (supported: -i -v -E -F -w -e)");
                    }
                }
            } else {
                operands.add(w);
            }
        }
        if (expressions.isEmpty()) {
            if (operands.isEmpty()) {
                throw new UsageException("grep: missing pattern");
            }
            expressions.add(operands.remove(0));
        }
        if (!operands.isEmpty()) {
            throw new UsageException(
                    "grep: reads the probe's output; file operands are not supported (" + operands.get(0) + ")");
        }
        List<Pattern> patterns = new ArrayList<>();
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        for (String e : expressions) {
            String regex = fixed ? Pattern.quote(e) : extended ? e : basicToJava(e);
            if (word) {
                regex = "(?<![\\w])(?:" + regex + ")(?![\\w])";
            }
            try {
                patterns.add(Pattern.compile(regex, flags));
            } catch (PatternSyntaxException ex) {
                throw new UsageException("grep: bad pattern '" + e + "': " + ex.getDescription());
            }
        }
        return new GrepFilter(List.copyOf(patterns), invert, String.join("|", expressions));
    }

    /** POSIX basic regex to Java: {@code + ? | ( ) { }} are literal unless escaped. */
    static String basicToJava(String bre) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bre.length(); i++) {
            char c = bre.charAt(i);
            if (c == '\\' && i + 1 < bre.length()) {
                char n = bre.charAt(++i);
                if ("+?|(){}".indexOf(n) >= 0) {
                    sb.append(n);
                } else {
                    sb.append('\\').append(n);
                }
            } else if ("+?|(){}".indexOf(c) >= 0) {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}

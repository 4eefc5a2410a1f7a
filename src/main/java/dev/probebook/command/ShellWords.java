package dev.probebook.command;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a command line the way a POSIX shell does: single quotes are literal, double quotes keep
 * everything but {@code \$ \` \" \\}, a backslash outside quotes escapes the next character, an unquoted
 * {@code #} at the start of a word begins a comment. Nothing is expanded: {@code $NAME} stays as written
 * so that placeholders survive. So {@code -w "%{http_code}"\n} becomes the single word {@code %{http_code}n},
 * exactly what curl would receive.
 */
public final class ShellWords {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./\\-\\[\\]{}가-힣ㄱ-ㅎㅏ-ㅣ]+");

    private ShellWords() {}

    /** The result of splitting: tokens plus the shell features we noticed but do not run. */
    public record Split(List<Token> tokens, boolean commandSubstitution) {
        public List<String> words() {
            List<String> words = new ArrayList<>();
            for (Token t : tokens) {
                if (t instanceof Token.Word w) {
                    words.add(w.text());
                }
            }
            return words;
        }
    }

    public static Split split(String line) throws UsageException {
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quotedWord = false;
        boolean substitution = false;
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new UsageException("unterminated single quote in: " + line);
                }
                word.append(line, i + 1, end);
                inWord = true;
                quotedWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = line.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < n && "$`\"\\\n".indexOf(line.charAt(i + 1)) >= 0) {
                        word.append(line.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (d == '`' || (d == '$' && i + 1 < n && line.charAt(i + 1) == '(')) {
                        substitution = true;
                    }
                    word.append(d);
                    i++;
                }
                if (!closed) {
                    throw new UsageException("unterminated double quote in: " + line);
                }
                inWord = true;
                quotedWord = true;
            } else if (c == '\\') {
                if (i + 1 < n) {
                    char next = line.charAt(i + 1);
                    if (next != '\n') {
                        word.append(next);
                        inWord = true;
                    }
                    i += 2;
                } else {
                    i++; // trailing backslash: line continuation, nothing to add
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    tokens.add(new Token.Word(word.toString()));
                    word.setLength(0);
                    inWord = false;
                    quotedWord = false;
                }
                i++;
            } else if (c == '#' && !inWord) {
                break; // comment to end of line
            } else if (c == '<' && placeholderAt(line, i) > 0) {
                // <name> in a runbook is a placeholder, not two redirections
                int end = placeholderAt(line, i);
                word.append(line, i, end);
                inWord = true;
                i = end;
            } else if (c == '|' || c == '&' || c == ';' || c == '>' || c == '<') {
                String op = operatorAt(line, i);
                if ((c == '>' || c == '<')
                        && inWord
                        && !quotedWord
                        && (word.toString().equals("1") || word.toString().equals("2"))) {
                    op = word + op;
                    word.setLength(0);
                    inWord = false;
                } else if (inWord) {
                    tokens.add(new Token.Word(word.toString()));
                    word.setLength(0);
                    inWord = false;
                    quotedWord = false;
                }
                int len = operatorLength(line, i);
                if ((op.endsWith(">") || op.endsWith("<"))
                        && i + len + 1 < n + 1
                        && i + len < n
                        && line.charAt(i + len) == '&') {
                    // 2>&1, >&2
                    int j = i + len + 1;
                    StringBuilder fd = new StringBuilder();
                    while (j < n && Character.isDigit(line.charAt(j))) {
                        fd.append(line.charAt(j++));
                    }
                    op = op + "&" + fd;
                    len = j - i;
                }
                tokens.add(new Token.Operator(op));
                i += len;
            } else {
                if (c == '`' || (c == '$' && i + 1 < n && line.charAt(i + 1) == '(')) {
                    substitution = true;
                }
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            tokens.add(new Token.Word(word.toString()));
        }
        return new Split(List.copyOf(tokens), substitution);
    }

    private static final Pattern ANGLE_PLACEHOLDER = Pattern.compile("<[A-Za-z][A-Za-z0-9_-]{0,40}>");

    /** End index of a {@code <name>} placeholder starting at {@code i}, or -1. */
    private static int placeholderAt(String line, int i) {
        var m = ANGLE_PLACEHOLDER.matcher(line).region(i, line.length());
        return m.lookingAt() ? m.end() : -1;
    }

    private static int operatorLength(String line, int i) {
        return operatorAt(line, i).length();
    }

    private static String operatorAt(String line, int i) {
        char c = line.charAt(i);
        char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
        return switch (c) {
            case '|' -> next == '|' ? "||" : "|";
            case '&' -> next == '&' ? "&&" : next == '>' ? "&>" : "&";
            case ';' -> ";";
            case '>' -> next == '>' ? ">>" : ">";
            case '<' -> next == '<' ? "<<" : "<";
            default -> String.valueOf(c);
        };
    }

    /** Quotes a word for display so that splitting the result gives the word back. */
    public static String quote(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Joins words into a command line that splits back into the same words. */
    public static String join(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(quote(w));
        }
        return sb.toString();
    }
}

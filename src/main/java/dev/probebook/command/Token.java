package dev.probebook.command;

/** A shell token: a word after quote removal, or an operator such as {@code |} or {@code >>}. */
public sealed interface Token {

    /** A word with quotes and escapes removed, as the command would receive it. */
    record Word(String text) implements Token {}

    /** A control or redirection operator: {@code | || && ; & > >> < << 2> 2>> 2>&1 &>}. */
    record Operator(String symbol) implements Token {
        public boolean isPipe() {
            return symbol.equals("|");
        }

        public boolean isRedirection() {
            return symbol.contains(">") || symbol.contains("<");
        }
    }
}

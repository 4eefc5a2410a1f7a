package dev.probebook.command;

/**
 * A placeholder found in a command line: {@code text} as written, at {@code [start, end)} of word
 * {@code word} (0 = the command word), standing for {@code variable} ({@code host}, {@code port}, ...).
 */
public record Placeholder(int word, int start, int end, String text, String variable) {}

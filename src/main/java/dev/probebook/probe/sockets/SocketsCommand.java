package dev.probebook.probe.sockets;

/** A parsed {@code netstat} or {@code ss} socket listing. */
public sealed interface SocketsCommand permits NetstatCommand, SsCommand {

    /** Whether the listing names the process holding each socket ({@code -p}). */
    boolean processes();

    /** Whether UNIX domain sockets are part of the listing. */
    boolean unix();
}

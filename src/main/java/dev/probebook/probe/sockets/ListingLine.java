package dev.probebook.probe.sockets;

/** One output line of a socket listing; {@code socket} is null for headings and notices. */
record ListingLine(String text, SocketEntry socket) {

    static ListingLine heading(String text) {
        return new ListingLine(text, null);
    }
}

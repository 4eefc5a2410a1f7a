package dev.probebook.probe.dns;

/** {@code cat /etc/resolv.conf} (or {@code less}, {@code more}): {@code tool} is the viewer named. */
public record ResolvConfCommand(String tool) {}

package dev.probebook.probe;

/**
 * Structured result of one probe run (timings, certificate, DNS answers, packets, sockets, ...).
 * Each probe package defines its own record implementing this; the CLI serialises it to JSON as
 * {@code details} and the web notebook renders it with a view per record type.
 */
public interface ProbeDetails {}

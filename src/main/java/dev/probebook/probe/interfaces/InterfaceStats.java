package dev.probebook.probe.interfaces;

/** An interface's counters from {@code /proc/net/dev}, as ifconfig prints them. */
public record InterfaceStats(
        long rxBytes,
        long rxPackets,
        long rxErrors,
        long rxDropped,
        long rxFifo,
        long rxFrame,
        long txBytes,
        long txPackets,
        long txErrors,
        long txDropped,
        long txFifo,
        long collisions,
        long txCarrier) {}

package dev.probebook.probe.interfaces;

/**
 * {@code ifconfig} (up interfaces), {@code ifconfig -a} (all) or {@code ifconfig IFACE}.
 *
 * @param iface the interface asked for, null for a listing
 */
public record IfconfigCommand(boolean all, String iface) implements InterfacesCommand {}

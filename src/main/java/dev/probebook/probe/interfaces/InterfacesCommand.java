package dev.probebook.probe.interfaces;

/** A parsed {@code ifconfig} or {@code ip addr}/{@code ip link} listing. */
public sealed interface InterfacesCommand permits IfconfigCommand, IpCommand {

    /** The one interface asked for, or null for all. */
    String iface();
}

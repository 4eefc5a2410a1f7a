package dev.probebook.probe.interfaces;

/**
 * {@code ip [-4|-6] [-br] addr|link [show [dev] IFACE] [up]}.
 *
 * @param family 4 or 6 to show only that family's addresses (and only interfaces having one), 0 for both
 * @param brief {@code -br}: one line per interface
 * @param iface the interface asked for, null for all
 * @param upOnly {@code up}: only interfaces that are up
 */
public record IpCommand(Object object, int family, boolean brief, String iface, boolean upOnly)
        implements InterfacesCommand {

    /** The ip object: addresses with their links, or the links alone. */
    public enum Object {
        ADDRESS,
        LINK
    }
}

package dev.probebook.probe.routes;

/**
 * A routing-table command: {@code ip route [show|list]}, {@code ip route get ADDRESS}, {@code route [-n]},
 * {@code netstat -r[n]}.
 *
 * @param form which tool's view
 * @param numeric {@code -n}: addresses only (Probebook never looks names up here, so the other form differs only in
 *     showing {@code default} for the default route)
 * @param destination for {@code ip route get}: the address asked about (a runbook's placeholder until bound), else
 *     null
 * @param defaultOnly {@code ip route show default}
 * @param iface {@code ip route show dev IFACE}: only that interface's routes, else null
 */
public record RoutesCommand(Form form, boolean numeric, String destination, boolean defaultOnly, String iface) {

    /** The tool whose output is printed. */
    public enum Form {
        IP_ROUTE,
        IP_ROUTE_GET,
        ROUTE,
        NETSTAT
    }
}

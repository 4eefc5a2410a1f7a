package dev.probebook.probe.sockets;

/**
 * {@code lsof -i[4|6][TCP|UDP][@HOST][:PORT] [-sTCP:STATE] [-n] [-P] [-t]}: the internet files of processes.
 *
 * @param family 4 or 6 for one family, 0 for both
 * @param protocol {@code tcp}, {@code udp}, or null for both
 * @param host only sockets with this address at either end, or null
 * @param port only sockets with this port at either end, 0 for any
 * @param state {@code -sTCP:LISTEN}: only TCP sockets in this state (its netstat name), or null
 * @param terse {@code -t}: process ids only
 */
public record LsofCommand(int family, String protocol, String host, int port, String state, boolean terse) {}

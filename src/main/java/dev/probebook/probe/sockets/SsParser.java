package dev.probebook.probe.sockets;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses ss's options and the simple filter expressions people type after them
 * ({@code state listening}, {@code sport = :8080}, {@code dport = :443}), normalising tables, families and
 * states the way ss does.
 */
final class SsParser {

    static final String SUPPORTED =
            "-t -u -w -x -l -a -n -p -4 -6 -H, their long forms, 'state NAME' and 'sport/dport = :PORT'";

    /** How many of ss's socket tables a family selects (inet: tcp mptcp udp dccp sctp raw; unix: three). */
    private static final int INET_TABLES = 6;

    private static final int UNIX_TABLES = 3;

    private boolean tcp;
    private boolean udp;
    private boolean raw;
    private boolean unixFamily;
    private boolean inet4;
    private boolean inet6;
    private int optionStates;
    private int expressionStates;
    private boolean sawStateExpression;
    private boolean numeric;
    private boolean processes;
    private boolean header = true;
    private int sport;
    private int dport;

    private SsParser() {}

    static SsCommand parse(Args args) throws UsageException {
        SsParser p = new SsParser();
        List<String> expression = new ArrayList<>();
        while (args.hasNext()) {
            String w = args.next();
            if (!expression.isEmpty() || !w.startsWith("-") || w.length() == 1) {
                for (String part : w.strip().split("\\s+")) {
                    if (!part.isEmpty()) {
                        expression.add(part);
                    }
                }
            } else if (w.startsWith("--")) {
                p.longOption(w);
            } else {
                for (int k = 1; k < w.length(); k++) {
                    p.shortOption(w.charAt(k));
                }
            }
        }
        p.expression(expression, args);
        return p.build();
    }

    private void shortOption(char c) throws UsageException {
        switch (c) {
            case 't' -> tcp = true;
            case 'u' -> udp = true;
            case 'w' -> raw = true;
            case 'x' -> unixFamily = true;
            case '4' -> inet4 = true;
            case '6' -> inet6 = true;
            case 'a' -> optionStates = TcpState.ALL;
            case 'l' -> optionStates = TcpState.LISTEN.bit() | TcpState.CLOSE.bit();
            case 'n' -> numeric = true;
            case 'p' -> processes = true;
            case 'H' -> header = false;
            case 'r' ->
                throw new UsageException(
                        "ss: -r resolves addresses through DNS, which Probebook never does from a socket listing; drop -r");
            case 's' ->
                throw new UsageException(
                        "ss: -s (summary) is not supported; list the sockets instead (" + SUPPORTED + ")");
            case 'e', 'o', 'i', 'm' ->
                throw new UsageException("ss: -" + c
                        + " needs kernel socket diagnostics that /proc does not give; supported: " + SUPPORTED);
            default -> throw new UsageException("ss: unknown option -" + c + " (supported: " + SUPPORTED + ")");
        }
    }

    private void longOption(String w) throws UsageException {
        switch (w) {
            case "--tcp" -> tcp = true;
            case "--udp" -> udp = true;
            case "--raw" -> raw = true;
            case "--unix" -> unixFamily = true;
            case "--ipv4" -> inet4 = true;
            case "--ipv6" -> inet6 = true;
            case "--all" -> shortOption('a');
            case "--listening" -> shortOption('l');
            case "--numeric" -> numeric = true;
            case "--processes" -> processes = true;
            case "--no-header" -> header = false;
            default -> throw new UsageException("ss: unknown option " + w + " (supported: " + SUPPORTED + ")");
        }
    }

    /** {@code state NAME}, {@code exclude NAME}, then port conditions joined by {@code and}. */
    private void expression(List<String> words, Args args) throws UsageException {
        int i = 0;
        while (i < words.size()) {
            String w = words.get(i).toLowerCase(Locale.ROOT);
            switch (w) {
                case "(", ")", "and", "&&", "&" -> i++;
                case "state", "exclude", "excl" -> {
                    if (i + 1 >= words.size()) {
                        throw new UsageException("ss: '" + w + "' needs a state name (e.g. state listening)");
                    }
                    int mask = stateMask(words.get(i + 1));
                    if (!sawStateExpression) {
                        expressionStates = w.equals("state") ? 0 : TcpState.ALL;
                        sawStateExpression = true;
                    }
                    expressionStates = w.equals("state") ? expressionStates | mask : expressionStates & ~mask;
                    i += 2;
                }
                case "sport", "dport", "src", "dst" -> {
                    int at = i + 1;
                    if (at < words.size() && List.of("=", "==", "eq").contains(words.get(at))) {
                        at++;
                    }
                    if (at >= words.size()) {
                        throw new UsageException("ss: '" + w + "' needs a value (e.g. sport = :8080)");
                    }
                    String value = words.get(at);
                    if (w.equals("src") || w.equals("dst")) {
                        throw new UsageException("ss: address conditions (" + w + " " + value
                                + ") are not supported; use sport/dport = :PORT or pipe into grep");
                    }
                    int port = port(value, args);
                    if (w.equals("sport")) {
                        sport = port;
                    } else {
                        dport = port;
                    }
                    i = at + 1;
                }
                case "or", "||", "not", "!" ->
                    throw new UsageException(
                            "ss: '" + w + "' in a filter is not supported; use one condition, or pipe into grep");
                default ->
                    throw new UsageException(
                            "ss: cannot read filter word '" + words.get(i) + "' (supported: " + SUPPORTED + ")");
            }
        }
    }

    private static int port(String value, Args args) throws UsageException {
        String raw = value.startsWith(":") ? value.substring(1) : value;
        if (raw.isEmpty()) {
            throw new UsageException("ss: missing port in '" + value + "' (e.g. sport = :8080)");
        }
        return args.template() ? args.port(raw) : Args.parsePort(raw);
    }

    /** State names as ss's scan_state reads them. */
    static int stateMask(String name) throws UsageException {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "all" -> TcpState.ALL;
            case "connected" -> TcpState.ALL & ~(TcpState.CLOSE.bit() | TcpState.LISTEN.bit());
            case "synchronized" ->
                TcpState.ALL & ~(TcpState.CLOSE.bit() | TcpState.LISTEN.bit() | TcpState.SYN_SENT.bit());
            case "bucket" -> TcpState.SYN_RECV.bit() | TcpState.TIME_WAIT.bit();
            case "big" -> TcpState.ALL & ~(TcpState.SYN_RECV.bit() | TcpState.TIME_WAIT.bit());
            case "established" -> TcpState.ESTABLISHED.bit();
            case "syn-sent" -> TcpState.SYN_SENT.bit();
            case "syn-recv", "syn-rcv" -> TcpState.SYN_RECV.bit();
            case "fin-wait-1" -> TcpState.FIN_WAIT1.bit();
            case "fin-wait-2" -> TcpState.FIN_WAIT2.bit();
            case "time-wait" -> TcpState.TIME_WAIT.bit();
            case "closed", "close", "unconnected" -> TcpState.CLOSE.bit();
            case "close-wait" -> TcpState.CLOSE_WAIT.bit();
            case "last-ack" -> TcpState.LAST_ACK.bit();
            case "listening", "listen" -> TcpState.LISTEN.bit();
            case "closing" -> TcpState.CLOSING.bit();
            default ->
                throw new UsageException(
                        "ss: wrong state name: " + name + " (e.g. listening, established, time-wait, connected, all)");
        };
    }

    /** ss's filter_merge_defaults: tables and families complete each other; states default per table. */
    private SsCommand build() {
        boolean anyTable = tcp || udp || raw;
        boolean anyFamily = inet4 || inet6 || unixFamily;
        int defaults = 0;
        int tables;
        boolean showUnix = unixFamily;
        if (!anyTable && !anyFamily) {
            tcp = udp = raw = true;
            showUnix = true;
            inet4 = inet6 = true;
            defaults = TcpState.CONNECTED;
            tables = 15;
        } else {
            tables = 0;
            if (tcp) {
                defaults |= TcpState.CONNECTED;
                tables++;
            }
            if (udp) {
                defaults |= TcpState.ESTABLISHED.bit();
                tables++;
            }
            if (raw) {
                defaults |= TcpState.ESTABLISHED.bit();
                tables++;
            }
            if (inet4 || inet6 || unixFamily) {
                defaults |= TcpState.CONNECTED;
            }
            if (unixFamily) {
                tables += UNIX_TABLES;
            }
            if ((inet4 || inet6) && !anyTable) {
                tcp = udp = raw = true;
                tables += INET_TABLES;
            }
            if (anyTable && !inet4 && !inet6) {
                inet4 = inet6 = true;
            }
        }
        int states = sawStateExpression ? expressionStates : optionStates != 0 ? optionStates : defaults;
        boolean stateColumn = Integer.bitCount(states) > 1;
        return new SsCommand(
                tcp,
                udp,
                raw,
                showUnix,
                inet4,
                inet6,
                states,
                numeric,
                processes,
                header,
                tables > 1,
                stateColumn,
                sport,
                dport);
    }
}

package dev.probebook.probe.capture;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import java.util.Map;

/**
 * Parses {@code tcpdump} arguments like tcpdump's getopt: short options may be grouped ({@code -nnvvi eth0},
 * {@code -c100}) and may come after filter words ({@code tcpdump host 10.0.0.5 -c 100}); every other word
 * belongs to the filter. Pure Java: the filter's grammar is checked by libpcap at run time.
 */
final class TcpdumpParser {

    static final String SUPPORTED =
            "-i IFACE, -c COUNT, -n, -nn, -w FILE, -r FILE, -s SNAPLEN, -v[v], -q, -l, -U, -p, -S, -t[ttt], -D, -A, -X, -x";

    /** Options tcpdump has that Probebook does not run, with the reason. */
    private static final Map<Character, String> UNSUPPORTED = Map.of(
            'e', "link-level headers (-e) are not printed",
            'C', "file rotation (-C) is not supported: the -w file is bounded by probebook.capture.max-bytes",
            'G', "file rotation (-G) is not supported",
            'F', "reading the filter from a file (-F) is not supported: write the filter on the command line",
            'Z', "-Z (drop privileges to a user) does not apply: Probebook never changes user");

    private TcpdumpParser() {}

    static CaptureCommand parse(Args args) throws UsageException {
        String iface = null;
        int count = 0;
        int numeric = 0;
        int verbose = 0;
        int t = 0;
        boolean quiet = false;
        boolean absolute = false;
        boolean promiscuous = true;
        boolean list = false;
        PayloadDump dump = PayloadDump.NONE;
        String write = null;
        String read = null;
        int snaplen = CaptureCommand.DEFAULT_SNAPLEN;
        FilterScanner filter = new FilterScanner(args);
        while (args.hasNext()) {
            String w = args.next();
            if (w.startsWith("--")) {
                throw new UsageException("tcpdump: unknown option " + w + " (supported: " + SUPPORTED + ")");
            }
            if (!w.startsWith("-") || w.length() == 1) {
                filter.word(w);
                continue;
            }
            for (int k = 1; k < w.length(); k++) {
                char c = w.charAt(k);
                switch (c) {
                    case 'n' -> numeric++;
                    case 'v' -> verbose++;
                    case 'q' -> quiet = true;
                    case 'l', 'U' -> {} // line/packet buffering: output is streamed per packet anyway
                    case 'p' -> promiscuous = false;
                    case 'S' -> absolute = true;
                    case 't' -> t++;
                    case 'D' -> list = true;
                    case 'A' -> dump = PayloadDump.ASCII;
                    case 'X' -> dump = PayloadDump.HEX_ASCII;
                    case 'x' -> dump = dump == PayloadDump.HEX_ASCII ? dump : PayloadDump.HEX;
                    case 'i', 'c', 'w', 'r', 's' -> {
                        String rest = w.substring(k + 1);
                        String value = rest.isEmpty() ? args.valueOf("-" + c) : rest;
                        switch (c) {
                            case 'i' -> iface = args.iface(value);
                            case 'c' -> count = Args.intValue("-c", value, 1, Integer.MAX_VALUE);
                            case 's' -> {
                                snaplen = Args.intValue("-s", value, 0, CaptureCommand.DEFAULT_SNAPLEN);
                                if (snaplen == 0) {
                                    snaplen = CaptureCommand.DEFAULT_SNAPLEN;
                                }
                            }
                            case 'r' -> read = readFile(value);
                            default -> write = file(value);
                        }
                        k = w.length();
                    }
                    default -> {
                        String why = UNSUPPORTED.get(c);
                        throw new UsageException("tcpdump: " + (why != null ? why : "unknown option -" + c)
                                + " (supported: " + SUPPORTED + ")");
                    }
                }
            }
        }
        if (read != null && write != null) {
            throw new UsageException("tcpdump: -r with -w (copying a saved capture) is not supported: read it with"
                    + " tcpdump -r FILE and a filter instead");
        }
        return new CaptureCommand(
                iface,
                count,
                numeric > 0,
                verbose,
                quiet,
                TimestampStyle.ofCount(t),
                absolute,
                promiscuous,
                list,
                write,
                read,
                snaplen,
                filter.result(),
                dump);
    }

    private static String readFile(String value) throws UsageException {
        if (value.equals("-")) {
            throw new UsageException("tcpdump: reading packets from standard input (-r -) is not supported; use -r FILE"
                    + " with a capture Probebook saved (tcpdump -w FILE)");
        }
        if (value.isBlank()) {
            throw new UsageException("tcpdump: option -r needs a file name");
        }
        return value;
    }

    private static String file(String value) throws UsageException {
        if (value.equals("-")) {
            throw new UsageException("tcpdump: writing packets to standard output (-w -) is not supported; "
                    + "use -w FILE (the capture is saved under the data directory)");
        }
        if (value.isBlank()) {
            throw new UsageException("tcpdump: option -w needs a file name");
        }
        return value;
    }
}

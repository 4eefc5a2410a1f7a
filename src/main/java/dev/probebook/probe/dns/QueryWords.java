package dev.probebook.probe.dns;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.Type;

/**
 * What the host and nslookup parsers collect while they read words: the same query settings and the same
 * {@code NAME [SERVER]} operands; only the option spellings differ ({@code -t MX} against {@code -type=MX}),
 * so each parser keeps its own option switch and sets the fields here. One instance per parse, not shared.
 */
final class QueryWords {

    Integer type;
    Integer port;
    Duration timeout;
    int tries = 2;
    boolean tcp;
    boolean recurse = true;

    private final String tool;
    private final String usage;
    private String name;
    private String server;

    QueryWords(String tool, String usage) {
        this.tool = tool;
        this.usage = usage;
    }

    /** A word that is not an option: the name first, then the server; a third is an error. */
    void operand(Args args, String word) throws UsageException {
        if (name == null) {
            name = DnsOperands.name(args, tool, word);
        } else if (server == null) {
            server = DnsOperands.server(args, tool, word);
        } else {
            throw new UsageException(tool + ": too many operands at '" + word + "' (" + usage + ")");
        }
    }

    boolean hasName() {
        return name != null;
    }

    /**
     * The command; an IP address as the name means a reverse (PTR) lookup whatever the type, and without a
     * type the tool asks {@code defaultTypes}.
     */
    DnsCommand command(DnsCommand.Tool which, List<Integer> defaultTypes, Args args) {
        boolean reverse = DnsOperands.isIp(name);
        List<Integer> types = reverse ? List.of(Type.PTR) : type == null ? defaultTypes : List.of(type);
        return new DnsCommand(
                which,
                name,
                reverse,
                types,
                type == null,
                server,
                port,
                timeout,
                tries,
                tcp,
                recurse,
                false,
                DigDisplay.defaults(),
                args.all());
    }
}

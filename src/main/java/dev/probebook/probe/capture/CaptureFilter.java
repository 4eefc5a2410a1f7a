package dev.probebook.probe.capture;

import dev.probebook.command.HostSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A pcap-filter expression split into tokens, with the host and port operands marked. libpcap compiles
 * the expression at run time; the marks exist so that placeholders can stand there in runbook templates
 * and so that host names are resolved by Probebook (hosts file, configured DNS) instead of by libpcap,
 * which would ask the system resolver.
 *
 * @param text   the filter as written (words joined by spaces), for display
 * @param tokens the tokens, in order
 */
record CaptureFilter(String text, List<Token> tokens) {

    enum Role {
        HOST,
        PORT,
        WORD
    }

    /** One token; {@code value} is the validated operand (a host in the form to resolve), else the text. */
    record Token(String text, Role role, String value) {}

    CaptureFilter {
        tokens = List.copyOf(tokens);
    }

    static CaptureFilter none() {
        return new CaptureFilter("", List.of());
    }

    boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** Host operands that are names (not address literals), to resolve before compiling. */
    List<String> hostNames() {
        return tokens.stream()
                .filter(t -> t.role() == Role.HOST && !HostSyntax.isIpLiteral(t.value()))
                .map(Token::value)
                .distinct()
                .toList();
    }

    /**
     * The expression handed to libpcap: host names replaced by their addresses ({@code (a or b)} for
     * several; libpcap carries the qualifier into the parenthesised list).
     */
    String expression(Map<String, List<String>> addressesByName) {
        List<String> out = new ArrayList<>();
        for (Token t : tokens) {
            List<String> addresses = t.role() == Role.HOST ? addressesByName.get(t.value()) : null;
            if (addresses == null || addresses.isEmpty()) {
                out.add(t.role() == Role.HOST ? t.value() : t.text());
            } else if (addresses.size() == 1) {
                out.add(addresses.get(0));
            } else {
                out.add("(" + String.join(" or ", addresses) + ")");
            }
        }
        return out.stream().collect(Collectors.joining(" "));
    }
}

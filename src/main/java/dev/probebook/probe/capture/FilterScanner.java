package dev.probebook.probe.capture;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the filter words of a tcpdump command one at a time (options may come between them) and marks
 * the operands that are hosts ({@code host X}, {@code src X}, {@code dst host X}, a bare {@code X}) or
 * ports ({@code port X}), validating each through {@link Args} right after the word was read, so that
 * placeholders there are accepted and recorded in template mode. Everything else is passed to libpcap
 * as written: the grammar check is libpcap's, at run time.
 */
final class FilterScanner {

    private static final Set<String> OPERATORS = Set.of("and", "or", "not", "&&", "||", "!");
    private static final Set<String> HOST_QUALIFIERS = Set.of("host", "gateway");
    private static final Set<String> DIRECTIONS = Set.of("src", "dst");
    private static final Set<String> LINK_QUALIFIERS = Set.of("ether", "fddi", "tr", "wlan", "arcnet");
    private static final Set<String> OPERAND_QUALIFIERS = Set.of(
            "net",
            "portrange",
            "proto",
            "protochain",
            "less",
            "greater",
            "mask",
            "ifname",
            "on",
            "rnr",
            "rulenum",
            "reason",
            "rset",
            "srnr",
            "subrulenum",
            "action",
            "type",
            "subtype",
            "dir");
    private static final Set<String> OPTIONAL_NUMBER = Set.of("vlan", "mpls", "geneve", "pppoes");
    private static final Set<String> KEYWORDS = Set.of(
            "tcp",
            "udp",
            "icmp",
            "icmp6",
            "ip",
            "ip6",
            "arp",
            "rarp",
            "sctp",
            "igmp",
            "igrp",
            "pim",
            "vrrp",
            "carp",
            "ah",
            "esp",
            "broadcast",
            "multicast",
            "inbound",
            "outbound",
            "link",
            "atalk",
            "aarp",
            "decnet",
            "iso",
            "stp",
            "ipx",
            "netbeui",
            "lat",
            "sca",
            "moprc",
            "mopdl",
            "clnp",
            "esis",
            "isis",
            "l1",
            "l2",
            "iih",
            "lsp",
            "snp",
            "csnp",
            "psnp",
            "radio",
            "llc",
            "pppoed",
            "len",
            "addr1",
            "addr2",
            "addr3",
            "addr4",
            "ra",
            "ta",
            "hdpc",
            "slip",
            "ppp");

    private enum Expect {
        NONE,
        HOST,
        PORT,
        OPERAND,
        AFTER_DIRECTION,
        DIRECTION_AFTER_CONJUNCTION,
        OPTIONAL_NUMBER
    }

    private final Args args;
    private final List<String> words = new ArrayList<>();
    private final List<CaptureFilter.Token> tokens = new ArrayList<>();
    private Expect expect = Expect.NONE;
    /** The role of the last operand: a bare word after and/or inherits it ({@code host a or b}). */
    private CaptureFilter.Role lastOperand;

    private boolean linkLevel;
    private boolean arithmetic;

    FilterScanner(Args args) {
        this.args = args;
    }

    /** Takes the word {@code args} returned last. */
    void word(String word) throws UsageException {
        words.add(word);
        for (String token : split(word)) {
            token(token);
        }
    }

    CaptureFilter result() {
        return new CaptureFilter(String.join(" ", words), tokens);
    }

    private void token(String t) throws UsageException {
        String lower = t.toLowerCase(Locale.ROOT);
        if (t.equals("(") || t.equals(")")) {
            add(t, CaptureFilter.Role.WORD);
            return;
        }
        if (OPERATORS.contains(lower)) {
            if (expect == Expect.AFTER_DIRECTION && (lower.equals("or") || lower.equals("and"))) {
                expect = Expect.DIRECTION_AFTER_CONJUNCTION; // "src or dst port 53"
            } else {
                expect = Expect.NONE;
            }
            arithmetic = false;
            add(t, CaptureFilter.Role.WORD);
            return;
        }
        switch (expect) {
            case HOST -> {
                operand(t, linkLevel ? CaptureFilter.Role.WORD : CaptureFilter.Role.HOST);
                return;
            }
            case PORT -> {
                operand(t, CaptureFilter.Role.PORT);
                return;
            }
            case OPERAND -> {
                operand(t, CaptureFilter.Role.WORD);
                return;
            }
            case OPTIONAL_NUMBER -> {
                expect = Expect.NONE;
                if (t.matches("\\d+")) {
                    add(t, CaptureFilter.Role.WORD);
                    return;
                }
            }
            default -> {}
        }
        if (HOST_QUALIFIERS.contains(lower)) {
            expect = Expect.HOST;
        } else if (lower.equals("port")) {
            expect = Expect.PORT;
        } else if (DIRECTIONS.contains(lower)) {
            expect = Expect.AFTER_DIRECTION;
        } else if (LINK_QUALIFIERS.contains(lower)) {
            linkLevel = true;
        } else if (OPERAND_QUALIFIERS.contains(lower)) {
            expect = Expect.OPERAND;
        } else if (OPTIONAL_NUMBER.contains(lower)) {
            expect = Expect.OPTIONAL_NUMBER;
        } else if (KEYWORDS.contains(lower)) {
            if (lower.equals("len")) {
                arithmetic = true;
            }
        } else {
            bare(t);
            return;
        }
        add(t, CaptureFilter.Role.WORD);
    }

    /** A word that is no keyword: an operand whose kind depends on what came before. */
    private void bare(String t) throws UsageException {
        if (expect == Expect.AFTER_DIRECTION || expect == Expect.DIRECTION_AFTER_CONJUNCTION) {
            operand(t, linkLevel ? CaptureFilter.Role.WORD : CaptureFilter.Role.HOST); // "src 10.0.0.1"
        } else if (arithmetic || !t.matches("[\\p{L}\\p{N}_.:%-]+") || t.contains("/")) {
            arithmetic = arithmetic || t.matches(".*[\\[\\]=<>&|+*].*");
            add(t, CaptureFilter.Role.WORD); // tcp[13] & 2 != 0, 10.0.0.0/8
        } else if (lastOperand != null) {
            operand(t, lastOperand);
        } else if (t.matches("\\d+")) {
            add(t, CaptureFilter.Role.WORD);
        } else {
            operand(t, CaptureFilter.Role.HOST); // libpcap reads a bare name as "host NAME"
        }
    }

    private void operand(String t, CaptureFilter.Role role) throws UsageException {
        String value = switch (role) {
            case HOST -> args.host(t);
            case PORT -> String.valueOf(args.port(t));
            case WORD -> t;
        };
        tokens.add(new CaptureFilter.Token(t, role, role == CaptureFilter.Role.HOST && args.template() ? t : value));
        lastOperand = role;
        expect = Expect.NONE;
        linkLevel = false;
    }

    private void add(String t, CaptureFilter.Role role) {
        tokens.add(new CaptureFilter.Token(t, role, t));
    }

    /** Splits a word into tokens: whitespace separates, parentheses and a leading {@code !} stand alone. */
    static List<String> split(String word) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean bang = c == '!' && cur.isEmpty() && (i + 1 >= word.length() || word.charAt(i + 1) != '=');
            if (Character.isWhitespace(c) || c == '(' || c == ')' || bang) {
                if (!cur.isEmpty()) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                if (!Character.isWhitespace(c)) {
                    out.add(String.valueOf(c));
                }
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }
}

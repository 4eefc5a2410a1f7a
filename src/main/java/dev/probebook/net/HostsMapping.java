package dev.probebook.net;

import dev.probebook.command.HostSyntax;
import dev.probebook.command.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A validated mapping to write into the hosts file: an address literal and the names, in the form the
 * file needs. Validation is strict because the text goes into a system file that every program on the
 * host reads: nothing can add a second line, a comment or an extra field.
 *
 * @param names the names as written to the file: IDN names in their ASCII form ({@code xn--...}), because
 *              resolvers look that form up; lower case; duplicates removed
 * @param given the names as the caller gave them, in the same order (for messages)
 */
record HostsMapping(String address, List<String> names, List<String> given) {

    static final int MAX_NAMES = 32;

    HostsMapping {
        names = List.copyOf(names);
        given = List.copyOf(given);
    }

    /** Validates; the message of the exception says what is wrong and what would work. */
    static HostsMapping of(String address, List<String> names) {
        String a = validAddress(address);
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException(
                    "no host name: a hosts line is ADDRESS NAME [ALIAS...], e.g. " + HostsLine.EXAMPLE);
        }
        if (names.size() > MAX_NAMES) {
            throw new IllegalArgumentException(names.size() + " names: at most " + MAX_NAMES + " on one hosts line");
        }
        Map<String, String> byKey = new LinkedHashMap<>(); // key -> the given spelling
        List<String> ascii = new ArrayList<>();
        for (String name : names) {
            String n = validName(name);
            if (byKey.putIfAbsent(key(n), name) == null) {
                ascii.add(n);
            }
        }
        return new HostsMapping(a, ascii, List.copyOf(byKey.values()));
    }

    String line() {
        return address + " " + String.join(" ", names);
    }

    boolean isIpv4() {
        return HostSyntax.isIpv4(address);
    }

    /** Whether the file's entry names one of these names (in either IDN form, any case, trailing dot or not). */
    boolean names(String fileName) {
        String k = key(fileName);
        return names.stream().anyMatch(n -> HostsFile.normalise(n).equals(k)); // names are ASCII already
    }

    /**
     * The comparison key of a name: its ASCII form in lower case without a trailing dot, so that
     * {@code 한국.example} in the file matches {@code xn--3e0b707e.example}. A name in the file that is not
     * a valid host name keeps its own spelling.
     */
    static String key(String name) {
        if (name.chars().allMatch(c -> c < 0x80)) {
            return HostsFile.normalise(name); // IDN conversion leaves ASCII as it is; most names, and it is cheap
        }
        try {
            return HostsFile.normalise(HostSyntax.validate(name));
        } catch (UsageException e) {
            return HostsFile.normalise(name);
        }
    }

    private static String validAddress(String address) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException(
                    "no address: a hosts line is ADDRESS NAME [ALIAS...], e.g. " + HostsLine.EXAMPLE);
        }
        checkCharacters(address, "address");
        if (address.contains("%")) {
            throw new IllegalArgumentException("'" + address + "' has a zone ("
                    + address.substring(address.indexOf('%')) + "): the hosts file takes a plain IPv4 or IPv6 address");
        }
        if (!HostSyntax.isIpLiteral(address)) {
            throw new IllegalArgumentException(
                    "'" + address + "' is not an IP address: the hosts file maps names to an IPv4"
                            + " or IPv6 address, e.g. " + HostsLine.EXAMPLE);
        }
        return address.toLowerCase(Locale.ROOT);
    }

    private static String validName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an empty host name");
        }
        checkCharacters(name, "host name");
        if (HostSyntax.isIpLiteral(name)) {
            throw new IllegalArgumentException(
                    "'" + name + "' is an address, not a host name: a hosts line is ADDRESS NAME" + " [ALIAS...], e.g. "
                            + HostsLine.EXAMPLE);
        }
        try {
            return HostSyntax.validate(name);
        } catch (UsageException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** What could break the line: a line break or other control character, a blank, a comment sign. */
    private static void checkCharacters(String s, String what) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String why = Character.isISOControl(c)
                    ? String.format(Locale.ROOT, "a control character (U+%04X)", (int) c)
                    : Character.isWhitespace(c) || Character.isSpaceChar(c)
                            ? "a blank" + (what.equals("host name") ? ": give each name on its own" : "")
                            : c == '#' ? "'#', which starts a comment in the hosts file" : null;
            if (why != null) {
                throw new IllegalArgumentException(
                        "the " + what + " '" + s.replaceAll("\\p{Cntrl}", "?") + "' contains " + why);
            }
        }
    }
}

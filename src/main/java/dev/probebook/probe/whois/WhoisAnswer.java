package dev.probebook.probe.whois;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One whois server's answer, read for what operators look for: a referral to the server that knows more, whether
 * the object exists at all, and the registration (registrar, expiry, name servers) or the address block (network
 * name, holder, country). Whois has no schema; the field names here are those the registries and registrars in use
 * print, the Korean registry's included.
 */
record WhoisAnswer(String server, List<String> lines) {

    WhoisAnswer {
        lines = List.copyOf(lines);
    }

    /** Where to ask next: IANA's {@code refer:}, a thin registry's registrar server, ARIN's {@code ReferralServer}. */
    record Referral(String host, int port, boolean announced) {}

    private static final Pattern IANA_REFER = Pattern.compile("(?i)^refer:\\s*(\\S+)\\s*$");
    private static final Pattern REGISTRAR_SERVER =
            Pattern.compile("(?i)^\\s*Registrar WHOIS Server:\\s*(?:whois://)?([A-Za-z0-9.-]+)\\s*$");
    private static final Pattern REFERRAL_SERVER =
            Pattern.compile("(?i)^\\s*ReferralServer:\\s*whois://([A-Za-z0-9.-]+)(?::(\\d+))?/?\\s*$");

    private static final List<String> NOT_FOUND = List.of(
            "no match for",
            "domain not found",
            "object not found",
            "no entries found",
            "no data found",
            "no matching record",
            "the queried object does not exist",
            "no object found",
            "is available for registration",
            "status: free",
            "status: available",
            "not registered",
            "no information available");

    private static final List<String> RATE_LIMITED =
            List.of("limit exceeded", "query rate", "exceeded the maximum", "too many queries", "try again later");

    /** IANA's referral: followed only when Probebook chose IANA itself (whois -h asks only the server named). */
    Optional<Referral> ianaReferral() {
        return first(IANA_REFER).map(host -> new Referral(host, 0, false));
    }

    /** A registry that points to the registrar's server, or ARIN's referral to another registry. */
    Optional<Referral> onwardReferral() {
        for (String line : lines) {
            Matcher arin = REFERRAL_SERVER.matcher(line);
            if (arin.matches()) {
                return Optional.of(
                        new Referral(arin.group(1), arin.group(2) == null ? 0 : Integer.parseInt(arin.group(2)), true));
            }
            Matcher registrar = REGISTRAR_SERVER.matcher(line);
            if (registrar.matches() && !registrar.group(1).equalsIgnoreCase(server)) {
                return Optional.of(new Referral(registrar.group(1), 0, false));
            }
        }
        return Optional.empty();
    }

    boolean notFound() {
        return lines.stream()
                .map(l -> l.toLowerCase(Locale.ROOT))
                .filter(l -> !l.startsWith("%") && !l.startsWith("#") && !l.startsWith(">>>"))
                .anyMatch(l ->
                        l.strip().startsWith("not found") || NOT_FOUND.stream().anyMatch(l::contains));
    }

    boolean rateLimited() {
        return lines.stream()
                .map(l -> l.toLowerCase(Locale.ROOT))
                .anyMatch(l -> RATE_LIMITED.stream().anyMatch(l::contains));
    }

    String registrar() {
        return value("Registrar", "Sponsoring Registrar", "registrar", "등록대행자", "Authorized Agency");
    }

    /** The expiry date as written, or null. */
    String expiry() {
        return value(
                "Registry Expiry Date",
                "Registrar Registration Expiration Date",
                "Expiration Date",
                "Expiry Date",
                "Expiration Time",
                "expire",
                "expires",
                "paid-till",
                "사용 종료일");
    }

    List<String> nameServers() {
        Set<String> found = new LinkedHashSet<>();
        for (String line : lines) {
            String v = valueOf(line, "Name Server", "nserver", "Nameservers", "1차 네임서버", "2차 네임서버", "Host Name");
            if (v != null && !v.isBlank()) {
                found.add(v.split("\\s+")[0].toLowerCase(Locale.ROOT).replaceFirst("\\.$", ""));
            }
        }
        return List.copyOf(found);
    }

    String network() {
        return value("NetName", "netname");
    }

    String range() {
        return value("NetRange", "inetnum", "CIDR", "inet6num", "IPv4주소");
    }

    String holder() {
        return value("OrgName", "org-name", "Organization", "descr", "owner", "기관명");
    }

    String country() {
        return value("Country", "country");
    }

    /** The first value of any of these fields, in the order the fields are given. */
    private String value(String... fields) {
        for (String field : fields) {
            for (String line : lines) {
                String v = valueOf(line, field);
                if (v != null && !v.isBlank()) {
                    return v.strip();
                }
            }
        }
        return null;
    }

    /** The value of {@code Field: value} (or Korean {@code 필드 : 값}) when the line is one of these fields. */
    private static String valueOf(String line, String... fields) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String name = line.substring(0, colon).strip();
        for (String field : fields) {
            if (name.equalsIgnoreCase(field)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    private Optional<String> first(Pattern p) {
        for (String line : lines) {
            Matcher m = p.matcher(line);
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("yyyy. MM. dd.", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy.MM.dd", Locale.ROOT),
            DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT));

    /** The date of an expiry as registries write it ({@code 2027-08-13T04:00:00Z}, {@code 2027. 08. 13.}). */
    static Optional<LocalDate> date(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher iso = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})").matcher(text);
        if (iso.find()) {
            try {
                return Optional.of(LocalDate.parse(iso.group(1)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        String t = text.strip();
        for (DateTimeFormatter f : DATES) {
            try {
                return Optional.of(LocalDate.parse(t, f));
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return Optional.empty();
    }

    /** Lines of text from the answer's bytes (whois has no charset: UTF-8, else EUC-KR, else Latin-1). */
    static List<String> lines(byte[] bytes) {
        String text = Charsets.decode(bytes);
        List<String> out = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!out.isEmpty() && out.getLast().isEmpty()) {
            out.removeLast();
        }
        return out;
    }
}

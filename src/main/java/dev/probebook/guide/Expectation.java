package dev.probebook.guide;

import dev.probebook.probe.Verdict;
import dev.probebook.step.StepOutcome;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a step of a runbook should show when it goes as intended. Written in the runbook in one of two ways that other
 * Markdown viewers still render cleanly:
 *
 * <ul>
 *   <li>an attribute on the code fence: {@code ```bash {expect=fail}} or {@code {expect="refused"}};
 *   <li>an HTML comment on the line before the fence: {@code <!-- expect: refused -->}.
 * </ul>
 *
 * The value is a verdict ({@code ok}, {@code warn}, {@code fail}, {@code error}; several with {@code |}), or else
 * words the result must hold, in its summary or output, case-insensitively ({@code refused}, {@code timed out},
 * {@code expired}; alternatives with {@code |}). Without an expectation a step passes when it ends ok or warn.
 */
public sealed interface Expectation {

    /** ok or warn: what a step expects when its author wrote nothing. */
    Expectation DEFAULT = new VerdictIn(EnumSet.of(Verdict.OK, Verdict.WARN));

    /** Whether this outcome is what was expected. */
    boolean met(StepOutcome outcome);

    /** The expectation in words, for the learner ("ends fail", "shows 'refused'"). */
    String describe();

    /** The step must end with one of these verdicts. */
    record VerdictIn(Set<Verdict> verdicts) implements Expectation {
        public VerdictIn {
            verdicts = Set.copyOf(verdicts);
        }

        @Override
        public boolean met(StepOutcome outcome) {
            return verdicts.contains(outcome.verdict());
        }

        @Override
        public String describe() {
            return "ends "
                    + String.join(
                            " or ",
                            verdicts.stream().sorted().map(Verdict::label).toList());
        }
    }

    /** The step's summary or output must hold one of these phrases (written {@code "refused|timed out"}). */
    record Shows(List<String> anyOf) implements Expectation {
        public Shows {
            anyOf = List.copyOf(anyOf);
        }

        public Shows(String words) {
            this(List.of(words));
        }

        @Override
        public boolean met(StepOutcome outcome) {
            for (String words : anyOf) {
                String want = words.toLowerCase(Locale.ROOT);
                if (outcome.summary() != null
                        && outcome.summary().toLowerCase(Locale.ROOT).contains(want)) {
                    return true;
                }
                if (outcome.runs().stream()
                        .flatMap(r -> r.output().stream())
                        .anyMatch(line -> line.toLowerCase(Locale.ROOT).contains(want))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return "shows "
                    + String.join(" or ", anyOf.stream().map(w -> "'" + w + "'").toList());
        }
    }

    /** An expectation that could not be read: reported in the editor, ignored on the page. */
    record Unreadable(String written, String problem) implements Expectation {
        @Override
        public boolean met(StepOutcome outcome) {
            return DEFAULT.met(outcome);
        }

        @Override
        public String describe() {
            return DEFAULT.describe();
        }
    }

    Pattern FENCE = Pattern.compile("\\{[^}]*?\\bexpect\\s*=\\s*(\"([^\"]*)\"|([^\\s}]*))[^}]*}");
    Pattern COMMENT = Pattern.compile("^\\s*<!--\\s*expect\\s*:\\s*(.*?)\\s*-->\\s*$");

    /** The expectation in a fence's info string, or null when it has none. */
    static Expectation fromFenceInfo(String info) {
        if (info == null || !info.contains("expect")) {
            return null;
        }
        Matcher m = FENCE.matcher(info);
        if (!m.find()) {
            return new Unreadable(info, "write it as {expect=VALUE}, e.g. {expect=fail} or {expect=\"refused\"}");
        }
        return parse(m.group(2) != null ? m.group(2) : m.group(3));
    }

    /** The expectation in an HTML comment line ({@code <!-- expect: refused -->}), or null when it is none. */
    static Expectation fromComment(String line) {
        Matcher m = COMMENT.matcher(line);
        return m.matches() ? parse(m.group(1)) : null;
    }

    /** A value: verdicts joined by {@code |}, or words. */
    static Expectation parse(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return new Unreadable(String.valueOf(value), "the expectation is empty: give a verdict or words");
        }
        Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        List<String> words = new ArrayList<>();
        for (String part : v.split("\\|")) {
            String p = part.strip();
            if (p.isEmpty()) {
                return new Unreadable(v, "an empty alternative between '|'");
            }
            Verdict found = null;
            for (Verdict verdict : Verdict.values()) {
                if (verdict.label().equals(p.toLowerCase(Locale.ROOT))) {
                    found = verdict;
                }
            }
            if (found == null) {
                words.add(p);
            } else {
                verdicts.add(found);
            }
        }
        if (!verdicts.isEmpty() && !words.isEmpty()) {
            return new Unreadable(
                    v, "give verdicts (ok, warn, fail, error, skipped) or words, not both: '" + words.get(0) + "'");
        }
        return verdicts.isEmpty() ? new Shows(words) : new VerdictIn(verdicts);
    }
}

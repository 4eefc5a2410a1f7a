package dev.probebook.registry;

import dev.probebook.command.Args;
import dev.probebook.command.Placeholder;
import dev.probebook.command.UsageException;
import dev.probebook.probe.CommandParser;
import dev.probebook.probe.FreeFormProbe;
import dev.probebook.probe.ParsedCommand;
import dev.probebook.probe.Probe;
import dev.probebook.settings.SettingsSection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue: which probe understands which command word. Several probes may share a word
 * ({@code curl}: {@code public-ip} before {@code http}); the first that {@link Probe#claims claims} the
 * form parses it. Probes are stateless, so one registry serves every thread.
 */
public final class ProbeRegistry implements CommandParser {

    /** A recognised command: the parsed command and the informal placeholders found while parsing. */
    public record Recognised(ParsedCommand<?> command, List<Placeholder> informalPlaceholders) {}

    private final Map<String, Probe<?>> byName = new LinkedHashMap<>();
    private final Map<String, List<Probe<?>>> byWord = new LinkedHashMap<>();
    private final List<Probe<?>> freeForm = new ArrayList<>();

    public ProbeRegistry(Collection<? extends Probe<?>> probes) {
        for (Probe<?> p : probes) {
            if (byName.putIfAbsent(p.name(), p) != null) {
                throw new IllegalArgumentException("duplicate probe name " + p.name());
            }
            for (String w : p.commandWords()) {
                byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(p);
            }
            if (p instanceof FreeFormProbe) {
                freeForm.add(p);
            }
        }
    }

    /** The standard catalogue, in the order that resolves shared words. */
    public static ProbeRegistry standard() {
        return new ProbeRegistry(StandardProbes.all());
    }

    /** Every settings section the probes read, each once, in catalogue order. */
    public List<SettingsSection<?>> settingsSections() {
        return byName.values().stream()
                .flatMap(p -> p.settings().stream())
                .distinct()
                .toList();
    }

    public Collection<Probe<?>> probes() {
        return byName.values();
    }

    public Optional<Probe<?>> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean knowsWord(String word) {
        return byWord.containsKey(word);
    }

    /**
     * The command word {@code word} was probably meant to be ({@code tcpnig}: {@code tcping}), or empty: one edit
     * away for words of up to five letters, two for longer ones; never for a word Probebook knows or one shorter
     * than three letters. Ties go to the catalogue's order.
     */
    public Optional<String> nearestWord(String word) {
        if (word.length() < 3 || knowsWord(word) || !word.matches("[a-z][a-z0-9.-]*")) {
            return Optional.empty();
        }
        int allowed = word.length() <= 5 ? 1 : 2;
        String best = null;
        int bestDistance = allowed + 1;
        for (String known : byWord.keySet()) {
            if (known.length() < 3) {
                continue;
            }
            int d = EditDistance.between(word, known);
            if (d < bestDistance) {
                best = known;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Why Probebook does not run {@code word}, with the nearest known command when it looks like a typo. */
    public String unknownWord(String word) {
        return "'" + word + "' is not a command Probebook knows"
                + nearestWord(word).map(n -> ": did you mean '" + n + "'?").orElse("; run it in a shell");
    }

    /**
     * Parses {@code words} (command word first). Returns empty when no probe knows the command word or
     * claims the form; throws when a probe claims it but the arguments do not parse.
     *
     * <p>When no probe knows the first word at all, the {@link FreeFormProbe}s are asked in catalogue
     * order (a hosts-file line {@code 10.0.0.5 app} has an address where the command word stands). They
     * are not asked when a probe knows the word but declines the form.
     */
    public Optional<Recognised> recognise(List<String> words, Args.Mode mode) throws UsageException {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String word = words.get(0);
        List<String> rest = words.subList(1, words.size());
        List<Probe<?>> sharing = byWord.get(word);
        if (sharing == null) {
            for (Probe<?> p : freeForm) {
                if (((FreeFormProbe) p).claimsLine(words)) {
                    return Optional.of(recognised(p, word, rest, mode));
                }
            }
            return Optional.empty();
        }
        for (Probe<?> p : sharing) {
            if (p.claims(word, rest)) {
                return Optional.of(recognised(p, word, rest, mode));
            }
        }
        return Optional.empty();
    }

    private static Recognised recognised(Probe<?> p, String word, List<String> rest, Args.Mode mode)
            throws UsageException {
        Args args = new Args(rest, mode);
        ParsedCommand<?> parsed = parse(p, word, args);
        return new Recognised(parsed, args.informalPlaceholders());
    }

    /** Parses a concrete line strictly; throws when no probe takes it or its arguments do not parse. */
    @Override
    public ParsedCommand<?> parse(List<String> words) throws UsageException {
        return recognise(words, Args.Mode.RUN)
                .orElseThrow(() -> new UsageException(
                        "'" + (words.isEmpty() ? "" : words.get(0)) + "' is not a command Probebook knows"))
                .command();
    }

    /** Name of the probe that takes this form of the command (claims it), even when its arguments do not parse. */
    public Optional<String> claimant(List<String> words) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        List<String> rest = words.subList(1, words.size());
        for (Probe<?> p : byWord.getOrDefault(words.get(0), List.of())) {
            if (p.claims(words.get(0), rest)) {
                return Optional.of(p.name());
            }
        }
        return Optional.empty();
    }

    private static <C> ParsedCommand<C> parse(Probe<C> probe, String word, Args args) throws UsageException {
        C command = probe.parse(word, args);
        return new ParsedCommand<>(probe, word, command);
    }
}

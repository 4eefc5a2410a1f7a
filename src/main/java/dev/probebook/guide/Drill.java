package dev.probebook.guide;

import dev.probebook.runbook.FrontMatter;
import dev.probebook.runbook.Prose;
import dev.probebook.runbook.Runbook;
import dev.probebook.step.StepOutcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A drill: a runbook to follow against a practice-lab target with a hidden fault, then a diagnosis picked from the
 * runbook's own troubleshooting options. Written as a Markdown file in the runbooks folder whose front matter says
 * {@code kind: drill}; its body is the situation as the learner hears it.
 *
 * <pre>
 * ---
 * kind: drill
 * title: "The API port does not answer"
 * runbook: network-connectivity.en      # the runbook to follow
 * fault: dropped                        # the lab scenario bound to its variables
 * answer: dropped                       # the right option's id
 * options:
 *   - refused: "Connection refused: nothing listens on the port, or a firewall rejects"
 *   - dropped: "Timed out: a firewall on the way drops the SYN"
 * evidence:                             # what the runs must have shown (expectations, see Expectation)
 *   - "timed out"
 * explanation: "Only SYNs left, nothing came back: ..."
 * ---
 * </pre>
 *
 * A diagnosis passes when it is the answer and, for each evidence item, at least one of the learner's runs in this
 * drill met it: the right guess without having looked is not a pass.
 *
 * @param problems what is wrong with the file (missing keys, an answer that is not an option), for the editor; a
 *                 drill with problems cannot be started
 */
public record Drill(
        String name,
        String title,
        String runbook,
        String fault,
        String answer,
        List<Option> options,
        List<Expectation> evidence,
        String explanation,
        String situationHtml,
        List<String> problems) {

    public Drill {
        options = List.copyOf(options);
        evidence = List.copyOf(evidence);
        problems = List.copyOf(problems);
    }

    /** One diagnosis the learner may pick. */
    public record Option(String id, String text) {}

    /** How a diagnosis went: right or not, and the evidence the runs did not show. */
    public record Result(boolean rightAnswer, List<Expectation> missingEvidence, String explanation) {
        public boolean passed() {
            return rightAnswer && missingEvidence.isEmpty();
        }
    }

    public static boolean isDrill(FrontMatter front) {
        return "drill".equalsIgnoreCase(front.string("kind"));
    }

    /** The drill a runbook file describes. */
    public static Drill of(String name, Runbook file) {
        FrontMatter front = file.frontMatter();
        List<String> problems = new ArrayList<>();
        String runbook = required(front, "runbook", problems);
        String fault = required(front, "fault", problems);
        String answer = required(front, "answer", problems);
        List<Option> options = options(front.values().get("options"), problems);
        if (answer != null && options.stream().noneMatch(o -> o.id().equals(answer))) {
            problems.add("the answer '" + answer + "' is not one of the options");
        }
        if (options.size() < 2) {
            problems.add("a drill needs at least two options to choose from");
        }
        List<Expectation> evidence = new ArrayList<>();
        Object written = front.values().get("evidence");
        if (written instanceof Collection<?> items) {
            for (Object item : items) {
                Expectation e = Expectation.parse(String.valueOf(item));
                if (e instanceof Expectation.Unreadable u) {
                    problems.add("evidence '" + u.written() + "': " + u.problem());
                } else {
                    evidence.add(e);
                }
            }
        } else if (written != null) {
            Expectation e = Expectation.parse(written.toString());
            if (e instanceof Expectation.Unreadable u) {
                problems.add("evidence '" + u.written() + "': " + u.problem());
            } else {
                evidence.add(e);
            }
        }
        String situation = file.parts().stream()
                .filter(p -> p instanceof Prose)
                .map(p -> ((Prose) p).html())
                .collect(Collectors.joining("\n"));
        String title = file.title() == null || file.title().isBlank() ? name : file.title();
        return new Drill(
                name,
                title,
                runbook,
                fault,
                answer,
                options,
                evidence,
                front.string("explanation"),
                situation,
                problems);
    }

    /** Judges a diagnosis against the runs made during the drill. */
    public Result judge(String chosen, List<StepOutcome> runs) {
        List<Expectation> missing =
                evidence.stream().filter(e -> runs.stream().noneMatch(e::met)).toList();
        return new Result(answer != null && answer.equals(chosen), missing, explanation);
    }

    private static String required(FrontMatter front, String key, List<String> problems) {
        String v = front.string(key);
        if (v == null) {
            problems.add("the front matter needs '" + key + ":'");
        }
        return v;
    }

    /** Options as a list of one-key maps ({@code - refused: "text"}) or of {@code {id: , text: }} maps. */
    private static List<Option> options(Object written, List<String> problems) {
        List<Option> out = new ArrayList<>();
        if (!(written instanceof Collection<?> items)) {
            problems.add("the front matter needs 'options:', a list of '- id: text'");
            return out;
        }
        for (Object item : items) {
            if (item instanceof Map<?, ?> m && m.containsKey("id")) {
                out.add(new Option(String.valueOf(m.get("id")), String.valueOf(m.get("text"))));
            } else if (item instanceof Map<?, ?> m && m.size() == 1) {
                Map.Entry<?, ?> e = m.entrySet().iterator().next();
                out.add(new Option(String.valueOf(e.getKey()), String.valueOf(e.getValue())));
            } else {
                problems.add("option '" + item + "' should be written as '- id: text'");
            }
        }
        return out;
    }
}

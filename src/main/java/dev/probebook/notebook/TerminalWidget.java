package dev.probebook.notebook;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.dom.Element;
import dev.probebook.access.Actor;
import dev.probebook.access.HostsWrites;
import dev.probebook.plan.CommandBinder;
import dev.probebook.plan.PlannedBlock;
import dev.probebook.plan.PlannedCommand;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.probe.Verdict;
import dev.probebook.probe.shell.NotRunProbe;
import dev.probebook.step.StepCommand;
import dev.probebook.step.StepCommands;
import dev.probebook.step.StepListener;
import dev.probebook.step.StepOutcome;
import dev.probebook.step.StepRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jsoup.nodes.Entities;

/**
 * A terminal for one runbook step (or the free terminal): an editable prompt, Run and Stop, output
 * streamed live, then the verdict badge with summary and elapsed time, the structured view and which
 * documented example the output resembles.
 *
 * <p>Test contract: the root carries {@code data-step} and {@code data-probe}, the output {@code <pre>}
 * carries {@code data-output}, the badge gets {@code data-verdict} when a run ends; the buttons' accessible
 * names are "Run" and "Stop" in every UI language.
 *
 * <p>Weight: a page may hold hundreds of these, so the widget is made of plain HTML elements (an
 * {@code <input>}, {@code <button>}s, a {@code <select>}), not Vaadin's web components, and its output area is
 * created by the first run. A {@link #lazy} widget shows only its command until it scrolls into view
 * ({@code pb-visible}, sent by the page's observer) or is first used; then it builds itself.
 *
 * <p>Threading: probes run on the engine's threads; their events reach this widget only through
 * {@link OutputBatcher} and {@code UI.access}. The UI thread never waits for a probe. Detaching the widget
 * (tab closed, navigation) stops its run.
 */
public final class TerminalWidget extends Composite<Div> {

    private final StepStarter runner;
    private final CommandBinder binder;
    private final RunbookPlan plan;
    private final PlannedBlock step;
    private final Supplier<Map<String, String>> values;
    private final List<LooksLike.Example> examples;

    private static final DetailViews DETAIL_VIEWS = DetailViews.standard();

    private final Input prompt = new Input(ValueChangeMode.EAGER);
    private final Element alternatives = new Element("select");
    private final NativeButton run = new NativeButton();
    private final NativeButton stop = new NativeButton();
    /** Output, badge, summary and the rest: made by the first run (most steps on a page never run). */
    private RunArea area;

    private final List<String> history = new ArrayList<>();
    private int historyIndex;
    private boolean alternativeChosenByUser;
    private int alternative;
    private boolean built;
    private String readOnlyRole;
    private StepRun execution;
    private StepHistory stepHistory;
    private HostsWrites hostsWrites;
    private Actor actor;
    private Consumer<StepOutcome> whenFinished = outcome -> {};
    /** The free terminal's earlier runs (made by the second run), and the command of the run shown now. */
    private Div scrollback;

    private String lastCommand = "";
    /** Whether Run all runs this step: on, except for steps that leave the machine for the internet. */
    private boolean included;
    /** Completes at a run's first output line (or its end): a background capture is listening by then. */
    private CompletableFuture<Void> firstOutput = CompletableFuture.completedFuture(null);

    private TerminalWidget(
            StepStarter runner,
            CommandBinder binder,
            RunbookPlan plan,
            PlannedBlock step,
            Supplier<Map<String, String>> values,
            List<LooksLike.Example> examples) {
        this.runner = runner;
        this.binder = binder;
        this.plan = plan;
        this.step = step;
        this.values = values;
        this.examples = examples;
        Div root = getContent();
        root.addClassName("terminal");
        root.getElement().setAttribute("data-step", step == null ? "free" : String.valueOf(step.line()));
        root.getElement().setAttribute("data-probe", step == null ? "none" : mainProbe());
        if (step != null) {
            root.setId("step-" + step.line());
            alternative = step.alternativeFor(values.get());
            included = !leavesTheMachine();
        }
        addDetachListener(e -> stop());
    }

    /** A widget for a runbook step; {@code values} gives the page's current variable values. */
    public static TerminalWidget forStep(
            StepStarter runner,
            CommandBinder binder,
            RunbookPlan plan,
            PlannedBlock step,
            Supplier<Map<String, String>> values,
            List<LooksLike.Example> examples) {
        TerminalWidget w = new TerminalWidget(runner, binder, plan, step, values, examples);
        w.build();
        return w;
    }

    /**
     * A step widget that shows only its command (marked {@code data-lazy}) until it is built: when the page's
     * observer says it came near the screen ({@code pb-visible}) or when something starts it (Run all).
     */
    public static TerminalWidget lazy(
            StepStarter runner,
            CommandBinder binder,
            RunbookPlan plan,
            PlannedBlock step,
            Supplier<Map<String, String>> values,
            List<LooksLike.Example> examples) {
        TerminalWidget w = new TerminalWidget(runner, binder, plan, step, values, examples);
        w.getContent().getElement().setAttribute("data-lazy", "");
        Pre preview = new Pre("$ " + w.templateOf(w.alternative));
        preview.addClassNames("code", "preview");
        w.getContent().add(preview);
        w.getContent().getElement().addEventListener("pb-visible", e -> w.build());
        return w;
    }

    /** The free terminal: an empty prompt with history, under the session's earlier runs. */
    public static TerminalWidget free(StepStarter runner, CommandBinder binder) {
        TerminalWidget w = new TerminalWidget(runner, binder, null, null, Map::of, List.of());
        w.build();
        for (Scrollback.Entry e : Scrollback.ofSession().entries()) {
            RunArea earlier = new RunArea();
            earlier.append(e.output());
            earlier.verdict(e.verdict(), e.summary(), e.elapsedMs() + " ms");
            w.keepInScrollback(e.command(), earlier);
            w.history.add(e.command());
        }
        w.historyIndex = w.history.size();
        return w;
    }

    /** Builds the widget (once; a lazy one replaces its preview). */
    private void build() {
        if (built) {
            return;
        }
        built = true;
        Div root = getContent();
        root.removeAll();
        root.getElement().removeAttribute("data-lazy");
        Div bar = new Div();
        bar.addClassName("prompt-bar");
        if (step != null && !runnable()) {
            Pre code = new Pre(step.code().text());
            code.addClassName("code");
            String reason = step.commands().stream()
                    .map(PlannedCommand::reason)
                    .filter(r -> r != null)
                    .findFirst()
                    .orElse(NotRunProbe.reason(step.commands().stream()
                            .findFirst()
                            .map(c -> c.text().split(" ")[0])
                            .orElse("")));
            Div why = new Div(getTranslation("widget.not-runnable") + " "
                    + KoreanSummaries.forPage(getLocale(), reason.replaceFirst("^not run: ", "")));
            why.addClassName("not-runnable");
            why.getElement().setAttribute("data-not-run", "");
            root.add(code, why);
            root.getElement().appendChild(copyButton(step.code().text()));
            return;
        }
        if (step != null && step.alternatives() > 1) {
            alternatives.setAttribute("aria-label", getTranslation("widget.alternative"));
            alternatives.getClassList().add("alternatives");
            for (int a = 0; a < step.alternatives(); a++) {
                Element option = new Element("option").setAttribute("value", String.valueOf(a));
                option.setText(templateOf(a));
                alternatives.appendChild(option);
            }
            showAlternative();
            alternatives.addPropertyChangeListener("value", "change", e -> {
                if (e.isUserOriginated()) {
                    alternativeChosenByUser = true;
                    alternative = parseAlternative(String.valueOf(e.getValue()));
                    prompt.setValue(templateOf(alternative));
                }
            });
            bar.getElement().appendChild(alternatives);
        }
        prompt.getElement().setAttribute("spellcheck", "false");
        prompt.getElement().setAttribute("autocapitalize", "off");
        prompt.getElement().setAttribute("autocomplete", "off");
        prompt.getElement().setAttribute("aria-label", "command");
        if (step != null) {
            prompt.setValue(templateOf(alternative));
            prompt.getElement().setAttribute("title", templateOf(alternative)); // a long command, whole on hover
            if (templateOf(alternative).length() > LONG_COMMAND) {
                bar.addClassName("long"); // the prompt takes the whole line, the buttons go under it
            }
        }
        // One listener for the keys a terminal knows (Korean input: no Enter while a syllable is being composed).
        prompt.getElement()
                .addEventListener(
                        "keydown", e -> key(e.getEventData().get("event.key").asString()))
                .addEventData("event.key")
                .setFilter("(event.key === 'Enter' && !event.isComposing) || event.key === 'Escape'"
                        + " || (event.ctrlKey && event.key === 'c')"
                        + (step == null ? " || event.key === 'ArrowUp' || event.key === 'ArrowDown'" : ""));
        Div line = new Div();
        line.addClassName("prompt");
        line.getElement().appendChild(prompt.getElement()); // the "$" before it is CSS
        // labels as HTML, not as text nodes: one node less per button, and a page may hold hundreds
        run.getElement().setProperty("innerHTML", Entities.escape(getTranslation("widget.run")));
        run.getElement().setAttribute("aria-label", "Run");
        run.addClassNames("pb-button", "primary");
        run.addClickListener(e -> start());
        stop.getElement().setProperty("innerHTML", Entities.escape(getTranslation("widget.stop")));
        stop.getElement().setAttribute("aria-label", "Stop");
        stop.addClassName("pb-button");
        stop.setEnabled(false);
        stop.addClickListener(e -> stop());
        bar.add(line, run, stop);
        if (step != null) {
            bar.getElement().appendChild(includeBox());
        }
        root.add(bar);
        if (readOnlyRole != null) {
            run.setEnabled(false);
            root.add(readOnlyNote());
        }
        if (step != null && "install".equals(mainProbe())) {
            Div note = new Div(getTranslation("widget.built-in"));
            note.addClassName("built-in");
            root.add(note);
        }
        if (stepHistory != null) {
            root.add(stepHistory);
        }
    }

    /** Copies the step's lines to the clipboard, for a shell: the browser does it, the server never sees it. */
    private Element copyButton(String text) {
        Element copy = new Element("button").setText(getTranslation("widget.copy"));
        copy.getClassList().add("pb-button");
        copy.getClassList().add("inline");
        copy.setAttribute("type", "button");
        copy.setAttribute("data-copy", "");
        copy.executeJs(
                "const text = $0; this.addEventListener('click', () => navigator.clipboard && navigator.clipboard"
                        + ".writeText(text).then(() => { this.dataset.copied = ''; }))",
                text);
        return copy;
    }

    /**
     * The step's switch for Run all ({@code data-include}); a step that leaves the machine for the internet is
     * marked ({@code data-internet}) and starts switched off.
     */
    private Element includeBox() {
        Element box = new Element("input").setAttribute("type", "checkbox").setAttribute("data-include", "");
        if (included) {
            box.setAttribute("checked", "");
        }
        box.setProperty("checked", included);
        box.addPropertyChangeListener("checked", "change", e -> included = box.getProperty("checked", false));
        Element label = new Element("label").appendChild(box, Element.createText(getTranslation("widget.include")));
        label.getClassList().add("include");
        label.setAttribute("title", getTranslation("widget.include-title"));
        if (leavesTheMachine()) {
            Element mark = new Element("span").setText(getTranslation("widget.internet"));
            mark.getClassList().add("internet");
            mark.setAttribute("data-internet", "");
            mark.setAttribute("title", getTranslation("widget.internet-title"));
            label.appendChild(mark);
        }
        return label;
    }

    /** A step whose probe reaches out to the internet (the public-IP check): Run all leaves it out unless chosen. */
    boolean leavesTheMachine() {
        return step != null && "public-ip".equals(mainProbe());
    }

    /** A packet capture: Run all starts it and goes on, so that it sees the packets of the steps after it. */
    boolean background() {
        return step != null && "capture".equals(mainProbe());
    }

    /** Whether Run all runs this step (the reader's choice on the step). */
    boolean included() {
        return included;
    }

    /** Completes at the current run's first output line or its end. */
    CompletableFuture<Void> firstOutput() {
        return firstOutput;
    }

    private void key(String key) {
        switch (key) {
            case "Enter" -> start();
            case "ArrowUp" -> browseHistory(-1);
            case "ArrowDown" -> browseHistory(1);
            default -> stop(); // Escape, Ctrl+C
        }
    }

    private static int parseAlternative(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Selects the current alternative in the page's {@code <select>} (an option's selected attribute survives
     * the first render, where the select's value property might be set before its options exist). */
    private void showAlternative() {
        for (int i = 0; i < alternatives.getChildCount(); i++) {
            Element option = alternatives.getChild(i);
            if (i == alternative) {
                option.setAttribute("selected", "");
            } else {
                option.removeAttribute("selected");
            }
        }
        alternatives.setProperty("value", String.valueOf(alternative));
    }

    /** Shows this step's run history under the terminal, refreshed after each run. */
    TerminalWidget withHistory(StepHistory history) {
        this.stepHistory = history;
        if (built) {
            getContent().add(history);
        }
        return this;
    }

    /** Hears each run's outcome on the UI thread, after the widget has shown it (guided mode checks it). */
    TerminalWidget whenFinished(Consumer<StepOutcome> listener) {
        this.whenFinished = listener;
        return this;
    }

    /** Lets this widget offer the guarded hosts-file write under a dry run (shown only to those allowed). */
    public TerminalWidget hostsWrites(HostsWrites writes, Actor actor) {
        this.hostsWrites = writes;
        this.actor = actor;
        return this;
    }

    /**
     * For users whose role may not run probes: Run is disabled and a note says which role is needed.
     * A courtesy only; the server's gate refuses such runs whatever the page sends.
     */
    public TerminalWidget readOnly(String neededRole) {
        this.readOnlyRole = neededRole;
        if (built) {
            run.setEnabled(false);
            getContent().addComponentAtIndex(1, readOnlyNote());
        }
        return this;
    }

    private Div readOnlyNote() {
        Div note = new Div(getTranslation("widget.read-only", readOnlyRole));
        note.addClassName("read-only");
        note.getElement().setAttribute("data-read-only", "");
        return note;
    }

    /** True when a probe can run at least one command of the step (always for the free terminal). */
    public boolean runnable() {
        return step == null || step.commands().stream().anyMatch(PlannedCommand::runnable);
    }

    public PlannedBlock step() {
        return step;
    }

    /** Puts the step's own command (its current alternative) back into the prompt, whatever was typed over it. */
    void resetToStep() {
        if (step != null && runnable()) {
            prompt.setValue(templateOf(alternative));
        }
    }

    /** The page's variables changed: pick the alternative they bind (unless the user chose one). */
    public void variablesChanged() {
        if (step != null && step.alternatives() > 1 && !alternativeChosenByUser && runnable()) {
            int now = step.alternativeFor(values.get());
            if (now != alternative) {
                boolean showingTemplate = templateOf(alternative).equals(prompt.getValue());
                alternative = now;
                if (built) {
                    showAlternative();
                    if (showingTemplate) {
                        prompt.setValue(templateOf(alternative));
                    }
                }
            }
        }
    }

    private String mainProbe() {
        return step.commands().stream()
                .filter(PlannedCommand::runnable)
                .map(PlannedCommand::probe)
                .findFirst()
                .orElse(
                        step.commands().isEmpty()
                                ? "none"
                                : step.commands().get(0).probe());
    }

    private String templateOf(int alternative) {
        return step.alternative(alternative).stream().map(PlannedCommand::text).collect(Collectors.joining(" ; "));
    }

    /** Starts a single run (UI thread); the future completes on a probe thread when it ends. */
    public CompletableFuture<StepOutcome> start() {
        return start(null);
    }

    /**
     * Starts a run as part of the Run all {@code session} (null: a single run), on the UI thread; the future
     * completes on a probe thread when it ends.
     */
    public CompletableFuture<StepOutcome> start(String session) {
        build();
        if (!run.isEnabled() && (execution == null || execution.done())) {
            return CompletableFuture.completedFuture(nothingRan()); // read only
        }
        if (execution != null && !execution.done()) {
            return execution.outcome();
        }
        UI ui = UI.getCurrent();
        List<StepCommand> commands = commands();
        if (commands.isEmpty()) {
            return CompletableFuture.completedFuture(nothingRan());
        }
        if (area != null && step == null) {
            keepInScrollback(lastCommand, area);
            area = null;
        }
        if (area == null) {
            area = new RunArea();
            getContent().addComponentAtIndex(areaIndex(), area);
        }
        lastCommand = prompt.getValue();
        area.running(getTranslation("widget.running"));
        area.runsAs(runsAs(commands), getTranslation("widget.runs-as"));
        run.setEnabled(false);
        stop.setEnabled(true);
        if (step == null) {
            history.remove(prompt.getValue());
            history.add(prompt.getValue());
            historyIndex = history.size();
        }
        OutputBatcher batcher = new OutputBatcher(ui, this::append);
        CompletableFuture<Void> first = new CompletableFuture<>();
        firstOutput = first;
        // a variable without a value: the page says where to set it (the summary names it, in the CLI's words)
        List<String> unset = commands.stream()
                .filter(c -> c.bound() instanceof CommandBinder.Missing)
                .flatMap(c -> ((CommandBinder.Missing) c.bound()).variables().stream())
                .distinct()
                .toList();
        execution = runner.start(commands, Map.copyOf(values.get()), session, new StepListener() {
            @Override
            public void commandStarted(StepCommand command, int index, int count) {
                if (count > 1) {
                    batcher.add("$ " + command.text());
                }
            }

            @Override
            public void line(String line) {
                batcher.add(line);
                first.complete(null);
            }

            @Override
            public void finished(StepOutcome outcome) {
                first.complete(null);
                OutputBatcher.access(ui, () -> {
                    batcher.drain();
                    show(outcome);
                    if (step != null && !unset.isEmpty() && outcome.verdict() == Verdict.SKIPPED) {
                        note(getTranslation("widget.set-variables", String.join(", ", unset)));
                    }
                    if (stepHistory != null) {
                        stepHistory.afterRun(execution.info().id(), outcome);
                    }
                    whenFinished.accept(outcome);
                });
            }
        });
        return execution.outcome();
    }

    /**
     * The line as it will run when that differs from what the prompt shows (variables substituted into the step's
     * command or into the reader's edit of it), or null. Steps of several commands print each as it starts.
     */
    private String runsAs(List<StepCommand> commands) {
        if (commands.size() != 1 || !commands.get(0).ready()) {
            return null;
        }
        String text = commands.get(0).text();
        return text.equals(prompt.getValue() == null ? "" : prompt.getValue().strip()) ? null : text;
    }

    private StepOutcome nothingRan() {
        return StepOutcome.of(runner.place(), List.of(), List.of(), 0);
    }

    /** What to run: the step's alternative bound to the page's values, or the prompt as typed. */
    List<StepCommand> commands() {
        String typed = prompt.getValue() == null ? "" : prompt.getValue().strip();
        if (step != null && typed.equals(templateOf(alternative))) {
            return StepCommands.forStep(binder, plan, step, alternative, values.get());
        }
        if (typed.isEmpty()) {
            return List.of();
        }
        StepCommand command = step != null
                ? StepCommands.edited(binder, plan, typed, values.get())
                : StepCommands.typed(binder, typed);
        if (step == null) {
            getContent().getElement().setAttribute("data-probe", command.probe());
        }
        return List.of(command);
    }

    /** Stops a running probe (it keeps what it printed). */
    public void stop() {
        StepRun e = execution;
        if (e != null) {
            e.cancel();
        }
    }

    public boolean running() {
        return execution != null && !execution.done();
    }

    /** A command longer than this gets the whole width of the widget for its prompt. */
    private static final int LONG_COMMAND = 56;

    /** How many earlier runs the free terminal keeps above its prompt. */
    static final int SCROLLBACK = 50;

    /**
     * The free terminal's earlier runs stay above the prompt, each under the command that made it, as a terminal's
     * scrollback does (the oldest go beyond {@link #SCROLLBACK}); a new page shows the session's ({@link Scrollback}).
     */
    private void keepInScrollback(String commandLine, RunArea previous) {
        if (scrollback == null) {
            scrollback = new Div();
            scrollback.addClassName("scrollback");
            scrollback.getElement().setAttribute("data-scrollback", "");
            getContent().addComponentAsFirst(scrollback);
        }
        Div entry = new Div();
        entry.addClassName("scrollback-entry");
        Pre command = new Pre("$ " + commandLine);
        command.addClassNames("code", "scrollback-command");
        previous.removeFromParent();
        previous.freeze();
        entry.add(command, previous);
        scrollback.add(entry);
        while (scrollback.getComponentCount() > SCROLLBACK) {
            scrollback.remove(scrollback.getComponentAt(0));
        }
    }

    /** The run area goes after the prompt bar and the notes under it, before the step's history. */
    private int areaIndex() {
        int i = getContent().getComponentCount();
        return stepHistory != null && stepHistory.getParent().isPresent() ? i - 1 : i;
    }

    private void append(List<String> lines) {
        area.append(String.join("\n", lines) + "\n");
    }

    private void show(StepOutcome outcome) {
        Verdict v = outcome.verdict();
        String summary = KoreanSummaries.forPage(getLocale(), outcome.summary());
        if (step == null) {
            Scrollback.ofSession()
                    .add(new Scrollback.Entry(
                            lastCommand,
                            area.output.getElement().getTextRecursively(),
                            v.label(),
                            summary,
                            outcome.elapsedMs()));
        }
        area.verdict(v.label(), summary, outcome.elapsedMs() + " ms");
        run.setEnabled(true);
        stop.setEnabled(false);
        outcome.notes().forEach(this::note);
        area.structured.add(DETAIL_VIEWS.render(
                outcome.runs(), new DetailContext((k, a) -> getTranslation(k, a), actor, hostsWrites)));
        List<String> out =
                outcome.runs().stream().flatMap(r -> r.output().stream()).toList();
        LooksLike.best(out, examples, v.label()).ifPresent(m -> {
            Span label = new Span(getTranslation("widget.looks-like") + " ");
            Anchor link =
                    new Anchor("#example-" + m.example().line(), m.example().caption());
            area.looksLike
                    .getElement()
                    .setAttribute("data-looks-like", String.valueOf(m.example().line()));
            area.looksLike.add(label, link);
        });
    }

    private void note(String text) {
        Div n = new Div(text);
        n.addClassName("run-note");
        n.getElement().setAttribute("data-run-note", "");
        area.structured.add(n);
    }

    /** What a run shows: live output, then the verdict badge, summary, elapsed time, notes and views. */
    private static final class RunArea extends Div {
        private final Div runsAs = new Div();
        private final Pre output = new Pre();
        private final Span badge = new Span();
        private final Span summary = new Span();
        private final Span elapsed = new Span();
        private final Div looksLike = new Div();
        private final Div structured = new Div();

        RunArea() {
            addClassName("run-area");
            output.getElement().setAttribute("data-output", "");
            output.addClassName("output");
            summary.addClassName("summary");
            elapsed.addClassName("elapsed");
            Div status = new Div(badge, summary, elapsed);
            status.addClassName("status");
            looksLike.addClassName("looks-like");
            runsAs.addClassName("runs-as");
            runsAs.setVisible(false);
            add(runsAs, output, status, looksLike, structured);
        }

        void runsAs(String line, String label) {
            runsAs.setVisible(line != null);
            runsAs.getElement().setAttribute("data-runs-as", line == null ? "" : line);
            runsAs.setText(line == null ? "" : label + " $ " + line);
        }

        void running(String label) {
            output.getElement().removeAllChildren();
            badge.getElement().removeAttribute("data-verdict");
            badge.setText(label);
            badge.getElement().getClassList().clear();
            badge.addClassNames("badge", "running");
            summary.setText("");
            elapsed.setText("");
            looksLike.removeAll();
            looksLike.getElement().removeAttribute("data-looks-like");
            structured.removeAll();
        }

        /** An earlier run: its output and verdict keep their look but leave the test contract to the current one. */
        void freeze() {
            output.getElement().removeAttribute("data-output");
            output.getElement().setAttribute("data-earlier-output", "");
            String verdict = badge.getElement().getAttribute("data-verdict");
            badge.getElement().removeAttribute("data-verdict");
            if (verdict != null) {
                badge.getElement().setAttribute("data-earlier-verdict", verdict);
            }
        }

        void append(String chunk) {
            output.getElement().appendChild(Element.createText(chunk));
        }

        void verdict(String label, String summaryText, String elapsedText) {
            badge.setText(label);
            badge.getElement().getClassList().clear();
            badge.addClassNames("badge", "verdict-" + label);
            badge.getElement().setAttribute("data-verdict", label);
            summary.setText(summaryText);
            elapsed.setText(elapsedText);
        }
    }

    private void browseHistory(int delta) {
        if (history.isEmpty()) {
            return;
        }
        historyIndex = Math.max(0, Math.min(history.size(), historyIndex + delta));
        prompt.setValue(historyIndex == history.size() ? "" : history.get(historyIndex));
    }

    /** For the summary table: the command as it will run with the current values. */
    String commandText() {
        return prompt.getValue();
    }
}

package dev.probebook.notebook;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.dom.Element;
import dev.probebook.access.Actor;
import dev.probebook.access.HostsWrites;
import dev.probebook.plan.CommandBinder;
import dev.probebook.plan.PlannedBlock;
import dev.probebook.plan.PlannedCommand;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.probe.Verdict;
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

/**
 * A terminal for one runbook step (or the free terminal): an editable prompt, Run and Stop, output
 * streamed live, then the verdict badge with summary and elapsed time, the structured view and which
 * documented example the output resembles.
 *
 * <p>Test contract: the root carries {@code data-step} and {@code data-probe}, the output {@code <pre>}
 * carries {@code data-output}, the badge gets {@code data-verdict} when a run ends; the buttons' accessible
 * names are "Run" and "Stop" in every UI language.
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

    private final TextField prompt = new TextField();
    private final Select<Integer> alternatives = new Select<>();
    private final Button run = new Button();
    private final Button stop = new Button();
    private final Pre output = new Pre();
    private final Span badge = new Span();
    private final Span summary = new Span();
    private final Span elapsed = new Span();
    private final Div looksLike = new Div();
    private final Div structured = new Div();
    private final List<String> history = new ArrayList<>();
    private int historyIndex;
    private boolean alternativeChosenByUser;
    private StepRun execution;
    private StepHistory stepHistory;
    private HostsWrites hostsWrites;
    private Actor actor;
    private Consumer<StepOutcome> whenFinished = outcome -> {};

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
        build();
    }

    /** A widget for a runbook step; {@code values} gives the page's current variable values. */
    public static TerminalWidget forStep(
            StepStarter runner,
            CommandBinder binder,
            RunbookPlan plan,
            PlannedBlock step,
            Supplier<Map<String, String>> values,
            List<LooksLike.Example> examples) {
        return new TerminalWidget(runner, binder, plan, step, values, examples);
    }

    /** The free terminal: an empty prompt with history. */
    public static TerminalWidget free(StepStarter runner, CommandBinder binder) {
        return new TerminalWidget(runner, binder, null, null, Map::of, List.of());
    }

    private void build() {
        Div root = getContent();
        root.addClassName("terminal");
        root.getElement().setAttribute("data-step", step == null ? "free" : String.valueOf(step.line()));
        root.getElement().setAttribute("data-probe", step == null ? "none" : mainProbe());
        if (step != null) {
            root.setId("step-" + step.line());
        }
        Div bar = new Div();
        bar.addClassName("prompt-bar");
        if (step != null && !runnable()) {
            Pre code = new Pre(step.code().text());
            code.addClassName("code");
            Div reason = new Div(getTranslation("widget.not-runnable") + " "
                    + step.commands().stream()
                            .map(PlannedCommand::reason)
                            .filter(r -> r != null)
                            .findFirst()
                            .orElse("'"
                                    + step.commands().stream()
                                            .findFirst()
                                            .map(c -> c.text().split(" ")[0])
                                            .orElse("")
                                    + "' is a shell command Probebook does not run; run it in a shell"));
            reason.addClassName("not-runnable");
            root.add(code, reason);
            return;
        }
        if (step != null && step.alternatives() > 1) {
            List<Integer> items = new ArrayList<>();
            for (int a = 0; a < step.alternatives(); a++) {
                items.add(a);
            }
            alternatives.setItems(items);
            alternatives.setItemLabelGenerator(this::templateOf);
            alternatives.setAriaLabel(getTranslation("widget.alternative"));
            alternatives.addClassName("alternatives");
            alternatives.setValue(step.alternativeFor(values.get()));
            alternatives.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    alternativeChosenByUser = true;
                }
                if (e.getValue() != null) {
                    prompt.setValue(templateOf(e.getValue()));
                }
            });
            bar.add(alternatives);
        }
        prompt.addClassName("prompt");
        prompt.setPrefixComponent(new Span("$"));
        prompt.setValueChangeMode(ValueChangeMode.EAGER);
        prompt.getElement().setAttribute("spellcheck", "false");
        prompt.getElement().setAttribute("autocapitalize", "off");
        prompt.setAriaLabel("command");
        if (step != null) {
            prompt.setValue(templateOf(currentAlternative()));
        }
        prompt.addKeyPressListener(Key.ENTER, e -> start());
        prompt.addKeyDownListener(Key.ESCAPE, e -> stop());
        prompt.addKeyDownListener(Key.KEY_C, e -> stop(), KeyModifier.CONTROL);
        if (step == null) {
            prompt.addKeyDownListener(Key.ARROW_UP, e -> browseHistory(-1));
            prompt.addKeyDownListener(Key.ARROW_DOWN, e -> browseHistory(1));
        }
        run.setText(getTranslation("widget.run"));
        run.setAriaLabel("Run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> start());
        stop.setText(getTranslation("widget.stop"));
        stop.setAriaLabel("Stop");
        stop.setEnabled(false);
        stop.addClickListener(e -> stop());
        bar.add(prompt, run, stop);

        output.getElement().setAttribute("data-output", "");
        output.addClassName("output");
        output.setVisible(false);
        badge.addClassName("badge");
        badge.setVisible(false);
        summary.addClassName("summary");
        elapsed.addClassName("elapsed");
        Div status = new Div(badge, summary, elapsed);
        status.addClassName("status");
        looksLike.addClassName("looks-like");
        root.add(bar);
        if (step != null && "install".equals(mainProbe())) {
            Div note = new Div(getTranslation("widget.built-in"));
            note.addClassName("built-in");
            root.add(note);
        }
        root.add(output, status, looksLike, structured);
        addDetachListener(e -> stop());
    }

    /** Shows this step's run history under the terminal, refreshed after each run. */
    TerminalWidget withHistory(StepHistory history) {
        this.stepHistory = history;
        getContent().add(history);
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
        run.setEnabled(false);
        Div note = new Div(getTranslation("widget.read-only", neededRole));
        note.addClassName("read-only");
        note.getElement().setAttribute("data-read-only", "");
        getContent().addComponentAtIndex(1, note);
        return this;
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
            prompt.setValue(templateOf(currentAlternative()));
        }
    }

    /** The page's variables changed: pick the alternative they bind (unless the user chose one). */
    public void variablesChanged() {
        if (step != null && step.alternatives() > 1 && !alternativeChosenByUser && runnable()) {
            alternatives.setValue(step.alternativeFor(values.get()));
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

    private int currentAlternative() {
        Integer a = alternatives.getValue();
        return a != null ? a : step.alternativeFor(values.get());
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
        output.removeAll();
        output.getElement().removeAllChildren();
        output.setVisible(true);
        badge.getElement().removeAttribute("data-verdict");
        badge.setText(getTranslation("widget.running"));
        badge.getElement().getClassList().clear();
        badge.addClassNames("badge", "running");
        badge.setVisible(true);
        summary.setText("");
        elapsed.setText("");
        looksLike.removeAll();
        structured.removeAll();
        run.setEnabled(false);
        stop.setEnabled(true);
        if (step == null) {
            history.remove(prompt.getValue());
            history.add(prompt.getValue());
            historyIndex = history.size();
        }
        OutputBatcher batcher = new OutputBatcher(ui, this::append);
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
            }

            @Override
            public void finished(StepOutcome outcome) {
                OutputBatcher.access(ui, () -> {
                    batcher.drain();
                    show(outcome);
                    if (stepHistory != null) {
                        stepHistory.afterRun(execution.info().id(), outcome);
                    }
                    whenFinished.accept(outcome);
                });
            }
        });
        return execution.outcome();
    }

    private StepOutcome nothingRan() {
        return StepOutcome.of(runner.place(), List.of(), List.of(), 0);
    }

    /** What to run: the step's alternative bound to the page's values, or the prompt as typed. */
    List<StepCommand> commands() {
        String typed = prompt.getValue() == null ? "" : prompt.getValue().strip();
        if (step != null && typed.equals(templateOf(currentAlternative()))) {
            return StepCommands.forStep(binder, plan, step, currentAlternative(), values.get());
        }
        if (typed.isEmpty()) {
            return List.of();
        }
        StepCommand command = StepCommands.typed(binder, typed);
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

    private void append(List<String> lines) {
        String chunk = String.join("\n", lines) + "\n";
        output.getElement().appendChild(Element.createText(chunk));
    }

    private void show(StepOutcome outcome) {
        Verdict v = outcome.verdict();
        badge.setText(v.label());
        badge.getElement().getClassList().clear();
        badge.addClassNames("badge", "verdict-" + v.label());
        badge.getElement().setAttribute("data-verdict", v.label());
        summary.setText(outcome.summary());
        elapsed.setText(outcome.elapsedMs() + " ms");
        run.setEnabled(true);
        stop.setEnabled(false);
        for (String note : outcome.notes()) {
            Div n = new Div(note);
            n.addClassName("run-note");
            n.getElement().setAttribute("data-run-note", "");
            structured.add(n);
        }
        structured.add(DETAIL_VIEWS.render(
                outcome.runs(), new DetailContext((k, a) -> getTranslation(k, a), actor, hostsWrites)));
        List<String> out =
                outcome.runs().stream().flatMap(r -> r.output().stream()).toList();
        LooksLike.best(out, examples).ifPresent(m -> {
            Span label = new Span(getTranslation("widget.looks-like") + " ");
            Anchor link =
                    new Anchor("#example-" + m.example().line(), m.example().caption());
            looksLike
                    .getElement()
                    .setAttribute("data-looks-like", String.valueOf(m.example().line()));
            looksLike.add(label, link);
        });
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

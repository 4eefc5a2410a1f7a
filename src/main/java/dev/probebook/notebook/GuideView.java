package dev.probebook.notebook;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.probebook.access.Action;
import dev.probebook.access.Actor;
import dev.probebook.access.ProbeGate;
import dev.probebook.guide.Drill;
import dev.probebook.guide.Expectation;
import dev.probebook.guide.Guide;
import dev.probebook.guide.GuidedStep;
import dev.probebook.guide.Hint;
import dev.probebook.history.Progress;
import dev.probebook.history.RunStore;
import dev.probebook.history.StoreException;
import dev.probebook.lab.Scenario;
import dev.probebook.library.RunbookStore;
import dev.probebook.plan.BlockKind;
import dev.probebook.plan.CommandBinder;
import dev.probebook.plan.PlannedBlock;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.plan.Variable;
import dev.probebook.practice.LabControl;
import dev.probebook.probe.Verdict;
import dev.probebook.runbook.CodeBlock;
import dev.probebook.runbook.Part;
import dev.probebook.runbook.Prose;
import dev.probebook.runbook.RunbookException;
import dev.probebook.security.CurrentUser;
import dev.probebook.step.RunPlace;
import dev.probebook.step.RunRefusal;
import dev.probebook.step.StepOutcome;
import dev.probebook.step.StepRunner;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Guided mode ({@code /learn/{name}}): a runbook one step at a time, numbered, with a progress bar. A step's Check
 * runs its blocks and holds each outcome against the block's expectation; Next opens when it passed (a step with
 * nothing to run is marked read by hand; a step the learner may not run here can be skipped, and is counted as
 * such). Hints are the runbook's own example outputs and what it says about them, one at a time. With {@code ?lab=ID}
 * the variables are bound to a practice-lab scenario and the probes run in the lab.
 *
 * <p>Progress is saved after every change, per person, beside the run records; a learner without the run role reads
 * the steps and nothing is saved. Test contract: the step shown carries {@code data-guided-step="N"}, the progress
 * {@code data-progress="done/total"}, a check {@code data-check="passed|failed"}.
 */
@Route("learn")
@PermitAll
public class GuideView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final RunbookStore library;
    private final ProbeGate gate;
    private final StepRunner steps;
    private final CommandBinder binder;
    private final RunStore history;
    private final LabControl lab;
    private final Actor actor;
    private final Clock clock = Clock.systemUTC();

    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final Map<Integer, StepOutcome> outcomes = new HashMap<>();
    private final List<TerminalWidget> widgets = new ArrayList<>();
    private String name;
    private String version;
    private RunbookPlan plan;
    private Guide guide;
    private Scenario scenario;
    private boolean canRun;
    private Progress progress;
    private String progressProblem;
    private int current = 1;
    private int hintsShown;
    private final Map<Integer, Integer> hintsRevealed = new HashMap<>(); // step -> hints revealed on this page
    private boolean checking;
    private String title = "Probebook";

    private final ProgressBar bar = new ProgressBar();
    private final Span barText = new Span();
    private final Div nav = new Div();
    private final Div stepPanel = new Div();

    public GuideView(
            RunbookStore library,
            ProbeGate gate,
            StepRunner steps,
            CommandBinder binder,
            RunStore history,
            LabControl lab) {
        this.library = library;
        this.gate = gate;
        this.steps = steps;
        this.binder = binder;
        this.history = history;
        this.lab = lab;
        this.actor = CurrentUser.orNobody();
        addClassName("page");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        removeAll();
        widgets.forEach(TerminalWidget::stop);
        widgets.clear();
        values.clear(); // Vaadin reuses this view when only the parameter or query changes
        outcomes.clear();
        hintsRevealed.clear();
        checking = false;
        scenario = null;
        name = parameter;
        add(new NotebookHeader());
        RunbookStore.Loaded loaded;
        String source;
        try {
            loaded = library.load(parameter);
            source = library.source(parameter).text();
        } catch (RunbookException e) {
            Main main = new Main(new H1(getTranslation("runbook.not-found")), new Div(e.getMessage()));
            main.addClassName("runbook");
            add(main);
            return;
        }
        plan = loaded.plan();
        if (Drill.isDrill(plan.runbook().frontMatter())) { // a drill is followed on its own page
            event.forwardTo(DrillView.class, parameter);
            return;
        }
        version = loaded.hash();
        guide = Guide.of(plan, source);
        title = getTranslation("guide.title", plan.title() == null ? name : plan.title()) + " · Probebook";
        Map<String, List<String>> query =
                event.getLocation().getQueryParameters().getParameters();
        scenario = Optional.ofNullable(query.get("lab"))
                .flatMap(l -> l.stream().findFirst())
                .flatMap(Scenario::byId)
                .orElse(null);
        values.putAll(VariableQuery.fromQuery(query, plan.variables()));
        canRun = gate.rules().allows(actor, Action.RUN);
        loadProgress();
        Optional.ofNullable(query.get("step"))
                .flatMap(s -> s.stream().findFirst())
                .filter(s -> s.matches("\\d{1,4}"))
                .map(Integer::parseInt)
                .filter(n -> n >= 1 && n <= guide.steps().size() && reachable(n))
                .ifPresent(n -> current = n);
        render();
    }

    private void loadProgress() {
        progress = null;
        progressProblem = null;
        current = 1;
        if (!canRun || guide.steps().isEmpty()) {
            return;
        }
        try {
            progress = history.progress(actor.name(), Progress.Kind.GUIDE, name)
                    .map(p -> p.resized(guide.steps().size()))
                    .orElseGet(() -> Progress.started(
                            actor.name(),
                            actor.displayName(),
                            Progress.Kind.GUIDE,
                            name,
                            guide.steps().size(),
                            clock.instant()));
            current = Math.min(progress.position(), guide.steps().size());
            while (current > 1 && !reachable(current)) {
                current--;
            }
            history.saveProgress(progress);
        } catch (StoreException e) {
            progressProblem = e.getMessage();
        }
    }

    private void save(Progress next) {
        if (next == null) {
            return;
        }
        progress = next;
        try {
            history.saveProgress(next);
            progressProblem = null;
        } catch (StoreException e) {
            progressProblem = e.getMessage();
        }
    }

    /** A learner may go back to any step, and forward to the first step not yet done. */
    private boolean reachable(int step) {
        if (progress == null) {
            return true;
        }
        for (int i = 1; i < step; i++) {
            if (progress.mark(i) == Progress.PENDING) {
                return false;
            }
        }
        return true;
    }

    private void render() {
        Main doc = new Main();
        doc.addClassName("runbook");
        doc.addClassName("guided");
        H1 h1 = new H1(plan.title() == null ? name : plan.title());
        Span label = new Span(getTranslation("guide.label"));
        label.addClassName("guided-label");
        RouterLink whole = new RouterLink(getTranslation("guide.whole"), RunbookView.class, name);
        whole.getElement().setAttribute("data-whole-runbook", "");
        Div top = new Div(label, whole);
        top.addClassName("runbook-actions");
        doc.add(top, h1);
        if (guide.steps().isEmpty()) {
            doc.add(new Div(getTranslation("guide.empty")));
            add(doc);
            return;
        }
        doc.add(modeLine());
        if (!canRun) {
            Div ro = new Div(getTranslation(
                    "guide.read-only", gate.rules().needed(Action.RUN).label()));
            ro.addClassName("read-only");
            ro.getElement().setAttribute("data-guided-read-only", "");
            doc.add(ro);
        }
        if (progressProblem != null) {
            Div warn = new Div(getTranslation("guide.progress-unavailable", progressProblem));
            warn.addClassName("warning");
            warn.getElement().setAttribute("data-progress-unavailable", "");
            doc.add(warn);
        }
        Div progressRow = new Div(bar, barText);
        progressRow.addClassName("guided-progress");
        doc.add(progressRow, nav, stepPanel);
        add(doc);
        showStep();
    }

    /** Where the probes run: the lab scenario and its bound values, or the variables to fill in. */
    private Component modeLine() {
        Div line = new Div();
        line.addClassName("variables");
        line.getElement().setAttribute("data-variables", "");
        if (scenario != null) {
            line.getElement().setAttribute("data-lab", scenario.id());
            Optional<LabControl.Running> running = lab.current();
            if (running.isEmpty()) {
                line.add(labNotRunning(this));
                return line;
            }
            Map<String, String> bound = running.get().lab().variables(scenario);
            for (Variable v : plan.variables()) {
                if (bound.containsKey(v.name())) {
                    values.put(v.name(), bound.get(v.name()));
                }
            }
            line.add(new Span(getTranslation("lab.in-lab", scenario.id())));
            for (Variable v : plan.variables()) {
                Span value = new Span(v.name() + " = " + values.getOrDefault(v.name(), "?"));
                value.addClassName("lab-value");
                line.add(value);
            }
            return line;
        }
        Span label = new Span(getTranslation("runbook.variables"));
        label.addClassName("variables-title");
        line.add(label);
        for (Variable v : plan.variables()) {
            line.add(VariableField.of(v, values, () -> widgets.forEach(TerminalWidget::variablesChanged)));
        }
        if (lab.current().isPresent()) {
            RouterLink inLab = new RouterLink(getTranslation("lab.open-in-lab"), GuideView.class, name);
            inLab.setQueryParameters(QueryParameters.simple(Map.of("lab", "open")));
            inLab.getElement().setAttribute("data-open-in-lab", "");
            line.add(inLab);
        }
        return line;
    }

    private void updateProgress() {
        int total = guide.steps().size();
        int done = progress == null ? 0 : progress.stepsDone();
        bar.setValue(total == 0 ? 0 : (double) done / total);
        barText.setText(getTranslation("guide.progress", done, total));
        barText.getElement().setAttribute("data-progress", done + "/" + total);
        nav.removeAll();
        nav.addClassName("guided-nav");
        for (GuidedStep s : guide.steps()) {
            char mark = progress == null ? Progress.PENDING : progress.mark(s.number());
            Span item = new Span(s.number() + ". " + s.heading());
            item.addClassName("guided-nav-item");
            item.getElement().setAttribute("data-step-mark", String.valueOf(mark));
            if (s.number() == current) {
                item.addClassName("current");
            }
            if (mark != Progress.PENDING) {
                item.addClassName("done");
            }
            if (s.number() != current && reachable(s.number())) {
                item.addClassName("reachable");
                item.addClickListener(e -> go(s.number()));
            }
            nav.add(item);
        }
    }

    private void go(int step) {
        current = step;
        save(progress == null ? null : progress.at(step, clock.instant()));
        showStep();
    }

    private void showStep() {
        stepPanel.removeAll();
        widgets.forEach(TerminalWidget::stop);
        widgets.clear();
        outcomes.clear();
        hintsShown = 0;
        GuidedStep step = guide.steps().get(current - 1);
        stepPanel.addClassName("guided-step");
        stepPanel.getElement().setAttribute("data-guided-step", String.valueOf(step.number()));
        stepPanel.add(
                new H2(getTranslation("guide.step", step.number(), guide.steps().size()) + " " + step.heading()));
        for (Part part : step.shown()) {
            switch (part) {
                case Prose p -> {
                    if (!p.html().isBlank()) {
                        stepPanel.add(ProseWithBlocks.div(
                                p.html(), line -> plan.blockAt(line).map(b -> block(step, b))));
                    }
                }
                case CodeBlock c -> plan.blockAt(c.line()).ifPresent(b -> stepPanel.add(block(step, b)));
                default -> {}
            }
        }
        Div check = new Div();
        check.addClassName("guided-check");
        check.getElement().setAttribute("data-guided-result", "");
        Div meaning = new Div();
        meaning.addClassName("guided-meaning");
        meaning.getElement().setAttribute("data-meaning", "");
        Div hints = new Div();
        hints.addClassName("guided-hints");
        Div controls = new Div();
        controls.addClassName("guided-controls");
        stepPanel.add(controls, check, meaning, hints);
        buildControls(step, controls, check, meaning, hints);
        char mark = progress == null ? Progress.PENDING : progress.mark(step.number());
        if (mark == Progress.PASSED) {
            check.getElement().setAttribute("data-check", "passed");
            check.setText(getTranslation("guide.passed-before"));
        }
        updateProgress();
    }

    private Component block(GuidedStep step, PlannedBlock b) {
        if (b.kind() == BlockKind.EXAMPLE) {
            Pre pre = new Pre(b.code().text());
            pre.addClassName("code");
            return pre;
        }
        StepStarter starter = PracticeRuns.starter(
                steps,
                lab,
                scenario != null,
                gate.admission(actor),
                actor.name(),
                actor.displayName(),
                RunPlace.step(name, version, b.line(), b.code().section()));
        TerminalWidget w = TerminalWidget.forStep(starter, binder, plan, b, () -> Map.copyOf(values), List.of());
        if (!canRun && w.runnable()) {
            w.readOnly(gate.rules().needed(Action.RUN).label());
        }
        Expectation e = step.expectation(b);
        if (w.runnable()) {
            w.whenFinished(outcome -> finished(step, w, outcome));
            Div expects = new Div(getTranslation("guide.expects", e.describe()));
            expects.addClassName("guided-expects");
            expects.getElement().setAttribute("data-expects", e.describe());
            Div wrap = new Div(expects, w);
            widgets.add(w);
            return wrap;
        }
        return w;
    }

    private Button next;
    private Button skip;
    private Div checkLine;
    private Div meaningLine;

    private void buildControls(GuidedStep step, Div controls, Div check, Div meaning, Div hints) {
        checkLine = check;
        meaningLine = meaning;
        Button back = new Button(getTranslation("guide.back"), e -> go(current - 1));
        back.getElement().setAttribute("data-guided-back", "");
        back.setEnabled(current > 1);
        controls.add(back);
        boolean runnable = widgets.stream().anyMatch(TerminalWidget::runnable);
        if (runnable && canRun) {
            Button run = new Button(getTranslation("guide.check"), e -> checkStep());
            run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            run.getElement().setAttribute("data-guided-check", "");
            controls.add(run);
        } else if (canRun) {
            Button read = new Button(getTranslation("guide.mark-read"), e -> {
                markAndOpen(step, Progress.READ);
                check.getElement().setAttribute("data-check", "passed");
                check.setText(getTranslation("guide.read"));
            });
            read.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            read.getElement().setAttribute("data-guided-read", "");
            controls.add(read);
        }
        if (!step.hints().isEmpty()) {
            // hints already revealed on this page stay revealed when the learner comes back, and count once
            int revealed = hintsRevealed.getOrDefault(step.number(), 0);
            for (int i = 0; i < revealed; i++) {
                hints.add(hint(step.hints().get(i)));
            }
            hintsShown = revealed;
            Button hint = new Button();
            hint.getElement().setAttribute("data-guided-hint", "");
            hint.setText(getTranslation("guide.hint", step.hints().size() - revealed));
            hint.setEnabled(revealed < step.hints().size());
            hint.addClickListener(e -> {
                if (hintsShown < step.hints().size()) {
                    hints.add(hint(step.hints().get(hintsShown)));
                    hintsShown++;
                    hintsRevealed.put(step.number(), hintsShown);
                    save(progress == null ? null : progress.hint(clock.instant()));
                }
                int left = step.hints().size() - hintsShown;
                hint.setText(getTranslation("guide.hint", left));
                hint.setEnabled(left > 0);
            });
            controls.add(hint);
        }
        skip = new Button(getTranslation("guide.skip"), e -> {
            markAndOpen(step, Progress.SKIPPED);
            check.getElement().setAttribute("data-check", "skipped");
            check.setText(getTranslation("guide.skipped"));
        });
        skip.getElement().setAttribute("data-guided-skip", "");
        skip.setVisible(false);
        controls.add(skip);
        boolean last = current == guide.steps().size();
        next = new Button(getTranslation(last ? "guide.finish" : "guide.next"), e -> {
            if (last) {
                finish();
            } else {
                go(current + 1);
            }
        });
        next.getElement().setAttribute("data-guided-next", "");
        char mark = progress == null ? Progress.PENDING : progress.mark(step.number());
        next.setEnabled(!canRun || progress == null || mark != Progress.PENDING);
        controls.add(next);
    }

    private Component hint(Hint h) {
        Div box = new Div();
        box.addClassName("guided-hint");
        box.getElement().setAttribute("data-hint", "");
        if (h.caption() != null) {
            Div caption = new Div(getTranslation("guide.hint-example", h.caption()));
            caption.addClassName("hint-caption");
            box.add(caption);
        }
        Pre example = new Pre(h.example());
        example.addClassName("code");
        box.add(example);
        if (h.explanationHtml() != null) {
            Div prose = new Div();
            prose.addClassName("prose");
            prose.getElement().setProperty("innerHTML", h.explanationHtml()); // sanitised by the parser
            box.add(prose);
        }
        return box;
    }

    /**
     * Check: runs every runnable block of the step again, each as the step wrote it (whatever was typed over its
     * prompt); the step is judged in {@link #finished} once all have ended. Runs started by hand are not judged.
     */
    private void checkStep() {
        outcomes.clear();
        checking = true;
        checkLine.getElement().removeAttribute("data-check");
        checkLine.setText(getTranslation("guide.checking"));
        meaningLine.removeAll();
        GuidedStep step = guide.steps().get(current - 1);
        for (TerminalWidget w : List.copyOf(widgets)) {
            if (w.runnable()) {
                w.resetToStep();
                CompletableFuture<StepOutcome> run = w.start();
                if (run.isDone() && !w.running()) { // nothing ran (read only): no widget event will come
                    finished(step, w, run.join());
                }
            }
        }
    }

    /** A block's run ended (UI thread): during a Check, once every block of the step has an outcome, it is judged. */
    private void finished(GuidedStep step, TerminalWidget widget, StepOutcome outcome) {
        if (!checking || step.number() != current || widgets.stream().noneMatch(w -> w == widget)) {
            return; // a run by hand, or a widget of a step no longer shown
        }
        outcomes.put(widget.step().line(), outcome);
        List<TerminalWidget> runnable =
                widgets.stream().filter(TerminalWidget::runnable).toList();
        if (runnable.stream().anyMatch(w -> !outcomes.containsKey(w.step().line()))) {
            return;
        }
        checking = false;
        List<String> unmet = new ArrayList<>();
        boolean skippable = false;
        boolean refused = false;
        meaningLine.removeAll();
        for (TerminalWidget w : runnable) {
            StepOutcome o = outcomes.get(w.step().line());
            Expectation e = step.expectation(w.step());
            if (!e.met(o)) {
                unmet.add(getTranslation(
                        "guide.unmet",
                        e.describe(),
                        o.verdict().label(),
                        KoreanSummaries.forPage(getLocale(), String.valueOf(o.summary()))));
            }
            refused |= o.refusal() != null;
            skippable |= cannotRunHere(o);
            if (o.summary() != null) {
                Div m = new Div(getTranslation("guide.meaning", KoreanSummaries.forPage(getLocale(), o.summary())));
                m.getElement().setAttribute("data-meaning-line", "");
                meaningLine.add(m);
            }
        }
        if (unmet.isEmpty()) {
            checkLine.getElement().setAttribute("data-check", "passed");
            checkLine.setText(getTranslation("guide.passed"));
            markAndOpen(step, Progress.PASSED);
        } else {
            checkLine.getElement().setAttribute("data-check", "failed");
            checkLine.setText(getTranslation("guide.failed") + " " + String.join(" ", unmet));
            if (!refused) { // a refusal (no role, a limit, the lab stopped) is no attempt of the learner's
                save(progress == null ? null : progress.attempt(null, clock.instant()));
            }
            skip.setVisible(skippable && canRun);
        }
    }

    /**
     * The learner may skip a step they may not run (their role) or that cannot run on this server (ICMP or capture
     * without root or CAP_NET_RAW); a limit, a stopped lab or a mistake is tried again instead.
     */
    static boolean cannotRunHere(StepOutcome o) {
        if (o.refusal() != null) {
            return o.refusal().kind() == RunRefusal.Kind.ROLE;
        }
        return o.verdict() == Verdict.ERROR
                && o.summary() != null
                && o.summary().matches("(?is).*\\b(CAP_NET_RAW|CAP_NET_ADMIN|root|privileges?|permission)\\b.*");
    }

    /** The warning that the practice lab is not running (runs are refused, progress stays). */
    static Div labNotRunning(Component owner) {
        Div off = new Div(owner.getTranslation("lab.not-running"));
        off.addClassName("warning");
        off.getElement().setAttribute("data-lab-not-running", "");
        return off;
    }

    private void markAndOpen(GuidedStep step, char mark) {
        if (progress != null && progress.mark(step.number()) != Progress.PASSED) {
            save(progress.marked(step.number(), mark, clock.instant()));
        }
        next.setEnabled(true);
        updateProgress();
    }

    private void finish() {
        if (progress != null && progress.stepsDone() == progress.stepsTotal()) {
            save(progress.complete(clock.instant()));
        }
        stepPanel.removeAll();
        widgets.forEach(TerminalWidget::stop);
        widgets.clear();
        stepPanel.getElement().removeAttribute("data-guided-step");
        Div done = new Div();
        done.addClassName("guided-done");
        done.getElement()
                .setAttribute("data-completed", progress == null ? "read" : String.valueOf(progress.completed()));
        done.add(new H2(
                getTranslation(progress == null || progress.completed() ? "guide.completed" : "guide.end-not-done")));
        if (progress != null) {
            done.add(new Div(getTranslation(
                    "guide.summary",
                    progress.stepsDone(),
                    progress.stepsTotal(),
                    progress.stepsSkipped(),
                    progress.hintsUsed(),
                    progress.attempts())));
        }
        RouterLink board = new RouterLink(getTranslation("nav.progress"), ProgressView.class);
        done.add(board);
        stepPanel.add(done);
        updateProgress();
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

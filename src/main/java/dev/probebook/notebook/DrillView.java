package dev.probebook.notebook;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import dev.probebook.access.Action;
import dev.probebook.access.Actor;
import dev.probebook.access.ProbeGate;
import dev.probebook.guide.Drill;
import dev.probebook.guide.Guide;
import dev.probebook.guide.GuidedStep;
import dev.probebook.history.Progress;
import dev.probebook.history.RunStore;
import dev.probebook.history.StoreException;
import dev.probebook.lab.Scenario;
import dev.probebook.library.RunbookStore;
import dev.probebook.plan.BlockKind;
import dev.probebook.plan.CommandBinder;
import dev.probebook.plan.PlannedBlock;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.practice.LabControl;
import dev.probebook.runbook.CodeBlock;
import dev.probebook.runbook.Part;
import dev.probebook.runbook.Prose;
import dev.probebook.runbook.RunbookException;
import dev.probebook.security.CurrentUser;
import dev.probebook.step.RunPlace;
import dev.probebook.step.StepOutcome;
import dev.probebook.step.StepRunner;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A drill ({@code /drill/{name}}): the situation as the learner hears it, the drill's runbook with its variables bound
 * to a practice-lab target that has the drill's fault (which fault is not shown), and the runbook's troubleshooting
 * options to pick a diagnosis from. The diagnosis passes when it is right and the runs made on this page showed the
 * drill's evidence. Each diagnosis is an attempt in the learner's progress. Test contract: {@code data-drill-result}
 * is {@code passed} or {@code failed}.
 */
@Route("drill")
@PermitAll
public class DrillView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final RunbookStore library;
    private final ProbeGate gate;
    private final StepRunner steps;
    private final CommandBinder binder;
    private final RunStore history;
    private final LabControl lab;
    private final Actor actor;
    private final Clock clock = Clock.systemUTC();

    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final List<StepOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final List<TerminalWidget> widgets = new ArrayList<>();
    private Drill drill;
    private Progress progress;
    private int generation;
    private boolean passed;
    private String title = "Probebook";

    public DrillView(
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
        outcomes.clear();
        values.clear(); // Vaadin reuses this view when only the parameter changes
        generation++; // runs still ending from the page before are not this drill's evidence
        passed = false;
        add(new NotebookHeader());
        Main doc = new Main();
        doc.addClassName("runbook");
        doc.addClassName("drill");
        add(doc);
        RunbookStore.Loaded runbook;
        String source;
        try {
            drill = Drill.of(parameter, library.load(parameter).plan().runbook());
            title = drill.title() + " · Probebook";
            doc.add(new H1(drill.title()));
            if (!drill.problems().isEmpty()) {
                problems(doc, drill.problems());
                return;
            }
            runbook = library.load(drill.runbook());
            source = library.source(drill.runbook()).text();
        } catch (RunbookException e) {
            doc.add(new H1(getTranslation("runbook.not-found")), new Div(e.getMessage()));
            return;
        }
        Optional<Scenario> fault = Scenario.byId(drill.fault());
        if (fault.isEmpty()) {
            problems(doc, List.of("fault '" + drill.fault() + "' is not a lab scenario"));
            return;
        }
        Div situation = new Div();
        situation.addClassName("prose");
        situation.addClassName("drill-situation");
        situation.getElement().setProperty("innerHTML", drill.situationHtml()); // sanitised by the parser
        doc.add(situation);
        boolean canRun = gate.rules().allows(actor, Action.RUN);
        Optional<LabControl.Running> running = lab.current();
        if (running.isEmpty()) {
            doc.add(GuideView.labNotRunning(this));
        } else {
            values.putAll(hidden(fault.get(), running.get().lab().variables(fault.get())));
            Div bound = new Div(new Span(getTranslation("drill.values")));
            bound.addClassName("variables");
            bound.getElement().setAttribute("data-variables", "");
            values.forEach((k, v) -> {
                Span s = new Span(k + " = " + v);
                s.addClassName("lab-value");
                bound.add(s);
            });
            doc.add(bound);
        }
        if (canRun) {
            startProgress();
        }
        RunbookPlan plan = runbook.plan();
        Guide guide = Guide.of(plan, source);
        for (GuidedStep step : guide.steps()) {
            if (step.manual()) {
                continue;
            }
            Div section = new Div(new H3(step.number() + ". " + step.heading()));
            section.addClassName("drill-step");
            for (Part part : step.shown()) {
                if (part instanceof Prose p && !p.html().isBlank()) {
                    section.add(ProseWithBlocks.div(
                            p.html(), line -> plan.blockAt(line).map(b -> widget(plan, runbook.hash(), b, canRun))));
                } else if (part instanceof CodeBlock c) {
                    plan.blockAt(c.line()).ifPresent(b -> section.add(widget(plan, runbook.hash(), b, canRun)));
                }
            }
            doc.add(section);
        }
        doc.add(diagnosis(canRun));
    }

    /**
     * The values bound to the fault's target, without a name that gives the fault away ({@code dropped.lab.test}):
     * such names are replaced by the target's address. The hosts-file case keeps its name; the name is the point.
     */
    static Map<String, String> hidden(Scenario fault, Map<String, String> bound) {
        Map<String, String> out = new LinkedHashMap<>(bound);
        String ip = bound.get("ip");
        for (String key : List.of("host", "domain")) {
            String v = out.get(key);
            boolean nameIsTheFault = fault == Scenario.HOSTS_OVERRIDE || fault == Scenario.NXDOMAIN;
            if (v != null && ip != null && !nameIsTheFault && !v.startsWith("app.")) {
                out.put(key, ip);
            }
        }
        return out;
    }

    private void problems(Main doc, List<String> problems) {
        Div box = new Div();
        box.addClassName("warning");
        box.getElement().setAttribute("data-drill-problems", "");
        problems.forEach(p -> box.add(new Div(p)));
        doc.add(box);
    }

    private Component widget(RunbookPlan plan, String version, PlannedBlock b, boolean canRun) {
        if (b.kind() == BlockKind.EXAMPLE) {
            return new Div();
        }
        TerminalWidget w = TerminalWidget.forStep(
                PracticeRuns.starter(
                        steps,
                        lab,
                        true,
                        gate.admission(actor),
                        actor.name(),
                        actor.displayName(),
                        RunPlace.step(
                                drill.runbook(), version, b.line(), b.code().section())),
                binder,
                plan,
                b,
                () -> Map.copyOf(values),
                List.of());
        if (!canRun && w.runnable()) {
            w.readOnly(gate.rules().needed(Action.RUN).label());
        }
        int page = generation;
        w.whenFinished(outcome -> {
            if (page == generation) {
                outcomes.add(outcome);
            }
        });
        widgets.add(w);
        return w;
    }

    private void startProgress() {
        try {
            progress = history.progress(actor.name(), Progress.Kind.DRILL, drill.name())
                    .orElseGet(() -> Progress.started(
                            actor.name(), actor.displayName(), Progress.Kind.DRILL, drill.name(), 1, clock.instant()));
            history.saveProgress(progress);
        } catch (StoreException e) {
            progress = null;
            Div warn = new Div(getTranslation("guide.progress-unavailable", e.getMessage()));
            warn.addClassName("warning");
            warn.getElement().setAttribute("data-progress-unavailable", "");
            add(warn);
        }
    }

    private Component diagnosis(boolean canRun) {
        Div box = new Div(new H2(getTranslation("drill.diagnosis")));
        box.addClassName("drill-diagnosis");
        RadioButtonGroup<Drill.Option> options = new RadioButtonGroup<>();
        options.setItems(drill.options());
        options.setItemLabelGenerator(Drill.Option::text);
        options.getElement().setAttribute("data-drill-options", "");
        options.addClassName("drill-options");
        Div result = new Div();
        result.addClassName("guided-check");
        Button submit = new Button(getTranslation("drill.submit"), e -> {
            Drill.Option chosen = options.getValue();
            if (chosen == null) {
                result.getElement().removeAttribute("data-drill-result");
                result.setText(getTranslation("drill.choose"));
                return;
            }
            judge(chosen, result);
        });
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.getElement().setAttribute("data-drill-submit", "");
        submit.setEnabled(canRun);
        box.add(options, submit, result);
        return box;
    }

    private void judge(Drill.Option chosen, Div result) {
        if (passed) {
            return;
        }
        Drill.Result judged = drill.judge(chosen.id(), List.copyOf(outcomes));
        passed = judged.passed();
        result.removeAll();
        result.getElement().setAttribute("data-drill-result", judged.passed() ? "passed" : "failed");
        if (judged.passed()) {
            result.add(new Div(getTranslation("drill.passed")));
            if (judged.explanation() != null) {
                result.add(new Div(judged.explanation()));
            }
        } else {
            // one answer for a wrong diagnosis and for a right one the runs have not shown: a learner cannot find the
            // answer by trying each option without looking
            result.add(new Div(getTranslation("drill.not-yet")));
        }
        if (progress != null) {
            Progress next = progress.attempt(chosen.id(), clock.instant());
            if (judged.passed()) {
                next = next.marked(1, Progress.PASSED, clock.instant()).complete(clock.instant());
            }
            try {
                history.saveProgress(next);
                progress = next;
            } catch (StoreException e) {
                result.add(new Div(getTranslation("guide.progress-unavailable", e.getMessage())));
            }
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

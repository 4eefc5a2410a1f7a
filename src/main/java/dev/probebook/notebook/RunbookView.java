package dev.probebook.notebook;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.probebook.access.Action;
import dev.probebook.access.Actor;
import dev.probebook.access.HostsWrites;
import dev.probebook.access.ProbeGate;
import dev.probebook.history.Report;
import dev.probebook.history.RunRecord;
import dev.probebook.history.RunStore;
import dev.probebook.history.StepKey;
import dev.probebook.history.StoreException;
import dev.probebook.library.RunbookStore;
import dev.probebook.plan.BlockKind;
import dev.probebook.plan.CommandBinder;
import dev.probebook.plan.PlannedBlock;
import dev.probebook.plan.PlannedCommand;
import dev.probebook.plan.RunbookPlan;
import dev.probebook.plan.Variable;
import dev.probebook.report.Reports;
import dev.probebook.runbook.CodeBlock;
import dev.probebook.runbook.Heading;
import dev.probebook.runbook.Part;
import dev.probebook.runbook.Prose;
import dev.probebook.runbook.RunbookException;
import dev.probebook.security.CurrentUser;
import dev.probebook.settings.Settings;
import dev.probebook.step.RunPlace;
import dev.probebook.step.StepRunner;
import jakarta.annotation.security.PermitAll;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /runbook/{name}}: the runbook as a document with a terminal widget per step, the variables bar
 * (values kept in the URL query), a table of contents, and Run all.
 *
 * <p>Prose reaches the page only as the parser's already sanitised HTML; everything else is set as text.
 * Code blocks nested inside prose (lists, quotes) are rendered in place ({@link ProseWithBlocks}).
 *
 * <p>Speed: the first {@link #BUILT_AT_ONCE} step widgets are built with the page; later ones show their command
 * and build themselves as they come near the screen or when Run all reaches them ({@link TerminalWidget#lazy}).
 * An example's output is added to the page when the example is first opened.
 */
@Route("runbook")
@PermitAll
public class RunbookView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    /** Step widgets built with the page: a runbook's first screens, and all of a typical runbook. */
    static final int BUILT_AT_ONCE = 20;

    /**
     * Parts (headings, prose, blocks) in the first response: all of a typical runbook, the first screens of a long one
     * (more than {@link #BUILT_AT_ONCE} steps); the rest follow in responses of {@link #MORE_PARTS}.
     */
    static final int FIRST_PARTS = 80;

    /**
     * Fifteen parts are three steps of heading, prose, command, caption and example: about 1,500 px, twice a laptop's
     * screen below the header and variables bar (30 parts were twice that, and 30 % more work in the browser before
     * the first screen could be used).
     */
    static final int FIRST_PARTS_OF_LONG = 15;

    static final int MORE_PARTS = 150;

    /** After the browser has shown a response: asks for the next parts (handled by {@link #renderSome}). */
    private static final String ASK_FOR_MORE =
            "requestAnimationFrame(() => setTimeout(() => $0.dispatchEvent(new CustomEvent('pb-more')), 0));";

    /**
     * Tells each lazy step widget under the view's element when it comes within about a screen of the
     * viewport ({@code pb-visible}); run once per rendering, after the widgets are in the page.
     */
    private static final String OBSERVE_LAZY_STEPS = """
            const io = new IntersectionObserver((entries) => entries.forEach((e) => {
              if (e.isIntersecting) {
                io.unobserve(e.target);
                e.target.dispatchEvent(new CustomEvent('pb-visible'));
              }
            }), {rootMargin: '100% 0px'});
            $0.querySelectorAll('[data-lazy]:not([data-watched])').forEach((el) => {
              el.setAttribute('data-watched', '');
              io.observe(el);
            });""";

    private final RunbookStore library;
    private final ProbeGate gate;
    private final StepRunner steps;
    private final Actor actor;
    private final CommandBinder binder;
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final List<TerminalWidget> widgets = new ArrayList<>();
    private RunbookPlan plan;
    private String name;
    private String title = "Probebook";
    private RunAllPanel runAll;
    private Main doc;
    /** Parts not on the page yet (progressive rendering of long runbooks). */
    private Deque<Part> rest = new ArrayDeque<>();
    /** Names the current rendering (a deep link's scroll happens once per rendering). */
    private String rendering = "";

    private String version;
    private Map<Integer, List<RunRecord>> recent = Map.of();
    private String historyProblem;

    private final int maxRunAllSteps;
    private final RunStore history;
    private final Reports reports;

    private final HostsWrites hostsWrites;

    public RunbookView(
            RunbookStore library,
            ProbeGate gate,
            StepRunner steps,
            CommandBinder binder,
            Settings settings,
            HostsWrites hostsWrites,
            RunStore history,
            Reports reports) {
        this.history = history;
        this.reports = reports;
        this.hostsWrites = hostsWrites;
        this.maxRunAllSteps = settings.limits().runAllMaxSteps();
        this.library = library;
        this.gate = gate;
        this.steps = steps;
        this.actor = CurrentUser.orNobody();
        this.binder = binder;
        addClassName("page");
        getElement().addEventListener("pb-more", e -> {
            renderSome(MORE_PARTS);
            afterSome();
        });
    }

    private static final Logger log = LoggerFactory.getLogger(RunbookView.class);

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        long t0 = System.nanoTime();
        show(event, parameter);
        log.debug("runbook page {} built in {} ms", parameter, (System.nanoTime() - t0) / 1_000_000);
    }

    private void show(BeforeEvent event, String parameter) {
        removeAll();
        rest.clear();
        rendering = UUID.randomUUID().toString();
        widgets.clear();
        values.clear();
        name = parameter;
        add(new NotebookHeader());
        RunbookStore.Loaded loaded;
        try {
            loaded = library.load(parameter);
        } catch (RunbookException e) {
            Main main = new Main(new H1(getTranslation("runbook.not-found")), new Div(e.getMessage()));
            main.addClassName("runbook");
            if (editable(parameter)) { // a runbook that does not parse can still be mended in the editor
                main.add(editButton());
            }
            add(main);
            title = getTranslation("runbook.not-found");
            return;
        }
        plan = loaded.plan();
        version = loaded.hash();
        try {
            recent = history.recentByStep(
                    parameter, plan.steps().stream().map(RunbookView::stepKey).toList(), StepHistory.SHOWN);
            historyProblem = null;
        } catch (StoreException e) {
            recent = Map.of();
            historyProblem = e.getMessage();
        }
        title = (plan.title() == null || plan.title().isBlank() ? parameter : plan.title()) + " · Probebook";
        values.putAll(
                VariableQuery.fromQuery(event.getLocation().getQueryParameters().getParameters(), plan.variables()));
        render(loaded);
    }

    private void render(RunbookStore.Loaded loaded) {
        Div layout = new Div();
        layout.addClassName("runbook-layout");
        Aside toc = toc();
        Main doc = new Main();
        doc.addClassName("runbook");
        Div actions = new Div();
        actions.addClassName("runbook-actions");
        if (gate.rules().allows(actor, Action.EDIT)) {
            actions.add(editButton());
        }
        String kind = plan.runbook().frontMatter().string("kind");
        if ("drill".equalsIgnoreCase(kind)) {
            RouterLink drill = new RouterLink(getTranslation("runbook.drill-start"), DrillView.class, name);
            drill.getElement().setAttribute("data-drill-link", name);
            actions.add(drill);
        } else if (!plan.steps().isEmpty()) {
            RouterLink guided = new RouterLink(getTranslation("runbook.guided"), GuideView.class, name);
            guided.getElement().setAttribute("data-guided-link", name);
            actions.add(guided);
        }
        RouterLink versions = new RouterLink(getTranslation("versions.link"), VersionsView.class, name);
        versions.getElement().setAttribute("data-versions", "");
        RouterLink runs = new RouterLink(getTranslation("history.all"), HistoryView.class, name);
        actions.add(versions, runs);
        String owner = plan.runbook().frontMatter().string("owner");
        if (owner != null) {
            Span owned = new Span(getTranslation("runbook.owner", owner));
            owned.getElement().setAttribute("data-owner", owner);
            actions.add(owned);
        }
        doc.add(actions);
        doc.add(variablesBar());
        runAll = new RunAllPanel(
                widgets, this::renderRest, maxRunAllSteps, historyProblem == null ? this::report : null);
        doc.add(runAll);
        runAll.setVisible(gate.rules().allows(actor, Action.RUN));
        long notRun = plan.notRunLines();
        if (notRun > 0) {
            Div note = new Div(getTranslation("runbook.not-run-count", notRun));
            note.addClassName("not-run-count");
            note.getElement().setAttribute("data-not-run-count", String.valueOf(notRun));
            doc.add(note);
        }
        if (historyProblem != null) {
            Div warn = new Div(getTranslation("history.unavailable", historyProblem));
            warn.addClassName("warning");
            warn.getElement().setAttribute("data-history-unavailable", "");
            doc.add(warn);
        }
        for (String w : loaded.warnings()) {
            Div warn = new Div(getTranslation("runbook.warning") + ": " + w);
            warn.addClassName("warning");
            doc.add(warn);
        }
        this.doc = doc;
        rest = new ArrayDeque<>(plan.runbook().parts());
        renderSome(plan.steps().size() > BUILT_AT_ONCE ? FIRST_PARTS_OF_LONG : FIRST_PARTS);
        if (toc != null) {
            layout.add(toc);
        }
        layout.add(doc);
        add(layout);
        afterSome();
    }

    /**
     * Adds up to {@code parts} more parts of the runbook to the page (a first screen's worth stops at
     * {@link #BUILT_AT_ONCE} step widgets).
     */
    private void renderSome(int parts) {
        int stepsBefore = widgets.size();
        for (int i = 0; i < parts && !rest.isEmpty(); i++) {
            if (stepsBefore < BUILT_AT_ONCE && widgets.size() >= BUILT_AT_ONCE) {
                break;
            }
            switch (rest.poll()) {
                case Heading h -> doc.add(heading(h));
                case Prose p -> {
                    // code blocks nested in lists or quotes: their widgets go in place of the markers; prose of
                    // which nothing safe is left (a lone <script>) shows nothing
                    if (!p.html().isBlank()) {
                        doc.add(ProseWithBlocks.div(
                                p.html(), line -> plan.blockAt(line).map(this::block)));
                    }
                }
                case CodeBlock c -> plan.blockAt(c.line()).ifPresent(b -> doc.add(block(b)));
            }
        }
    }

    /**
     * After a response's worth of parts: lazy widgets get watched, and while parts remain the page asks for the
     * next ones once it has shown these ({@code pb-more}), so the first screen never waits for the whole runbook.
     */
    private void afterSome() {
        InPageLinks.keepOnPage(getElement(), rendering);
        if (widgets.size() > BUILT_AT_ONCE) {
            getElement().executeJs(OBSERVE_LAZY_STEPS, getElement());
        }
        if (!rest.isEmpty()) {
            getElement().executeJs(ASK_FOR_MORE, getElement());
        }
    }

    /** Everything not yet on the page, at once (Run all needs every step). */
    private void renderRest() {
        if (!rest.isEmpty()) {
            renderSome(Integer.MAX_VALUE);
            afterSome();
        }
    }

    /** A heading with its anchor link: one element whose (escaped) content is set as HTML, not a tree of nodes. */
    private Component heading(Heading h) {
        Div wrap = new Div();
        wrap.addClassName("heading");
        Element el = new Element("h" + Math.max(1, Math.min(6, h.level())));
        el.setAttribute("id", h.anchor());
        el.setProperty(
                "innerHTML",
                Entities.escape(h.text()) + " <a class=\"anchor\" aria-hidden=\"true\" href=\"#"
                        + Entities.escape(h.anchor()) + "\">#</a>");
        wrap.getElement().appendChild(el);
        return wrap;
    }

    /** Shown only to those allowed to edit; the editor checks again. */
    private NativeButton editButton() {
        NativeButton edit = new NativeButton(
                getTranslation("runbook.edit"), e -> UI.getCurrent().navigate(RunbookEditorView.class, name));
        edit.addClassName("pb-button");
        edit.getElement().setAttribute("data-edit", "");
        return edit;
    }

    private boolean editable(String name) {
        if (!gate.rules().allows(actor, Action.EDIT)) {
            return false;
        }
        try {
            library.source(name);
            return true;
        } catch (RunbookException e) {
            return false;
        }
    }

    /** The table of contents: static links, set as one piece of (escaped) HTML. */
    private Aside toc() {
        List<Heading> headings = plan.runbook().parts().stream()
                .filter(p -> p instanceof Heading h && h.level() <= 3)
                .map(p -> (Heading) p)
                .toList();
        if (headings.size() < 2) {
            return null;
        }
        Aside aside = new Aside();
        aside.addClassName("toc");
        if (plan.runbook().frontMatter().flag("toc_sticky")) {
            aside.addClassName("sticky");
        }
        StringBuilder html = new StringBuilder("<div class=\"toc-title\">")
                .append(Entities.escape(getTranslation("runbook.toc")))
                .append("</div>");
        for (Heading h : headings) {
            html.append("<a class=\"toc-")
                    .append(h.level())
                    .append("\" href=\"#")
                    .append(Entities.escape(h.anchor()))
                    .append("\">")
                    .append(Entities.escape(h.text()))
                    .append("</a>");
        }
        aside.getElement().setProperty("innerHTML", html.toString());
        return aside;
    }

    private Component variablesBar() {
        Div bar = new Div();
        bar.addClassName("variables");
        bar.getElement().setAttribute("data-variables", "");
        Span label = new Span(getTranslation("runbook.variables"));
        label.addClassName("variables-title");
        bar.add(label);
        if (plan.variables().isEmpty()) {
            bar.add(new Span(getTranslation("runbook.no-variables")));
        }
        for (Variable v : plan.variables()) {
            bar.add(VariableField.of(v, values, () -> {
                widgets.forEach(TerminalWidget::variablesChanged);
                updateUrl();
            }));
        }
        return bar;
    }

    private void updateUrl() {
        // Built here and set with the browser's own history API: Vaadin's Location/QueryParameters keep
        // parameters in a hash map and so lose the runbook's variable order in the shared link.
        String query = VariableQuery.queryString(VariableQuery.toQuery(values, plan.variables()));
        String path =
                "runbook/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + query;
        UI.getCurrent().getPage().executeJs("window.history.replaceState(window.history.state, '', $0)", path);
    }

    private Component block(PlannedBlock b) {
        if (b.kind() == BlockKind.EXAMPLE) {
            // the caption is the text just above the block, already on the page: the summary does not repeat it
            NativeDetails details = new NativeDetails(getTranslation("runbook.example"));
            details.setId("example-" + b.line());
            details.addClassName("example");
            details.addToggleListener(e -> {
                if (e.isOpened() && details.getContent() == null) {
                    Pre pre = new Pre(b.code().text());
                    pre.addClassName("code");
                    details.setContent(pre);
                }
            });
            return details;
        }
        StepStarter starter = StepStarter.of(
                steps,
                gate.admission(actor),
                actor.name(),
                actor.displayName(),
                RunPlace.step(name, version, b.line(), b.code().section()));
        TerminalWidget w = widgets.size() < BUILT_AT_ONCE
                ? TerminalWidget.forStep(starter, binder, plan, b, () -> Map.copyOf(values), examplesOf(b))
                : TerminalWidget.lazy(starter, binder, plan, b, () -> Map.copyOf(values), examplesOf(b));
        if (!gate.rules().allows(actor, Action.RUN) && w.runnable()) {
            w.readOnly(gate.rules().needed(Action.RUN).label());
        }
        w.hostsWrites(hostsWrites, actor);
        if (historyProblem == null && w.runnable()) {
            w.withHistory(new StepHistory(
                    history, name, stepKey(b), reports.visibility(actor), recent.getOrDefault(b.line(), List.of())));
        }
        widgets.add(w);
        return w;
    }

    private List<LooksLike.Example> examplesOf(PlannedBlock step) {
        List<LooksLike.Example> out = new ArrayList<>();
        for (PlannedBlock e : plan.examplesOf(step.line())) {
            String caption = Optional.ofNullable(e.code().caption())
                    .filter(c -> !c.isBlank())
                    .orElse(getTranslation("runbook.example") + " (" + e.line() + ")");
            out.add(new LooksLike.Example(e.line(), caption, e.code().text()));
        }
        for (PlannedCommand c : step.commands()) {
            if (!c.exampleOutput().isEmpty()) {
                out.add(new LooksLike.Example(step.line(), c.text(), String.join("\n", c.exampleOutput())));
            }
        }
        return out;
    }

    /** A report of a finished Run all; the browser goes to it. */
    private void report(String session) {
        Report report;
        try {
            report = reports.ofSession(actor, session, null);
        } catch (Exception e) {
            runAll.problem(getTranslation("report.failed", e.getMessage()));
            return;
        }
        UI.getCurrent().navigate(ReportView.class, report.id());
    }

    /** Current variable values (for tests and Run all). */
    Map<String, String> values() {
        return new LinkedHashMap<>(values);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    /** A step as the run history knows it (the heading its runs were recorded with: {@link RunPlace#step}). */
    static StepKey stepKey(PlannedBlock b) {
        return new StepKey(b.line(), b.code().section());
    }
}

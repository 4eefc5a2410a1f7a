package dev.probebook.notebook;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.probebook.access.Actor;
import dev.probebook.history.Report;
import dev.probebook.history.RunRecord;
import dev.probebook.history.StoreException;
import dev.probebook.registry.ProbeRegistry;
import dev.probebook.report.ReportDocument;
import dev.probebook.report.ReportMarkdown;
import dev.probebook.report.Reports;
import dev.probebook.report.Visibility;
import dev.probebook.security.CurrentUser;
import dev.probebook.settings.Settings;
import jakarta.annotation.security.PermitAll;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /reports/{id}}: a report as a page, the permalink people hand to each other: the runbook's prose with each
 * step's runs in place (command as run, output, verdict, facts), who made it and when, the values and the version;
 * downloads as Markdown, one HTML file, JSON, and a capture's pcap; "Copy as Markdown" for a ticket. What the
 * reader's role could not have run shows without its output. A report that does not exist is a page saying so.
 *
 * <p>Test contract: the page carries {@code data-report} (its id), each step {@code data-report-step} (its line),
 * each run {@code data-report-run} (its id) and {@code data-verdict}.
 */
@Route("reports")
@PermitAll
public class ReportView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Reports reports;
    /** Names {@code tcpdump -w} gives its files ({@code capture-20250101-120000-1a2b3c.pcap}). */
    private static final Pattern CAPTURE_NAME = Pattern.compile("capture-\\d{8}-\\d{6}-[0-9a-f]{6}\\.pcap");

    private final ProbeRegistry registry;
    private final Path captures;
    private final Actor actor = CurrentUser.orNobody();
    private String title = "Probebook";

    public ReportView(Reports reports, ProbeRegistry registry, Settings settings) {
        this.reports = reports;
        this.registry = registry;
        this.captures = settings.dataDir().resolve("captures").toAbsolutePath().normalize();
        addClassName("page");
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        removeAll();
        Main main = new Main();
        main.addClassName("report");
        add(new NotebookHeader(), main);
        Optional<Report> found;
        try {
            found = reports.find(id);
        } catch (StoreException e) {
            title = getTranslation("report.unavailable");
            Div problem = new Div(getTranslation("history.unavailable", e.getMessage()));
            problem.addClassName("warning");
            main.add(new H1(title), problem);
            return;
        }
        if (found.isEmpty()) {
            title = getTranslation("report.not-found");
            Div nothing = new Div(getTranslation("report.not-found"));
            nothing.getElement().setAttribute("data-report-missing", id);
            main.add(new H1(title), nothing);
            return;
        }
        Report report = found.get();
        title = report.title() + " · Probebook";
        Visibility visibility = reports.visibility(actor);
        main.getElement().setAttribute("data-report", report.id());
        main.add(new H1(report.title()), header(report, visibility));
        ReportDocument doc = ReportDocument.of(report, registry);
        for (ReportDocument.Section s : doc.sections()) {
            switch (s) {
                case ReportDocument.HeadingSection h -> {
                    Element el = new Element("h" + Math.max(2, Math.min(6, h.level() + 1)));
                    el.setText(h.text());
                    el.setAttribute("id", h.anchor());
                    main.getElement().appendChild(el);
                }
                case ReportDocument.ProseSection p -> {
                    Div prose = new Div();
                    prose.addClassName("prose");
                    prose.getElement().setProperty("innerHTML", p.html()); // sanitised by the parser
                    main.add(prose);
                }
                case ReportDocument.StepSection step -> main.add(step(step, visibility));
            }
        }
        if (!doc.elsewhere().isEmpty()) {
            main.getElement().appendChild(new Element("h2").setText(getTranslation("report.other-runs")));
            for (RunRecord r : doc.elsewhere()) {
                Div box = new Div(run(r, visibility));
                box.addClassName("report-step");
                main.add(box);
            }
        }
    }

    private Div header(Report report, Visibility visibility) {
        Div meta = new Div();
        meta.addClassName("report-meta");
        meta.add(new Div(
                getTranslation("report.made-by", report.createdByName(), StepHistory.WHEN.format(report.createdAt()))));
        if (report.runbook() != null) {
            meta.add(new Div(getTranslation(
                    "report.runbook",
                    report.runbook(),
                    report.version() == null
                            ? "-"
                            : report.version()
                                    .substring(0, Math.min(12, report.version().length())))));
        }
        if (!report.variables().isEmpty()) {
            StringBuilder values = new StringBuilder();
            new TreeMap<>(report.variables())
                    .forEach((k, v) -> values.append(values.isEmpty() ? "" : ", ")
                            .append(k)
                            .append('=')
                            .append(v));
            meta.add(new Div(getTranslation("report.values", values)));
        }
        Div actions = new Div();
        actions.addClassName("report-actions");
        for (String kind : List.of("md", "html", "json")) {
            Anchor a = new Anchor("reports/" + report.id() + "." + kind, "." + kind);
            a.setRouterIgnore(true);
            a.setTarget(AnchorTarget.BLANK);
            a.getElement().setAttribute("data-export", kind);
            actions.add(a);
        }
        String markdown = ReportMarkdown.of(report, registry, visibility);
        Span copied = new Span();
        Button copy = new Button(getTranslation("report.copy"), e -> {
            UI.getCurrent().getPage().executeJs("return navigator.clipboard.writeText($0)", markdown);
            copied.setText(getTranslation("report.copied"));
        });
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
        copy.getElement().setAttribute("data-copy-markdown", "");
        actions.add(copy, copied);
        if (reports.mayDelete(actor)) {
            Button delete = new Button(getTranslation("report.delete"), e -> delete(report.id(), actions));
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            delete.getElement().setAttribute("data-delete-report", "");
            actions.add(delete);
        }
        meta.add(actions);
        return meta;
    }

    private void delete(String id, Div actions) {
        try {
            reports.delete(actor, id);
            actions.removeAll();
            actions.add(new Span(getTranslation("report.deleted")));
        } catch (Exception e) {
            actions.add(new Span(e.getMessage()));
        }
    }

    private Div step(ReportDocument.StepSection step, Visibility visibility) {
        Div box = new Div();
        box.addClassName("report-step");
        box.getElement().setAttribute("data-report-step", String.valueOf(step.line()));
        Pre commands = new Pre(step.commands());
        commands.addClassName("code");
        box.add(commands);
        if (step.runs().isEmpty()) {
            Div none = new Div(getTranslation("report.not-run"));
            none.addClassName("history-none");
            box.add(none);
        }
        step.runs().forEach(r -> box.add(run(r, visibility)));
        return box;
    }

    private Div run(RunRecord r, Visibility visibility) {
        Div box = new Div();
        box.addClassName("report-run");
        box.getElement().setAttribute("data-report-run", r.id());
        box.getElement().setAttribute("data-verdict", r.verdict());
        Span badge = new Span(r.verdict());
        badge.addClassNames("badge", "verdict-" + r.verdict());
        Div status = new Div(badge, new Span(" " + KoreanSummaries.forPage(getLocale(), r.summary())));
        status.addClassName("status");
        Div meta = new Div(StepHistory.WHEN.format(r.startedAt()) + " · " + r.userName() + " · " + r.elapsedMs() + " ms"
                + (r.targets() == null ? "" : " · " + r.targets()));
        meta.addClassName("report-run-meta");
        box.add(status, meta);
        if (!visibility.mayRead(r)) {
            box.add(new Div(getTranslation("history.hidden")));
            return box;
        }
        Pre output =
                new Pre("$ " + r.commandRun().replace("\n", "\n$ ") + (r.output() == null ? "" : "\n" + r.output()));
        output.addClassName("output");
        box.add(output);
        if (!r.facts().isEmpty()) {
            box.add(DetailViews.table(
                    List.of(getTranslation("history.fact"), getTranslation("history.now")),
                    r.facts().entrySet().stream()
                            .map(e -> List.of(e.getKey(), e.getValue()))
                            .toList()));
        }
        capture(r).ifPresent(box::add);
        return box;
    }

    /**
     * The pcap a {@code -w} capture of this run wrote, when it is still there: only a capture file's name in this
     * server's captures folder, whatever path the record holds (a shared database is not trusted with file paths).
     */
    private Optional<Anchor> capture(RunRecord r) {
        if (r.details() == null || !r.details().contains("savedFile")) {
            return Optional.empty();
        }
        JsonNode saved = JSON.readTree(r.details()).path("savedFile");
        if (!saved.isString()) {
            return Optional.empty();
        }
        Path recorded = Path.of(saved.asString()).getFileName();
        String name = recorded == null ? "" : recorded.toString();
        if (!CAPTURE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = captures.resolve(name);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Anchor link = new Anchor(
                DownloadHandler.forFile(file.toFile(), name),
                AttachmentType.DOWNLOAD,
                getTranslation("report.pcap", name));
        link.getElement().setAttribute("data-report-pcap", name);
        return Optional.of(link);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

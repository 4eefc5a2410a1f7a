package dev.probebook.notebook;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import dev.probebook.engine.RunResult;
import dev.probebook.probe.ProbeDetails;
import dev.probebook.probe.capture.CaptureDetails;
import dev.probebook.probe.dns.DnsDetails;
import dev.probebook.probe.hosts.HostsDetails;
import dev.probebook.probe.http.HttpDetails;
import dev.probebook.probe.interfaces.InterfacesDetails;
import dev.probebook.probe.sockets.SocketsDetails;
import dev.probebook.probe.tcp.TcpDetails;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The structured views of runs, one per details type, registered here and looked up by the type of each run's
 * {@link ProbeDetails}: HTTP phase timings as a bar plus the certificate's days to expiry, DNS answers and TCP
 * connect attempts as tables, a capture as a packet timeline with its pcap download ({@link CaptureTimeline}),
 * listening sockets ({@link SocketsTable}), interfaces with their address classes ({@link InterfacesTable}), and
 * under a hosts dry run the guarded "Apply to hosts file…" ({@link HostsApplyButton}). A details type without a view
 * shows only as text. All text goes in with {@code setText}, never as HTML.
 */
final class DetailViews {

    private final Map<Class<? extends ProbeDetails>, DetailView<?>> views = new HashMap<>();

    /** The views the notebook ships. */
    static DetailViews standard() {
        return new DetailViews()
                .register(HttpDetails.class, (d, c) -> Optional.of(http(d, c.texts())))
                .register(
                        DnsDetails.class,
                        (d, c) -> d.answers().isEmpty() ? Optional.empty() : Optional.of(dns(d, c.texts())))
                .register(
                        TcpDetails.class,
                        (d, c) -> d.attempts().isEmpty() ? Optional.empty() : Optional.of(tcp(d, c.texts())))
                .register(CaptureDetails.class, CaptureTimeline::render)
                .register(
                        SocketsDetails.class,
                        (d, c) -> d.sockets().isEmpty() ? Optional.empty() : Optional.of(SocketsTable.of(d, c.texts())))
                .register(
                        InterfacesDetails.class,
                        (d, c) -> d.interfaces().isEmpty()
                                ? Optional.empty()
                                : Optional.of(InterfacesTable.of(d, c.texts())))
                .register(HostsDetails.class, HostsApplyButton::render);
    }

    /** Adds (or replaces) the view of one details type. */
    <D extends ProbeDetails> DetailViews register(Class<D> type, DetailView<D> view) {
        views.put(type, view);
        return this;
    }

    /** The views of every run's details, in run order, in one box. */
    Div render(List<RunResult> runs, DetailContext context) {
        Div box = new Div();
        box.addClassName("details");
        for (RunResult r : runs) {
            if (r.details() != null) {
                render(r.details(), context).ifPresent(box::add);
            }
        }
        return box;
    }

    private <D extends ProbeDetails> Optional<Component> render(D details, DetailContext context) {
        @SuppressWarnings("unchecked") // registered by their own type in register()
        DetailView<D> view = (DetailView<D>) views.get(details.getClass());
        return view == null ? Optional.empty() : view.render(details, context);
    }

    private static Component http(HttpDetails d, BiFunction<String, Object[], String> t) {
        Div box = new Div();
        box.getElement().setAttribute("data-details", "http");
        HttpDetails.Timings tm = d.timings();
        if (tm != null && tm.total() > 0) {
            box.add(heading(t.apply("widget.timings", new Object[0])));
            List<TimingPhase> phases = TimingPhase.of(
                    tm,
                    String.valueOf(d.effectiveUrl() != null ? d.effectiveUrl() : d.url())
                            .startsWith("https:"));
            Div bar = new Div();
            bar.addClassName("timing-bar");
            Div legend = new Div();
            legend.addClassName("timing-legend");
            for (TimingPhase p : phases) {
                String name = t.apply("widget.phase-" + p.key(), new Object[0])
                        + (p.unfinished() ? " (" + t.apply("widget.phase-unfinished", new Object[0]) + ")" : "");
                Span seg = new Span();
                seg.addClassNames("phase", "phase-" + p.index());
                if (p.unfinished()) {
                    seg.addClassName("unfinished");
                }
                seg.getStyle().set("flex-grow", String.format(Locale.ROOT, "%.3f", Math.max(p.ms(), tm.total() / 200)));
                seg.getElement().setAttribute("title", name + " " + ms(p.ms()));
                bar.add(seg);
                Span key = new Span(name + " " + ms(p.ms()));
                key.addClassNames("phase-key", "phase-key-" + p.index());
                key.getElement().setAttribute("data-phase", p.key());
                legend.add(key);
            }
            legend.add(new Span(t.apply("widget.phase-total", new Object[0]) + " " + ms(tm.total())));
            box.add(bar, legend);
        }
        if (d.status() != null) {
            box.add(new Div(new Span("HTTP " + d.status() + (d.statusText() == null ? "" : " " + d.statusText())
                    + (d.remoteIp() == null
                            ? ""
                            : "  ← " + d.remoteIp() + (d.remotePort() == null ? "" : ":" + d.remotePort())))));
        }
        HttpDetails.Certificate c = d.certificate();
        if (c != null) {
            box.add(heading(t.apply("widget.certificate", new Object[0])));
            Span days = new Span(t.apply("widget.days-left", new Object[] {c.daysLeft()}));
            days.addClassNames(
                    "badge", c.daysLeft() < 0 ? "verdict-fail" : c.daysLeft() < 30 ? "verdict-warn" : "verdict-ok");
            days.getElement().setAttribute("data-days-left", String.valueOf(c.daysLeft()));
            box.add(
                    table(
                            columns(t, "subject", "issuer", "expires", "verified"),
                            List.of(List.of(
                                    nz(c.subject()),
                                    nz(c.issuer()),
                                    nz(c.notAfter()),
                                    t.apply(c.verified() ? "col.yes" : "col.no", new Object[0])
                                            + (c.problem() == null ? "" : ": " + c.problem())))),
                    new Div(days));
        }
        return box;
    }

    private static Component dns(DnsDetails d, BiFunction<String, Object[], String> t) {
        Div box = new Div();
        box.getElement().setAttribute("data-details", "dns");
        box.add(heading(
                t.apply("widget.answers", new Object[0]) + (d.server() == null ? "" : " (" + d.server() + ")")));
        box.add(table(
                columns(t, "name", "type", "TTL", "data"),
                d.answers().stream()
                        .map(a -> List.of(a.name(), a.type(), String.valueOf(a.ttl()), a.data()))
                        .toList()));
        return box;
    }

    private static Component tcp(TcpDetails d, BiFunction<String, Object[], String> t) {
        Div box = new Div();
        box.getElement().setAttribute("data-details", "tcp");
        box.add(heading(t.apply("widget.attempts", new Object[0])));
        box.add(table(
                columns(t, "address", "port", "outcome", "time"),
                d.attempts().stream()
                        .map(a -> List.of(a.address(), String.valueOf(a.port()), a.outcome(), ms(a.millis())))
                        .toList()));
        return box;
    }

    /**
     * Column headers in the page's language: a word with a translation ({@code col.address}) is translated,
     * a technical term without one (TTL, SYN, MTU) stays as it is.
     */
    static List<String> columns(BiFunction<String, Object[], String> t, String... keys) {
        return java.util.Arrays.stream(keys)
                .map(k -> {
                    String translated = t.apply("col." + k, new Object[0]);
                    return translated.equals("col." + k) ? k : translated;
                })
                .toList();
    }

    static Component heading(String text) {
        Div h = new Div(text);
        h.addClassName("details-heading");
        return h;
    }

    static Component table(List<String> header, List<List<String>> rows) {
        Element table = new Element("table");
        table.getClassList().add("data-table");
        Element head = new Element("tr");
        header.forEach(h -> head.appendChild(new Element("th").setText(h)));
        table.appendChild(head);
        for (List<String> row : rows) {
            Element tr = new Element("tr");
            row.forEach(cell -> tr.appendChild(new Element("td").setText(nz(cell))));
            table.appendChild(tr);
        }
        Div wrap = new Div();
        wrap.addClassName("table-wrap");
        wrap.getElement().appendChild(table);
        return wrap;
    }

    private static String ms(double ms) {
        return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%.0f ms", ms);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

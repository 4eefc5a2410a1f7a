package dev.probebook.notebook;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import dev.probebook.engine.RunResult;
import dev.probebook.probe.capture.CaptureDetails;
import dev.probebook.probe.dns.DnsDetails;
import dev.probebook.probe.http.HttpDetails;
import dev.probebook.probe.interfaces.InterfacesDetails;
import dev.probebook.probe.sockets.SocketsDetails;
import dev.probebook.probe.tcp.TcpDetails;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The structured view of a run where it says more than text: HTTP phase timings as a bar plus the
 * certificate's days to expiry, DNS answers as a table, TCP connect attempts as a table, a capture as a
 * packet timeline ({@link CaptureTimeline}), listening sockets as a filterable table ({@link SocketsTable}),
 * interfaces with their address classes ({@link InterfacesTable}). All text goes in
 * with {@code setText}, never as HTML.
 */
final class ResultDetails {

    private ResultDetails() {}

    /** @param t translation: key and arguments to UI text */
    static Div of(List<RunResult> runs, BiFunction<String, Object[], String> t) {
        Div box = new Div();
        box.addClassName("details");
        for (RunResult r : runs) {
            switch (r.details()) {
                case HttpDetails http -> box.add(http(http, t));
                case DnsDetails dns when !dns.answers().isEmpty() -> box.add(dns(dns, t));
                case TcpDetails tcp when !tcp.attempts().isEmpty() -> box.add(tcp(tcp, t));
                case CaptureDetails capture -> box.add(CaptureTimeline.of(capture, t));
                case SocketsDetails sockets when !sockets.sockets().isEmpty() -> box.add(SocketsTable.of(sockets, t));
                case InterfacesDetails ifaces
                when !ifaces.interfaces().isEmpty() -> box.add(InterfacesTable.of(ifaces, t));
                case null, default -> {}
            }
        }
        return box;
    }

    private static Component http(HttpDetails d, BiFunction<String, Object[], String> t) {
        Div box = new Div();
        box.getElement().setAttribute("data-details", "http");
        HttpDetails.Timings tm = d.timings();
        if (tm != null && tm.total() > 0) {
            box.add(heading(t.apply("widget.timings", new Object[0])));
            double tlsEnd = Math.max(tm.appconnect(), tm.connect());
            double[][] phases = {
                {0, tm.namelookup()},
                {tm.namelookup(), tm.connect()},
                {tm.connect(), tm.appconnect() > 0 ? tm.appconnect() : tm.connect()},
                {tlsEnd, tm.starttransfer()},
                {tm.starttransfer(), tm.total()}
            };
            String[] names = {"DNS", "connect", "TLS", "first byte", "transfer"};
            Div bar = new Div();
            bar.addClassName("timing-bar");
            Div legend = new Div();
            legend.addClassName("timing-legend");
            for (int i = 0; i < phases.length; i++) {
                double ms = Math.max(0, phases[i][1] - phases[i][0]);
                if (ms <= 0 && i != 4) {
                    continue;
                }
                Span seg = new Span();
                seg.addClassNames("phase", "phase-" + i);
                seg.getStyle().set("flex-grow", String.format(Locale.ROOT, "%.3f", Math.max(ms, tm.total() / 200)));
                seg.getElement().setAttribute("title", names[i] + " " + ms(ms));
                bar.add(seg);
                Span key = new Span(names[i] + " " + ms(ms));
                key.addClassNames("phase-key", "phase-key-" + i);
                legend.add(key);
            }
            legend.add(new Span("total " + ms(tm.total())));
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
                            List.of("subject", "issuer", "expires", "verified"),
                            List.of(List.of(
                                    nz(c.subject()),
                                    nz(c.issuer()),
                                    nz(c.notAfter()),
                                    c.verified() ? "yes" : "no" + (c.problem() == null ? "" : ": " + c.problem())))),
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
                List.of("name", "type", "TTL", "data"),
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
                List.of("address", "port", "outcome", "time"),
                d.attempts().stream()
                        .map(a -> List.of(a.address(), String.valueOf(a.port()), a.outcome(), ms(a.millis())))
                        .toList()));
        return box;
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

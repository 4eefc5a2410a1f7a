package dev.probebook.notebook;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.dom.Element;
import dev.probebook.probe.sockets.SocketsDetails;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * A socket listing as a table with a filter box: the listening sockets (TCP LISTEN, UNIX LISTENING, UDP
 * bound without a peer) when there are any, else every socket shown. The filter keeps the rows whose cells
 * contain every word typed (case-insensitive), e.g. {@code 8080} or {@code tcp6 java}. Filtering hides rows on
 * the server; the rows are built once.
 */
final class SocketsTable {

    /** Rows shown at most; the output above holds every socket. */
    static final int MAX_ROWS = 1000;

    private final Div box = new Div();
    private final TextField filter = new TextField();
    private final List<Element> rows = new ArrayList<>();
    private final List<String> rowText = new ArrayList<>();

    private SocketsTable(SocketsDetails d, BiFunction<String, Object[], String> t) {
        box.getElement().setAttribute("data-details", "sockets");
        List<SocketsDetails.Socket> listening =
                d.sockets().stream().filter(SocketsTable::listening).toList();
        List<SocketsDetails.Socket> shown = listening.isEmpty() ? d.sockets() : listening;
        box.add(DetailViews.heading(
                t.apply(listening.isEmpty() ? "widget.sockets" : "widget.listening", new Object[] {shown.size()})));
        filter.setPlaceholder(t.apply("widget.filter", new Object[0]));
        filter.setAriaLabel(t.apply("widget.filter", new Object[0]));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addClassName("table-filter");
        filter.getElement().setAttribute("data-filter", "");
        filter.addValueChangeListener(e -> apply(e.getValue()));
        box.add(filter);

        Element table = new Element("table");
        table.getClassList().add("data-table");
        Element head = new Element("tr");
        for (String h : DetailViews.columns(t, "proto", "local address", "port", "peer", "state", "pid", "program")) {
            head.appendChild(new Element("th").setText(h));
        }
        table.appendChild(head);
        for (SocketsDetails.Socket s : shown.subList(0, Math.min(MAX_ROWS, shown.size()))) {
            List<String> cells = List.of(
                    s.proto(),
                    nz(s.localAddress()),
                    s.localPort() == 0 ? "" : String.valueOf(s.localPort()),
                    peer(s),
                    nz(s.state()),
                    s.pid() == null ? "" : String.valueOf(s.pid()),
                    nz(s.program()));
            Element tr = new Element("tr");
            cells.forEach(c -> tr.appendChild(new Element("td").setText(c)));
            table.appendChild(tr);
            rows.add(tr);
            rowText.add(String.join(" ", cells).toLowerCase(Locale.ROOT));
        }
        Div wrap = new Div();
        wrap.addClassName("table-wrap");
        wrap.getElement().appendChild(table);
        box.add(wrap);
        if (!d.ownersComplete()) {
            Div note = new Div(t.apply("widget.owners-incomplete", new Object[0]));
            note.addClassName("not-runnable");
            box.add(note);
        }
    }

    static Component of(SocketsDetails d, BiFunction<String, Object[], String> t) {
        return new SocketsTable(d, t).box;
    }

    /** For tests: the table and its filter box. */
    static SocketsTable build(SocketsDetails d, BiFunction<String, Object[], String> t) {
        return new SocketsTable(d, t);
    }

    TextField filter() {
        return filter;
    }

    /** The rows not hidden by the filter, as their cells' text. */
    List<String> visibleRows() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).hasAttribute("hidden")) {
                out.add(rowText.get(i));
            }
        }
        return out;
    }

    private void apply(String value) {
        String[] words = value == null
                ? new String[0]
                : value.toLowerCase(Locale.ROOT).strip().split("\\s+");
        for (int i = 0; i < rows.size(); i++) {
            String text = rowText.get(i);
            boolean match = Arrays.stream(words).allMatch(text::contains);
            if (match) {
                rows.get(i).removeAttribute("hidden");
            } else {
                rows.get(i).setAttribute("hidden", true);
            }
        }
    }

    static boolean listening(SocketsDetails.Socket s) {
        String state = s.state() == null ? "" : s.state();
        return state.equals("LISTEN")
                || state.equals("LISTENING")
                || s.proto().startsWith("udp") && s.remotePort() == 0 && s.localPort() != 0;
    }

    private static String peer(SocketsDetails.Socket s) {
        if (s.remoteAddress() == null
                || s.remoteAddress().isEmpty()
                || s.proto().equals("unix")) {
            return nz(s.remoteAddress());
        }
        return s.remoteAddress() + ":" + (s.remotePort() == 0 ? "*" : String.valueOf(s.remotePort()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

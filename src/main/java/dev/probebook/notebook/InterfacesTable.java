package dev.probebook.notebook;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import dev.probebook.probe.interfaces.InterfacesDetails;
import java.util.function.BiFunction;

/**
 * Interfaces as a table: name, state, MTU, MAC and each address with a badge for its class (private,
 * public, loopback, CGNAT, link-local, ULA, reserved), so "which address is the public one" is answered
 * at a glance. Text only, no HTML.
 */
final class InterfacesTable {

    private InterfacesTable() {}

    static Component of(InterfacesDetails d, BiFunction<String, Object[], String> t) {
        Div box = new Div();
        box.getElement().setAttribute("data-details", "interfaces");
        box.add(DetailViews.heading(t.apply("widget.interfaces", new Object[0])));
        Element table = new Element("table");
        table.getClassList().add("data-table");
        Element head = new Element("tr");
        for (String h : DetailViews.columns(t, "interface", "state", "MTU", "MAC", "addresses")) {
            head.appendChild(new Element("th").setText(h));
        }
        table.appendChild(head);
        for (InterfacesDetails.Iface i : d.interfaces()) {
            Element tr = new Element("tr");
            tr.setAttribute("data-interface", i.name());
            tr.appendChild(new Element("td").setText(i.name()));
            tr.appendChild(new Element("td").setText(i.state() == null ? (i.up() ? "UP" : "DOWN") : i.state()));
            tr.appendChild(new Element("td").setText(i.mtu() > 0 ? String.valueOf(i.mtu()) : ""));
            tr.appendChild(new Element("td").setText(i.mac() == null ? "" : i.mac()));
            Element cell = new Element("td");
            for (InterfacesDetails.Addr a : i.addresses()) {
                Element line = new Element("div");
                line.setAttribute("data-address-class", a.addressClass());
                line.appendChild(new Element("span").setText(a.address() + "/" + a.prefix() + " "));
                Element badge = new Element("span").setText(a.addressClass());
                badge.getClassList().add("badge");
                badge.getClassList().add("addr-" + a.addressClass());
                line.appendChild(badge);
                cell.appendChild(line);
            }
            tr.appendChild(cell);
            table.appendChild(tr);
        }
        Div wrap = new Div();
        wrap.addClassName("table-wrap");
        wrap.getElement().appendChild(table);
        box.add(wrap);
        return box;
    }
}

package dev.probebook.notebook;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.probebook.probe.capture.CaptureDetails;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A capture as a packet timeline: one row per packet (time, from → to, a badge for SYN / SYN-ACK / RST /
 * FIN / ACK / data or the protocol, length), with the handshake packets coloured so a SYN without SYN-ACK
 * or a RST answering a SYN stands out, and the per-connection outcome table above it. Text only, no HTML.
 */
final class CaptureTimeline {

    /** Rows shown at most; the output above holds every packet. */
    static final int MAX_ROWS = 500;

    private CaptureTimeline() {}

    /** The timeline, and the pcap a {@code -w} capture wrote as a download when there is one. */
    static Optional<Component> render(CaptureDetails d, DetailContext c) {
        Component timeline = of(d, c.texts());
        if (d.savedFile() == null || !Files.isRegularFile(Path.of(d.savedFile()))) {
            return Optional.of(timeline);
        }
        return Optional.of(new Div(timeline, download(Path.of(d.savedFile()), c)));
    }

    /**
     * The pcap file a {@code -w} capture wrote (always under DATA_DIR/captures, under a generated name) as a
     * download. The link is bound to this session's UI, so only the user who ran the capture can fetch it.
     */
    private static Component download(Path file, DetailContext c) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = -1;
        }
        String name = file.getFileName().toString();
        Anchor link = new Anchor(
                DownloadHandler.forFile(file.toFile(), name),
                AttachmentType.DOWNLOAD,
                c.t("widget.download-capture", name, size));
        link.getElement().setAttribute("data-capture-download", name);
        Div box = new Div(link);
        box.addClassName("capture-download");
        return box;
    }

    static Component of(CaptureDetails d, BiFunction<String, Object[], String> t) {
        Div box = new Div();
        box.getElement().setAttribute("data-details", "capture");
        if (!d.connections().isEmpty()) {
            box.add(DetailViews.heading(t.apply("widget.connections", new Object[0])));
            box.add(DetailViews.table(
                    DetailViews.columns(t, "client", "server", "SYN", "SYN-ACK", "RST", "outcome", "meaning"),
                    d.connections().stream()
                            .map(c -> List.of(
                                    c.client(),
                                    c.server(),
                                    String.valueOf(c.synCount()),
                                    String.valueOf(c.synAckCount()),
                                    c.rst() ? "from " + c.rstFrom() : "",
                                    c.outcome(),
                                    c.explanation() == null ? "" : c.explanation()))
                            .toList()));
        }
        if (d.packets().isEmpty()) {
            return box;
        }
        box.add(DetailViews.heading(
                t.apply("widget.packets", new Object[] {d.packets().size()})));
        Element list = new Element("ol");
        list.getClassList().add("packet-timeline");
        for (CaptureDetails.Packet p :
                d.packets().subList(0, Math.min(MAX_ROWS, d.packets().size()))) {
            String kind = kind(p);
            Element row = new Element("li");
            row.setAttribute("data-kind", kind);
            row.appendChild(span("packet-time", p.time()));
            row.appendChild(span("packet-route", p.src().isEmpty() ? "" : p.src() + " → " + p.dst()));
            Element badge = span("packet-kind", kind);
            badge.getClassList().add("kind-" + kind.toLowerCase(Locale.ROOT));
            row.appendChild(badge);
            row.appendChild(span("packet-length", p.length() + " B"));
            list.appendChild(row);
        }
        box.getElement().appendChild(list);
        if (d.packets().size() > MAX_ROWS) {
            box.add(new Div(
                    t.apply("widget.more-rows", new Object[] {d.packets().size() - MAX_ROWS})));
        }
        return box;
    }

    /** What a packet is in a handshake: SYN, SYN-ACK, RST, FIN, DATA (push), ACK, or the protocol name. */
    static String kind(CaptureDetails.Packet p) {
        if (!"TCP".equals(p.proto())) {
            return p.proto().isEmpty() ? "other" : p.proto();
        }
        String f = p.flags() == null ? "" : p.flags();
        if (f.contains("R")) {
            return "RST";
        }
        if (f.contains("S")) {
            return f.contains(".") ? "SYN-ACK" : "SYN";
        }
        if (f.contains("F")) {
            return "FIN";
        }
        return f.contains("P") || p.length() > 0 ? "DATA" : "ACK";
    }

    private static Element span(String cls, String text) {
        Element e = new Element("span").setText(text == null ? "" : text);
        e.getClassList().add(cls);
        return e;
    }
}

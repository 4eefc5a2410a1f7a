package dev.probebook.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.dom.Element;
import dev.probebook.engine.RunResult;
import dev.probebook.probe.ProbeDetails;
import dev.probebook.probe.Verdict;
import dev.probebook.probe.capture.CaptureDetails;
import dev.probebook.probe.interfaces.InterfacesDetails;
import dev.probebook.probe.sockets.SocketsDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The structured views built from details records, checked on the server-side element tree (no browser). */
class DetailViewsTest {

    private static final BiFunction<String, Object[], String> T =
            (key, args) -> new NotebookTexts().getTranslation(key, Locale.ENGLISH, args);

    private static Element render(ProbeDetails details) {
        RunResult run = new RunResult("cmd", "probe", Verdict.OK, "summary", List.of(), false, 1, details);
        return DetailViews.standard()
                .render(List.of(run), new DetailContext(T, null, null))
                .getElement();
    }

    private static List<Element> all(Element root) {
        List<Element> out = new ArrayList<>();
        out.add(root);
        root.getChildren().forEach(c -> out.addAll(all(c)));
        return out;
    }

    private static Stream<Element> withAttribute(Element root, String attribute) {
        return all(root).stream().filter(e -> e.hasAttribute(attribute));
    }

    private static CaptureDetails.Packet tcp(String src, String dst, String flags, int length) {
        return new CaptureDetails.Packet("12:00:00.000000", src, dst, "TCP", flags, length, "line");
    }

    @Test
    void aCaptureIsATimelineOfHandshakePacketsUnderItsConnections() {
        CaptureDetails d = new CaptureDetails(
                "lo",
                "EN10MB",
                "tcp",
                List.of(
                        tcp("127.0.0.1.40000", "127.0.0.1.8080", "S", 0),
                        tcp("127.0.0.1.8080", "127.0.0.1.40000", "S.", 0),
                        tcp("127.0.0.1.40000", "127.0.0.1.8080", ".", 0),
                        tcp("127.0.0.1.40000", "127.0.0.1.8080", "P.", 5),
                        tcp("127.0.0.1.40001", "127.0.0.1.9", "S", 0),
                        tcp("127.0.0.1.9", "127.0.0.1.40001", "R.", 0),
                        new CaptureDetails.Packet("12:00:01.000000", "127.0.0.1", "127.0.0.1", "ICMP", "", 64, "line")),
                List.of(new CaptureDetails.Connection(
                        "127.0.0.1.40001",
                        "127.0.0.1.9",
                        1,
                        0,
                        true,
                        "127.0.0.1.9",
                        false,
                        2,
                        "refused",
                        "fail",
                        "nothing listens on port 9")),
                7,
                7,
                0,
                "count",
                null);
        Element root = render(d);
        assertThat(withAttribute(root, "data-details").map(e -> e.getAttribute("data-details")))
                .containsExactly("capture");
        assertThat(withAttribute(root, "data-kind").map(e -> e.getAttribute("data-kind")))
                .containsExactly("SYN", "SYN-ACK", "ACK", "DATA", "SYN", "RST", "ICMP");
        assertThat(root.getTextRecursively())
                .contains("127.0.0.1.9 → 127.0.0.1.40001", "refused", "nothing listens on port 9", "Packets (7)");
    }

    @Test
    void aLongCaptureShowsItsFirstRowsAndSaysHowManyMore() {
        List<CaptureDetails.Packet> packets = new ArrayList<>();
        for (int i = 0; i < CaptureTimeline.MAX_ROWS + 20; i++) {
            packets.add(tcp("10.0.0.1.1", "10.0.0.2.2", ".", 0));
        }
        Element root = render(
                new CaptureDetails("lo", "EN10MB", "", packets, List.of(), packets.size(), -1, -1, "count", null));
        assertThat(withAttribute(root, "data-kind").count()).isEqualTo(CaptureTimeline.MAX_ROWS);
        assertThat(root.getTextRecursively()).contains("20 more in the output above");
    }

    private static SocketsDetails.Socket socket(
            String proto, String local, int port, String remote, int rport, String state, String program) {
        return new SocketsDetails.Socket(
                proto, local, port, remote, rport, state, program == null ? null : 42L, program);
    }

    @Test
    void socketsShowTheListeningOnesAndTheFilterKeepsRowsWithEveryWord() {
        SocketsDetails d = new SocketsDetails(
                "ss",
                List.of(
                        socket("tcp", "0.0.0.0", 22, "0.0.0.0", 0, "LISTEN", "sshd"),
                        socket("tcp6", "::", 8080, "::", 0, "LISTEN", "java"),
                        socket("udp", "127.0.0.53", 53, "0.0.0.0", 0, "CLOSE", "systemd-resolve"),
                        socket("tcp", "10.0.0.5", 22, "10.0.0.9", 51000, "ESTABLISHED", "sshd")),
                List.of(22, 53, 8080),
                true);
        SocketsTable table = SocketsTable.build(d, T);
        assertThat(table.visibleRows()).hasSize(3).noneMatch(r -> r.contains("established"));
        table.filter().setValue("8080");
        assertThat(table.visibleRows()).singleElement().asString().contains("java");
        table.filter().setValue("TCP 22");
        assertThat(table.visibleRows()).singleElement().asString().contains("sshd");
        table.filter().setValue("nothing-like-this");
        assertThat(table.visibleRows()).isEmpty();
        table.filter().setValue("");
        assertThat(table.visibleRows()).hasSize(3);
    }

    @Test
    void withoutListeningSocketsEverySocketShownIsListed() {
        SocketsDetails d = new SocketsDetails(
                "netstat",
                List.of(socket("tcp", "10.0.0.5", 22, "10.0.0.9", 51000, "ESTABLISHED", null)),
                List.of(),
                false);
        SocketsTable table = SocketsTable.build(d, T);
        assertThat(table.visibleRows()).singleElement().asString().contains("10.0.0.9:51000");
        Element root = render(d);
        assertThat(root.getTextRecursively()).contains("Sockets (1)", "could not be inspected");
    }

    @Test
    void interfacesShowEachAddressWithItsClass() {
        InterfacesDetails d = new InterfacesDetails(
                List.of(
                        new InterfacesDetails.Iface(
                                "lo",
                                true,
                                "UNKNOWN",
                                65536,
                                "00:00:00:00:00:00",
                                List.of(new InterfacesDetails.Addr("inet", "127.0.0.1", 8, "host", "loopback"))),
                        new InterfacesDetails.Iface(
                                "eth0",
                                true,
                                "UP",
                                1500,
                                "52:54:00:12:34:56",
                                List.of(
                                        new InterfacesDetails.Addr("inet", "10.0.0.5", 24, "global", "private"),
                                        new InterfacesDetails.Addr("inet", "203.0.113.7", 32, "global", "public")))),
                null);
        Element root = render(d);
        assertThat(withAttribute(root, "data-interface").map(e -> e.getAttribute("data-interface")))
                .containsExactly("lo", "eth0");
        assertThat(withAttribute(root, "data-address-class").map(Element::getTextRecursively))
                .containsExactly("127.0.0.1/8 loopback", "10.0.0.5/24 private", "203.0.113.7/32 public");
    }

    @Test
    void detailsWithoutAViewAddNothing() {
        Element root = render(null);
        assertThat(root.getChildCount()).isZero();
    }
}

package dev.probebook.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.files.ContentHash;
import dev.probebook.net.HostsEdit.Added;
import dev.probebook.net.HostsEdit.Removed;
import dev.probebook.net.HostsFileEditor.Mode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The preview: which lines change, the exact new text, validation of the mapping. Reads only. */
class HostsFileEditorPreviewTest {

    private static final String FILE = """
            127.0.0.1 localhost
            10.0.0.9\tapp.example.com app   # old server
            10.0.0.7 other.example.com
            10.0.0.8 app.example.com
            ::1 localhost
            2001:db8::9 app.example.com
            """;

    @TempDir
    Path dir;

    private Path hosts(String text) throws Exception {
        return Files.writeString(dir.resolve("hosts"), text, StandardCharsets.UTF_8);
    }

    @Test
    void editingMovesTheNameAndTakesItOffEveryOtherLineOfItsFamily() throws Exception {
        Path hosts = hosts(FILE);
        HostsEdit edit = HostsFileEditor.preview(hosts, "10.0.0.5", List.of("app.example.com"), Mode.ADD_OR_MOVE);

        assertThat(edit.path()).isEqualTo(hosts);
        assertThat(edit.hash()).hasSize(64).isEqualTo(ContentHash.sha256(FILE.getBytes(StandardCharsets.UTF_8)));
        assertThat(edit.changes())
                .containsExactly(
                        new Removed(2, "10.0.0.9\tapp.example.com app   # old server"),
                        new Added(2, "10.0.0.9\tapp # old server"),
                        new Added(3, "10.0.0.5 app.example.com"),
                        new Removed(4, "10.0.0.8 app.example.com"));
        assertThat(edit.changes())
                .extracting(HostsEdit.Change::display)
                .startsWith("- 10.0.0.9\tapp.example.com app   # old server");
        assertThat(edit.newText()).isEqualTo("""
                127.0.0.1 localhost
                10.0.0.9\tapp # old server
                10.0.0.5 app.example.com
                10.0.0.7 other.example.com
                ::1 localhost
                2001:db8::9 app.example.com
                """);
        assertThat(edit.added()).isEqualTo(2);
        assertThat(edit.removed()).isEqualTo(2);
        assertThat(edit.notes())
                .containsExactly("app.example.com also has the IPv6 address 2001:db8::9 (line 6), which this"
                        + " edit leaves alone: clients that try IPv6 first still use it");
        assertThat(Files.readString(hosts)).isEqualTo(FILE);
    }

    @Test
    void aNewNameGoesAtTheEnd() throws Exception {
        Path hosts = hosts(FILE);
        HostsEdit edit =
                HostsFileEditor.preview(hosts, "10.0.0.5", List.of("new.example.com", "new"), Mode.ADD_OR_MOVE);
        assertThat(edit.changes()).containsExactly(new Added(7, "10.0.0.5 new.example.com new"));
        assertThat(edit.newText()).isEqualTo(FILE + "10.0.0.5 new.example.com new\n");
        assertThat(edit.notes()).isEmpty();
    }

    @Test
    void onlyTheNamesNotYetThereAreAdded() throws Exception {
        Path hosts = hosts("10.0.0.5 app.example.com\n");
        HostsEdit edit = HostsFileEditor.preview(
                hosts, "10.0.0.5", List.of("APP.example.com.", "api.example.com"), Mode.ADD_OR_MOVE);
        assertThat(edit.changes()).containsExactly(new Added(2, "10.0.0.5 api.example.com"));
    }

    @Test
    void aMappingThatIsThereAlreadyChangesNothing() throws Exception {
        Path hosts = hosts(FILE.replace("10.0.0.8 app.example.com\n", ""));
        HostsEdit edit =
                HostsFileEditor.preview(hosts, "10.0.0.9", List.of("app", "App.Example.com"), Mode.ADD_OR_MOVE);
        assertThat(edit.nothingToChange()).isTrue();
        assertThat(edit.changes()).isEmpty();
        assertThat(edit.newText()).isEqualTo(Files.readString(hosts));

        HostsEdit appended = HostsFileEditor.preview(hosts, "10.0.0.9", List.of("app.example.com"), Mode.APPEND);
        assertThat(appended.nothingToChange()).isTrue();
    }

    @Test
    void appendingAddsTheLineAsEchoWouldAndSaysWhenItDoesNotTakeEffect() throws Exception {
        Path hosts = hosts(FILE);
        HostsEdit edit = HostsFileEditor.preview(
                hosts, "10.0.0.5", List.of("app.example.com", "fresh.example.com"), Mode.APPEND);
        assertThat(edit.changes()).containsExactly(new Added(7, "10.0.0.5 app.example.com fresh.example.com"));
        assertThat(edit.newText()).isEqualTo(FILE + "10.0.0.5 app.example.com fresh.example.com\n");
        assertThat(edit.notes())
                .first()
                .isEqualTo(
                        "appending does not move app.example.com: line 2 maps it to 10.0.0.9 and the"
                                + " resolver returns that line first, so clients still try 10.0.0.9; edit the line instead (add or move) to move it");
    }

    @Test
    void anIpv6AddressTouchesOnlyIpv6Lines() throws Exception {
        Path hosts = hosts(FILE);
        HostsEdit edit = HostsFileEditor.preview(hosts, "2001:DB8::5", List.of("app.example.com"), Mode.ADD_OR_MOVE);
        assertThat(edit.changes())
                .containsExactly(
                        new Removed(6, "2001:db8::9 app.example.com"), new Added(6, "2001:db8::5 app.example.com"));
        assertThat(edit.notes())
                .containsExactly(
                        "app.example.com also has the IPv4 address 10.0.0.9 (line 2), which this edit leaves alone: clients that try IPv4 first still use it",
                        "app.example.com also has the IPv4 address 10.0.0.8 (line 4), which this edit leaves alone: clients that try IPv4 first still use it");
    }

    @Test
    void anIdnNameIsWrittenInItsAsciiFormAndMatchedInEitherForm() throws Exception {
        Path hosts = hosts("127.0.0.1 localhost\n10.0.0.9 한국.example www\n");
        HostsEdit edit = HostsFileEditor.preview(hosts, "10.0.0.5", List.of("한국.example"), Mode.ADD_OR_MOVE);
        assertThat(edit.changes())
                .containsExactly(
                        new Removed(2, "10.0.0.9 한국.example www"),
                        new Added(2, "10.0.0.9 www"),
                        new Added(3, "10.0.0.5 xn--3e0b707e.example"));
        assertThat(edit.notes())
                .containsExactly("한국.example is written as xn--3e0b707e.example, the form resolvers look up");

        Path ascii = hosts("10.0.0.5 xn--3e0b707e.example\n");
        assertThat(HostsFileEditor.preview(ascii, "10.0.0.5", List.of("한국.EXAMPLE"), Mode.ADD_OR_MOVE)
                        .nothingToChange())
                .isTrue();
    }

    @Test
    void crlfLinesStayCrlfAndOnlyTheChangedLinesDiffer() throws Exception {
        Path hosts = hosts("127.0.0.1 localhost\r\n10.0.0.9 app.example.com\r\n# end\r\n");
        HostsEdit edit = HostsFileEditor.preview(hosts, "10.0.0.5", List.of("app.example.com"), Mode.ADD_OR_MOVE);
        assertThat(edit.newText()).isEqualTo("127.0.0.1 localhost\r\n10.0.0.5 app.example.com\r\n# end\r\n");
        HostsEdit appended = HostsFileEditor.preview(hosts, "10.0.0.6", List.of("b.example.com"), Mode.APPEND);
        assertThat(appended.newText())
                .isEqualTo("127.0.0.1 localhost\r\n10.0.0.9 app.example.com\r\n# end\r\n10.0.0.6 b.example.com\r\n");
    }

    @Test
    void aLastLineWithoutNewlineGetsOneBeforeTheNewLine() throws Exception {
        Path hosts = hosts("127.0.0.1 localhost\n10.0.0.9 app.example.com");
        assertThat(HostsFileEditor.preview(hosts, "10.0.0.6", List.of("b.example.com"), Mode.APPEND)
                        .newText())
                .isEqualTo("127.0.0.1 localhost\n10.0.0.9 app.example.com\n10.0.0.6 b.example.com\n");
        // the line without newline is replaced: the new line is last and ends like the others
        assertThat(HostsFileEditor.preview(hosts, "10.0.0.5", List.of("app.example.com"), Mode.ADD_OR_MOVE)
                        .newText())
                .isEqualTo("127.0.0.1 localhost\n10.0.0.5 app.example.com\n");
        Path unchangedLast = hosts("10.0.0.9 app.example.com\n127.0.0.1 localhost");
        assertThat(HostsFileEditor.preview(unchangedLast, "10.0.0.5", List.of("app.example.com"), Mode.ADD_OR_MOVE)
                        .newText())
                .isEqualTo("10.0.0.5 app.example.com\n127.0.0.1 localhost");
    }

    @Test
    void anEmptyFileGetsTheLine() throws Exception {
        Path hosts = hosts("");
        HostsEdit edit = HostsFileEditor.preview(hosts, "10.0.0.5", List.of("a.example.com"), Mode.ADD_OR_MOVE);
        assertThat(edit.changes()).containsExactly(new Added(1, "10.0.0.5 a.example.com"));
        assertThat(edit.newText()).isEqualTo("10.0.0.5 a.example.com\n");
    }

    @Test
    void bytesThatAreNotUtf8SurviveUnchanged() throws Exception {
        byte[] latin1 = "10.0.0.7 caf\u00e9.local # r\u00e9seau\n".getBytes(StandardCharsets.ISO_8859_1);
        Path hosts = Files.write(dir.resolve("hosts"), latin1);
        HostsEdit edit = HostsFileEditor.preview(hosts, "10.0.0.5", List.of("a.example.com"), Mode.APPEND);
        assertThat(edit.newText().getBytes(StandardCharsets.ISO_8859_1))
                .startsWith(latin1)
                .endsWith("10.0.0.5 a.example.com\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aMissingFileCannotBePreviewed() {
        assertThatThrownBy(() ->
                        HostsFileEditor.preview(dir.resolve("nope"), "10.0.0.5", List.of("a.example.com"), Mode.APPEND))
                .isInstanceOf(NoSuchFileException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            app.example.com   | a.example.com     | 'app.example.com' is not an IP address: the hosts file maps names to an IPv4 or IPv6 address, e.g. 10.10.100.5 app.example.co.kr
            10.0.0.256        | a.example.com     | '10.0.0.256' is not an IP address: the hosts file maps names to an IPv4 or IPv6 address, e.g. 10.10.100.5 app.example.co.kr
            fe80::1%eth0      | a.example.com     | 'fe80::1%eth0' has a zone (%eth0): the hosts file takes a plain IPv4 or IPv6 address
            10.0.0.5          | a.example.com b   | the host name 'a.example.com b' contains a blank: give each name on its own
            10.0.0.5          | a#b               | the host name 'a#b' contains '#', which starts a comment in the hosts file
            10.0.0.5          | 10.0.0.6          | '10.0.0.6' is an address, not a host name: a hosts line is ADDRESS NAME [ALIAS...], e.g. 10.10.100.5 app.example.co.kr
            10.0.0.5          | -rf               | '-rf' is not a host (it looks like an option)
            10.0.0.5          | a..example.com    | 'a..example.com' is not a valid host name
            10.0.0.5          | https://x.example | 'https://x.example' is a URL; give only the host name, e.g. 'x.example'
            "10.0.0.5 "       | a.example.com     | the address '10.0.0.5 ' contains a blank
            """)
    void invalidInputIsRefusedWithWhatIsWrong(String address, String name, String message) {
        assertThatThrownBy(
                        () -> HostsFileEditor.preview(dir.resolve("hosts"), address, List.of(name), Mode.ADD_OR_MOVE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void controlCharactersAndTooManyNamesAreRefused() {
        Path hosts = dir.resolve("hosts");
        assertThatThrownBy(() -> HostsFileEditor.preview(
                        hosts, "10.0.0.5", List.of("a.example.com\n10.0.0.6 evil"), Mode.APPEND))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the host name 'a.example.com?10.0.0.6 evil' contains a control character (U+000A)");
        assertThatThrownBy(() -> HostsFileEditor.preview(hosts, "10.0.0.5", List.of(), Mode.APPEND))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no host name");
        List<String> many =
                Arrays.asList(Collections.nCopies(33, "a.example.com").toArray(String[]::new));
        assertThatThrownBy(() -> HostsFileEditor.preview(hosts, "10.0.0.5", many, Mode.APPEND))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("33 names: at most 32 on one hosts line");
        assertThatThrownBy(() -> HostsFileEditor.preview(hosts, null, List.of("a.example.com"), Mode.APPEND))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no address");
    }
}

package dev.probebook.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What every failed hosts-file write must leave behind: the file as it was, no temporary file, no backup. */
final class NotWritten {

    private NotWritten() {}

    /** {@code others}: files that belong in the hosts file's folder besides the file itself. */
    static void assertNotWritten(Path hosts, String content, Path backups, Path... others) throws IOException {
        assertThat(Files.readString(hosts)).isEqualTo(content);
        List<Path> expected = new ArrayList<>(List.of(others));
        expected.add(hosts);
        assertThat(list(hosts.getParent())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(list(backups)).isEmpty();
    }

    static List<Path> list(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }
}

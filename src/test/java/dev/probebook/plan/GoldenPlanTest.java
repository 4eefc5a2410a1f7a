package dev.probebook.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.registry.ProbeRegistry;
import dev.probebook.runbook.MarkdownParser;
import dev.probebook.runbook.RunbookSource;
import dev.probebook.testing.PlanDump;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests: every parser fixture and every shipped runbook, dumped compactly and compared with its
 * expected dump. Regenerate after an intended change with {@code -Dgolden.update=true} and review the diff; a
 * document without a golden dump fails until one is written that way.
 */
class GoldenPlanTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/parser");
    private static final Path RUNBOOKS = Path.of("runbooks");
    private static final Path GOLDEN_RUNBOOKS = Path.of("src/test/resources/golden/runbooks");

    static Stream<Path[]> documents() throws IOException {
        Stream<Path[]> fixtures = list(FIXTURES).map(md -> new Path[] {md, FIXTURES.resolve(stem(md) + ".dump")});
        Stream<Path[]> runbooks =
                list(RUNBOOKS).map(md -> new Path[] {md, GOLDEN_RUNBOOKS.resolve(stem(md) + ".dump")});
        return Stream.concat(fixtures, runbooks);
    }

    private static Stream<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList().stream();
        }
    }

    private static String stem(Path md) {
        return md.getFileName().toString().replaceFirst("\\.md$", "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void planMatchesGoldenDump(Path markdown, Path expected) throws Exception {
        String text = RunbookSource.read(markdown, 8 << 20).text();
        RunbookPlan plan = new Planner(ProbeRegistry.standard()).plan(new MarkdownParser().parse(text, stem(markdown)));
        String actual = PlanDump.dump(plan);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(expected.getParent());
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        // a missing golden file is a failure, not a pass: write it on purpose (-Dgolden.update=true) and review it
        assertThat(expected)
                .as("golden dump for %s (create it with -Dgolden.update=true, then review it)", markdown)
                .exists();
        assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
}

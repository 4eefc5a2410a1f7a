package dev.probebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Package boundaries: the engine stays free of the UI and of Spring, so the CLI and the notebook share it. */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/dev/probebook");

    private static List<String> offending(String packageDir, String... forbiddenImports) throws IOException {
        List<String> out = new ArrayList<>();
        Path root = packageDir.isEmpty() ? MAIN : MAIN.resolve(packageDir);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (packageDir.isEmpty() && f.startsWith(MAIN.resolve("notebook"))) {
                    continue;
                }
                for (String line : Files.readAllLines(f)) {
                    for (String forbidden : forbiddenImports) {
                        if (line.startsWith("import " + forbidden) || line.startsWith("import static " + forbidden)) {
                            out.add(MAIN.relativize(f) + ": " + line);
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void onlyTheNotebookImportsVaadin() throws IOException {
        assertThat(offending("", "com.vaadin")).isEmpty();
    }

    @Test
    void theRunbookModelKnowsNoSpringNoVaadinAndNoProbes() throws IOException {
        assertThat(offending(
                        "runbook",
                        "org.springframework",
                        "com.vaadin",
                        "dev.probebook.probe",
                        "dev.probebook.plan",
                        "dev.probebook.engine",
                        "dev.probebook.command"))
                .isEmpty();
    }

    @Test
    void theEngineDoesNotDependOnSpring() throws IOException {
        for (String pkg : List.of(
                "probe", "command", "plan", "engine", "policy", "settings", "cli", "audit", "files", "access")) {
            assertThat(offending(pkg, "org.springframework", "com.vaadin"))
                    .as(pkg)
                    .isEmpty();
        }
    }
}

package dev.probebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.testing.LoopbackServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The packaged jar as a user runs it: a separate JVM, real stdout and exit status (runs after package). */
class CliJarIT {

    record Result(int status, String out) {}

    static Result jar(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-jar");
        command.add(Path.of("target/probebook.jar").toAbsolutePath().toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    @Test
    void hashPasswordPrintsABcryptHashForTheConfiguration() throws Exception {
        List<String> command = List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                Path.of("target/probebook.jar").toAbsolutePath().toString(),
                "hash-password");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().write("a-good-password\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).matches("\\{bcrypt}\\$2a\\$10\\$[./A-Za-z0-9]{53}");
        assertThat(new BCryptPasswordEncoder().matches("a-good-password", out.substring("{bcrypt}".length())))
                .isTrue();
    }

    @Test
    void stepsOfAShippedRunbook() throws Exception {
        Result r = jar("steps", "runbooks/network-connectivity.en.md", "--json");
        assertThat(r.status()).as(r.out()).isZero();
        assertThat(r.out()).startsWith("{").contains("\"blocks\"", "\"kind\" : \"step\"", "\"probe\" : \"http\"");
    }

    @Test
    void execPipesIntoGrepAndExitsOneOnFailure() throws Exception {
        try (var server = new LoopbackServers.Open(null)) {
            Result ok = jar("exec", "--", "nc", "-zv", "127.0.0.1", String.valueOf(server.port()));
            assertThat(ok.status()).as(ok.out()).isZero();
            assertThat(ok.out()).contains("succeeded!").doesNotContain("INFO");
        }
        Result refused = jar("exec", "--", "nc -zv 127.0.0.1 " + LoopbackServers.closedPort());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.out()).contains("Connection refused");
        assertThat(jar("exec", "--", "nc", "-zv").status()).isEqualTo(2);
        assertThat(jar("run").status()).isEqualTo(2);
    }
}

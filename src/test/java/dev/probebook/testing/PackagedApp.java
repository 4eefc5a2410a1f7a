package dev.probebook.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The packaged web app ({@code target/probebook.jar}) in its own JVM on a free loopback port, for the
 * integration tests. Its console goes to {@code target/LOGNAME.log}; {@link #log()} reads it.
 */
public final class PackagedApp implements AutoCloseable {

    /** A test user: name, password and role; the app gets only the bcrypt hash. */
    public record User(String name, String password, String role) {
        /** bcrypt cost of the hashes the app gets: 4 keeps tests fast; benchmarks set the real 10. */
        public static int hashCost() {
            return Integer.getInteger("probebook.test.bcrypt-cost", 4);
        }

        String arguments() {
            return "--probebook.users." + name + ".password-hash="
                    + new BCryptPasswordEncoder(hashCost()).encode(password) + "\n--probebook.users." + name + ".roles="
                    + role;
        }

        /** The {@code Authorization} header value for HTTP Basic. */
        public String basic() {
            return "Basic "
                    + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Process process;
    private final Path log;
    private final int port;

    private PackagedApp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the app with these users (none: single-owner mode) and extra {@code --key=value} arguments. */
    public static PackagedApp start(String logName, List<User> users, String... args) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                Path.of("target/probebook.jar").toAbsolutePath().toString(),
                "--server.port=" + port));
        for (User u : users) {
            command.addAll(List.of(u.arguments().split("\n")));
        }
        command.addAll(List.of(args));
        Path log = Path.of("target/" + logName + ".log");
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("VAADIN_USAGE_STATS_ENABLED", "false");
        PackagedApp app = new PackagedApp(pb.start(), log, port);
        app.waitUntilUp(Duration.ofSeconds(90));
        return app;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** The app process's id (for {@code /proc/PID/status} in the benchmarks). */
    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    private void waitUntilUp(Duration max) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("app exited: see " + log + "\n" + log());
            }
            try {
                if (client.send(
                                        HttpRequest.newBuilder(URI.create(base() + "/login"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("app did not answer on " + base() + "/login; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

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
    private final long launchedNanos = System.nanoTime();
    private long startMs;

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
        List<String> command = new ArrayList<>(
                List.of(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jarArguments());
        command.add("--server.port=" + port);
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

    /**
     * How {@code ./probebook} starts the app: from the extracted jar with the JDK AOT cache when {@code ./probebook
     * prepare} made one for this build (newer than the jar), else {@code -jar target/probebook.jar}.
     */
    private static List<String> jarArguments() throws IOException {
        Path jar = Path.of("target/probebook.jar");
        Path aot = Path.of("target/app.aot");
        Path extracted = Path.of("target/app/probebook.jar");
        if (Files.isRegularFile(aot)
                && Files.isRegularFile(extracted)
                && Files.getLastModifiedTime(aot).compareTo(Files.getLastModifiedTime(jar)) > 0) {
            return List.of(
                    "-XX:AOTCache=" + aot.toAbsolutePath(),
                    "-Xlog:aot=off,cds=off",
                    "-jar",
                    extracted.toAbsolutePath().toString());
        }
        return List.of("-jar", jar.toAbsolutePath().toString());
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

    /** Milliseconds from launching the process to the sign-in page first answering 200 (for the benchmarks). */
    public long startMs() {
        return startMs;
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
                    startMs = (System.nanoTime() - launchedNanos) / 1_000_000;
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(50);
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

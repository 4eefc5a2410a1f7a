package dev.probebook.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: Debian's binaries ({@code postgresql}, which {@code ./probebook test} installs),
 * a fresh cluster in a temporary folder, listening on 127.0.0.1 and a free port only, no password (trust), fsync off.
 * As root the server runs as the {@code postgres} user (PostgreSQL refuses to run as root), in a mount namespace
 * with a private {@code /dev}. Stopped and deleted on close.
 */
public final class PostgresServer implements AutoCloseable {

    private static final String USER = "probebook";

    private static final String PRIVATE_DEV = "mount -t tmpfs -o mode=755 tmpfs /dev"
            + " && mknod -m 666 /dev/null c 1 3 && mknod -m 666 /dev/zero c 1 5"
            + " && mknod -m 666 /dev/random c 1 8 && mknod -m 666 /dev/urandom c 1 9 && mkdir -m 1777 /dev/shm";

    private final Path dir;
    private final Path bin;
    private final int port;
    private final boolean asPostgres;

    private PostgresServer(Path dir, Path bin, int port, boolean asPostgres) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** The newest installed server's binaries, or null when PostgreSQL is not installed. */
    public static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(p -> versionOf(p.getParent())))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int versionOf(Path p) {
        try {
            return Integer.parseInt(p.getFileName().toString().replaceAll("\\D", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static PostgresServer start() throws Exception {
        Path bin = binaries();
        if (bin == null) {
            throw new IllegalStateException("PostgreSQL is not installed: apt-get install postgresql (./probebook test"
                    + " does this as root)");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("probebook-pg");
        if (root) {
            UserPrincipal postgres =
                    dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        PostgresServer server = new PostgresServer(dir, bin, port, root);
        server.exec(
                Duration.ofSeconds(60),
                bin.resolve("initdb").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-A",
                "trust",
                "-U",
                USER,
                "-E",
                "UTF8",
                "--no-locale");
        server.resume();
        return server;
    }

    /** Starts the server (again, after {@link #kill}: the same cluster, port and data). */
    public void resume() throws IOException, InterruptedException {
        exec(
                Duration.ofSeconds(60),
                bin.resolve("pg_ctl").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-l",
                dir.resolve("server.log").toString(),
                "-w",
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off",
                "start");
    }

    private void exec(Duration limit, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (asPostgres) {
            // PostgreSQL must not run as root: run it as postgres, in a mount namespace of its own with a /dev it
            // may use (some sandboxes keep /dev closed to other users: no /dev/null, no /dev/shm)
            line.addAll(List.of(
                    "unshare",
                    "-m",
                    "--propagation",
                    "private",
                    "sh",
                    "-c",
                    PRIVATE_DEV + " && exec runuser -u postgres -- \"$@\"",
                    "sh"));
        }
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("commands.log").toFile())
                .start();
        if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", line));
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", line) + " exited " + p.exitValue() + ":\n"
                    + Files.readString(dir.resolve("commands.log")));
        }
    }

    /** A new, empty database on this server; its JDBC URL. */
    public String newDatabase(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return USER;
    }

    public int port() {
        return port;
    }

    /** Stops the server at once, as a crash or an outage would (the files stay until close). */
    public void kill() throws IOException, InterruptedException {
        exec(
                Duration.ofSeconds(30),
                bin.resolve("pg_ctl").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-m",
                "immediate",
                "stop");
    }

    @Override
    public void close() throws Exception {
        try {
            kill();
        } catch (IOException e) {
            // already stopped
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

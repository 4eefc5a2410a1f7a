package dev.probebook.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away network interface for capture tests (needs root and {@code ip}): a dummy interface, or a veth
 * pair where the kernel has no dummy driver (containers). No address is given to it, so nothing is routed
 * through it; frames a test sends on it stay on this machine. {@link #close()} deletes it if it still exists.
 */
public final class VirtualInterface implements AutoCloseable {

    private final String name;

    private VirtualInterface(String name) {
        this.name = name;
    }

    /** True when this process may create interfaces: root, with {@code ip} on the PATH. */
    public static boolean canCreate() {
        try {
            return "0".equals(output("id", "-u").strip()) && ip("-V").isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates {@code name} and brings it up; a stale one from an earlier run is removed first. */
    public static VirtualInterface create(String name) throws IOException {
        VirtualInterface vi = new VirtualInterface(name);
        vi.delete();
        String dummy = ip("link", "add", name, "type", "dummy");
        if (!dummy.isEmpty()) {
            String veth = ip("link", "add", name, "type", "veth", "peer", "name", name + "p");
            if (!veth.isEmpty()) {
                throw new IOException("cannot create " + name + ": " + dummy.strip() + " / " + veth.strip());
            }
            require(ip("link", "set", name + "p", "up"));
        }
        require(ip("link", "set", name, "up"));
        return vi;
    }

    public String name() {
        return name;
    }

    public boolean exists() {
        return Files.exists(Path.of("/sys/class/net", name));
    }

    /** Deletes the interface (and a veth peer with it); nothing happens when it is already gone. */
    public void delete() throws IOException {
        if (exists()) {
            require(ip("link", "del", name));
        }
    }

    @Override
    public void close() throws IOException {
        delete();
    }

    private static void require(String error) throws IOException {
        if (!error.isEmpty()) {
            throw new IOException("ip: " + error.strip());
        }
    }

    /** Runs {@code ip ARGS}; returns its error output, empty on success. */
    private static String ip(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            return p.exitValue() == 0 ? "" : out.isEmpty() ? "exit " + p.exitValue() : out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return "interrupted";
        }
    }

    private static String output(String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}

package dev.probebook.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Real mounts for the failures that root cannot be made to see otherwise (root ignores permission bits):
 * a read-only file system, a full disk, a file that is a bind mount. Needs root with CAP_SYS_ADMIN and
 * the {@code mount} tool; a test that uses it is tagged {@code privileged} and skipped (assumption) where
 * mounting is not possible. Every mount is undone by {@link #close}.
 */
public final class Mounts implements AutoCloseable {

    private final List<Path> mounted = new ArrayList<>();

    /** A tmpfs of {@code size} (e.g. {@code 64k}) on the directory. */
    public void tmpfs(Path dir, String size) throws Exception {
        mount(dir, "mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
    }

    /** The directory mounted on itself, read-only: every write under it fails with EROFS. */
    public void readOnly(Path dir) throws Exception {
        mount(dir, "mount", "--bind", dir.toString(), dir.toString());
        run(true, "mount", "-o", "remount,ro,bind", dir.toString());
    }

    /** {@code source} bind-mounted on the file {@code target}, as Docker mounts /etc/hosts. */
    public void bind(Path source, Path target) throws Exception {
        mount(target, "mount", "--bind", source.toString(), target.toString());
    }

    private void mount(Path target, String... command) throws Exception {
        run(false, command);
        mounted.add(target);
    }

    private static void run(boolean required, String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("cannot run mount: " + e.getMessage());
            return;
        }
        boolean done = p.waitFor(10, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!done || p.exitValue() != 0) {
            if (required) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            Assumptions.abort("mounting is not possible here (" + String.join(" ", command) + ": " + out + ")");
        }
    }

    @Override
    public void close() throws Exception {
        for (Path p : mounted.reversed()) {
            run(true, "umount", p.toString());
        }
        mounted.clear();
    }
}
